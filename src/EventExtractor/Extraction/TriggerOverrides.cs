using EventExtractor.Text;

namespace EventExtractor.Extraction;

/// <summary>
/// A few unambiguous wordings that decide the type whatever the classifier says. The classifier learns from a small
/// corpus (85 withdrew examples); these phrases are the ontology's own definitions, so where they govern the place
/// in its clause they are trusted over the model.
/// </summary>
public static class TriggerOverrides
{
    private static readonly string[][] LossBefore =
    [
        ["loss", "of"], ["withdrew", "from"], ["withdrawal", "from"], ["retreated", "from"], ["pulled", "out", "of"], ["abandoned"], ["evacuated"],
    ];

    private static readonly string[][] CaptureBefore =
    [
        ["took", "control", "of"], ["took", "control", "over"], ["taken", "control", "of"], ["taken", "control", "over"], ["taking", "control", "of"],
        ["seized", "control", "of"], ["gained", "control", "of"], ["gained", "control", "over"], ["regained", "control", "of"], ["regained", "control", "over"],
        ["asserted", "control", "over"], ["asserted", "control", "of"], ["wrested", "control", "of"], ["imposed", "control", "over"], ["took", "over"],
    ];

    private static readonly string[][] StateBefore =
    [
        ["retains", "a", "presence", "in"], ["retain", "a", "presence", "in"], ["retains"], ["in", "control", "of"], ["clinging", "to"],
        ["still", "holds"], ["still", "controls"], ["stronghold", "of"],
    ];

    private static readonly string[][] StateAfter =
    [
        ["remains", "under"], ["remain", "under"], ["remained", "under"], ["still", "under"],
    ];

    private static readonly HashSet<string> ClauseBreaks = new(StringComparer.Ordinal) { ",", ";", ":", "where", "which", "while", "after", "before", "but" };

    private static readonly HashSet<string> ChangeWords = new(StringComparer.Ordinal)
    {
        "capture", "captured", "recapture", "recaptured", "seized", "took", "retook", "fell", "fall", "liberated", "overran", "stormed", "battling",
        "attacked", "clashes", "offensive", "besieged", "assault", "fighting",
    };

    /// <summary>
    /// The type for a place in its sentence: "loss of (the town of) P", "withdrew from P" → withdrew (the loser is
    /// named, the captor is not); "retains a presence in P", "in control of ... P", "P ... remains under X control" with
    /// no change word between → controls. Otherwise the classifier's label.
    /// </summary>
    private static readonly HashSet<string> Directions = new(StringComparer.Ordinal) { "south", "north", "east", "west", "southeast", "southwest", "northeast", "northwest", "near", "outside" };

    /// <summary>
    /// "just south of the capital Damascus", "near Aleppo": a place named as a reference point for another place is a
    /// qualifier, not the event's place (ontology: qualifiers are context).
    /// </summary>
    public static bool IsReferencePoint(Document doc, int sentenceIndex, TextSpan place)
    {
        var sentence = doc.Sentences[sentenceIndex];
        int t = doc.TokenAt(place.Start) - 1;
        while (t >= sentence.FirstToken && doc.LowerToken(t) is "the" or "capital" or "city" or "town" or "provincial") t--;
        if (t >= sentence.FirstToken && doc.LowerToken(t) is "near" or "outside") return true;
        return t - 1 >= sentence.FirstToken && doc.TokenText(t).Equals("of", StringComparison.OrdinalIgnoreCase)
            && Directions.Contains(doc.LowerToken(t - 1));
    }

    private static readonly HashSet<string> Things = new(StringComparer.Ordinal)
    {
        "ieds", "ied", "weapons", "weapon", "ammunition", "arms", "explosives", "vehicles", "vehicle", "fighters", "members", "hostages",
        "drugs", "cache", "caches", "mines", "landmines", "equipment", "tanks", "militants", "suspects", "people", "civilians", "a", "an",
    };

    public static string Relabel(Document doc, int sentenceIndex, TextSpan place, string label)
    {
        var sentence = doc.Sentences[sentenceIndex];
        int first = doc.TokenAt(place.Start);
        int last = doc.TokenAt(Math.Max(place.Start, place.End - 1));
        string W(int t) => doc.LowerToken(t);

        if (label == EventTypes.Captured && NotAControlChange()) return EventTypes.None;

        // Back to the clause start, skipping "the town of"-style glue for the loss pattern.
        int k = first - 1;
        while (k >= sentence.FirstToken && W(k) is "the" or "town" or "city" or "village" or "villages" or "of" or "key" or "strategic" or "border"
               or "their" or "its" or "positions" or "position" or "in" or "area" or "district" or "neighbourhood" or "neighborhood") k--;
        for (int t = Math.Max(k, sentence.FirstToken); t < first; t++)
        {
            foreach (var p in LossBefore)
                if (EndsAt(p, t)) return EventTypes.Withdrew;
            foreach (var p in CaptureBefore)
                if (EndsAt(p, t)) return EventTypes.Captured;
            // "X controlled the village of P ... after clashes": a hold reached by fighting is a capture.
            if (EndsAt(["controlled"], t) && AfterFighting()) return EventTypes.Captured;
        }

        // A place governed by a change word earlier in its clause ("the capture of the key town of Al-Qaim ...") keeps the classifier's label.
        for (int t = first - 1; t >= Math.Max(sentence.FirstToken, first - 8); t--)
        {
            if (ClauseBreaks.Contains(W(t))) break;
            if (ChangeWords.Contains(W(t))) return label;
        }

        for (int t = first - 1; t >= sentence.FirstToken; t--)
        {
            var w = W(t);
            if (ClauseBreaks.Contains(w) || ChangeWords.Contains(w)) break;
            foreach (var p in StateBefore)
                if (EndsAt(p, t)) return EventTypes.Controls;
        }
        for (int t = last + 1; t < sentence.EndToken; t++)
        {
            var w = W(t);
            if (ClauseBreaks.Contains(w) || ChangeWords.Contains(w) || w == "left") break;
            foreach (var p in StateAfter)
                if (StartsAt(p, t)) return EventTypes.Controls;
        }
        return label;

        // "shells fell on the village of P", "seized explosives in the area of P", "took to the streets in P": shelling,
        // seizures of things and protests are not control events (ontology: a capture of people or things is not one).
        bool NotAControlChange()
        {
            for (int t = first - 1; t >= sentence.FirstToken; t--)
            {
                var w = W(t);
                if (w is "fell" && t + 1 < sentence.EndToken && W(t + 1) is "on" or "in" or "near") return true;
                if (w is "took" && t + 2 < sentence.EndToken && W(t + 1) == "to" && W(t + 2) == "the") return true;
                if (w is "seized" or "captured" or "seizing" or "capturing")
                {
                    for (int u = t + 1; u < Math.Min(first, t + 4); u++)
                        if (Things.Contains(W(u)) && !(W(u) is "a" or "an")) return true;
                    return false;
                }
                if (ChangeWords.Contains(w)) return false;
            }
            return false;
        }

        bool AfterFighting()
        {
            for (int t = sentence.FirstToken; t + 1 < sentence.EndToken; t++)
            {
                if (W(t) != "after") continue;
                for (int u = t + 1; u < Math.Min(sentence.EndToken, t + 4); u++)
                    if (W(u) is "clashes" or "fighting" or "battles" or "attacks" or "an" && u < sentence.EndToken) return true;
            }
            return false;
        }

        bool EndsAt(string[] phrase, int end)
        {
            int start = end - phrase.Length + 1;
            if (start < sentence.FirstToken || end >= sentence.EndToken) return false;
            for (int i = 0; i < phrase.Length; i++) if (W(start + i) != phrase[i]) return false;
            return true;
        }

        bool StartsAt(string[] phrase, int start)
        {
            if (start + phrase.Length > sentence.EndToken) return false;
            for (int i = 0; i < phrase.Length; i++) if (W(start + i) != phrase[i]) return false;
            return true;
        }
    }
}
