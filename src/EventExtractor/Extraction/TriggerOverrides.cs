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

    /// <summary>
    /// "claimed to recapture P", "claims to have taken P": a claim the text does not reject is annotated as the event
    /// (corpus rule 11), where the classifier reads "claimed to" as a plan.
    /// </summary>
    private static IEnumerable<string[]> ClaimedCaptures()
    {
        foreach (var claim in new[] { "claim", "claims", "claimed" })
        {
            foreach (var verb in new[] { "capture", "recapture", "retake", "seize" }) yield return [claim, "to", verb];
            foreach (var verb in new[] { "captured", "recaptured", "retaken", "seized", "taken" }) yield return [claim, "to", "have", verb];
        }
    }

    private static readonly string[][] CaptureBefore =
    [
        ["took", "control", "of"], ["took", "control", "over"], ["taken", "control", "of"], ["taken", "control", "over"], ["taking", "control", "of"],
        ["seized", "control", "of"], ["gained", "control", "of"], ["gained", "control", "over"], ["regained", "control", "of"], ["regained", "control", "over"],
        ["asserted", "control", "over"], ["asserted", "control", "of"], ["wrested", "control", "of"], ["imposed", "control", "over"], ["took", "over"],
        // "established control" reports the result of an action, not a standing state (ontology: took control of = captured).
        ["established", "control", "of"], ["established", "control", "over"], ["seized", "control", "over"], ["wrested", "control", "over"],
        ["restored", "control", "over"], ["restored", "control", "of"], ["took", "back"], ["taken", "back"],
        ["retook", "control", "of"], ["retook", "control", "over"], ["retaken", "control", "of"], ["retaken", "control", "over"],
        .. ClaimedCaptures(),
        // Implicative verbs entail their complement: "managed to control P" and "was able to control P" say that the
        // actor did gain control; "advanced to control P" / "advanced to establish control over P" report the advance's
        // result. A bare "X controlled P" stays a state (see ControlledAfterFighting for the one exception).
        ["managed", "to", "control"], ["managing", "to", "control"], ["was", "able", "to", "control"], ["were", "able", "to", "control"],
        ["managed", "to", "take", "control", "of"], ["managed", "to", "take", "control", "over"], ["managed", "to", "restore", "control", "over"],
        ["advanced", "to", "control"], ["advanced", "to", "take", "control", "of"], ["advanced", "to", "establish", "control", "over"],
        ["advanced", "to", "establish", "control", "of"],
    ];

    /// <summary>"X controlled P": a capture only after fighting (see <see cref="Relabel"/>).</summary>
    private static readonly string[] ControlledBefore = ["controlled"];

    /// <summary>"X entered P", "X moved into P": a capture only when the holder agreed or had left.</summary>
    private static readonly string[][] EntryBefore = [["entered"], ["moved", "into"]];

    /// <summary>The last words of the phrases tried before a place: most tokens are none of them, and skip all the phrases.</summary>
    private static readonly HashSet<string> BeforeLastWords =
        [.. LossBefore.Concat(CaptureBefore).Concat(EntryBefore).Append(ControlledBefore).Select(p => p[^1])];

    /// <summary>
    /// Control phrases with no object of their own that, in a clause after the place, say the place changed hands:
    /// "clashes in P town, where regime forces took control" or "..., taking control of the village".
    /// </summary>
    private static readonly string[][] ChangeOfControl =
    [
        ["took", "control"], ["taken", "control"], ["taking", "control"], ["take", "control"], ["established", "control"], ["gained", "control"],
        ["seized", "control"], ["regained", "control"], ["wrested", "control"], ["imposed", "control"], ["restored", "control"], ["captured"],
    ];

    private static readonly HashSet<string> AnaphoricObjects = new(StringComparer.Ordinal)
    {
        "it", "town", "village", "city", "area", "camp", "hill", "neighbourhood", "neighborhood", "district", "base", "mountain", "site",
    };

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
        int before;
        if (t >= sentence.FirstToken && doc.LowerToken(t) is "near" or "outside") before = t - 1;
        else if (t - 1 >= sentence.FirstToken && doc.TokenText(t).Equals("of", StringComparison.OrdinalIgnoreCase) && Directions.Contains(doc.LowerToken(t - 1)))
            before = t - 2;
        else return false;
        // "two villages near P", "a camp north of P": an unnamed place located by P is told of P (corpus rule 9, the
        // near-rule); only a named place ("Tal X, just south of Damascus") makes P a mere landmark.
        while (before >= sentence.FirstToken && doc.LowerToken(before) is "just" or "to" or "the" or "km" or "kilometres" or "kilometers" or "miles"
               || before >= sentence.FirstToken && doc.Tokens[before].Kind == TokenKind.Number) before--;
        bool unnamed = before >= sentence.FirstToken && UnnamedPlaces.Contains(doc.LowerToken(before))
            && !(before - 1 >= sentence.FirstToken && doc.Tokens[before - 1].Kind == TokenKind.Word && char.IsUpper(doc.TokenText(before - 1)[0])
                 && !IsAcronym(doc, before - 1)); // "the Yarmuk camp" is named; "a YPG camp" is not
        return !unnamed;
    }

    /// <summary>"YPG", "HTS": an organisation's initials, which say whose a place is, not what it is called.</summary>
    private static bool IsAcronym(Document doc, int t) => doc.TokenText(t) is { Length: >= 2 and <= 5 } w && TextChars.IsAllUpper(w);

    /// <summary>Nouns for places a text does not name ("a village", "the hills", "several positions").</summary>
    private static readonly HashSet<string> UnnamedPlaces = new(StringComparer.Ordinal)
    {
        "village", "villages", "town", "towns", "hill", "hills", "position", "positions", "point", "points", "camp", "camps",
        "checkpoint", "checkpoints", "farm", "farms", "area", "areas", "base", "bases", "site", "sites", "mountain", "mountains",
        "locations", "outposts", "outpost",
    };

    /// <summary>Words of a locative chain: "in the vicinity of P town in southern Idlib", "P village and the surrounding area of Afrin".</summary>
    private static readonly HashSet<string> LocativeGlue = new(StringComparer.Ordinal)
    {
        "in", "of", "at", "the", "and", "town", "village", "city", "area", "areas", "camp", "hill", "district", "neighbourhood", "neighborhood",
        "countryside", "vicinity", "surrounding", "outskirts", "province", "governorate", "sub-district", "subdistrict", "base", "mountain",
        "airbase", "airport",
    };

    private static readonly HashSet<string> PlaceNouns = new(StringComparer.Ordinal)
    {
        "town", "village", "city", "camp", "hill", "district", "subdistrict", "neighbourhood", "neighborhood", "base", "mountain", "area",
    };

    private static readonly HashSet<string> SettlementNouns = new(StringComparer.Ordinal)
    {
        "town", "village", "city", "camp", "base", "airbase", "airport", "hill", "mountain",
    };

    private static readonly HashSet<string> DirectionAdjectives = new(StringComparer.Ordinal)
    {
        "northern", "southern", "eastern", "western", "northeastern", "northwestern", "southeastern", "southwestern", "central",
    };

    private static readonly HashSet<string> Things = new(StringComparer.Ordinal)
    {
        "ieds", "ied", "weapons", "weapon", "ammunition", "arms", "explosives", "vehicles", "vehicle", "fighters", "members", "hostages",
        "drugs", "cache", "caches", "mines", "landmines", "equipment", "tanks", "militants", "suspects", "people", "civilians", "a", "an",
    };

    /// <summary>
    /// The type for a place in its sentence: "loss of (the town of) P", "withdrew from P" → withdrew (the loser is
    /// named, the captor is not); "retains a presence in P", "in control of ... P", "P ... remains under X control" with
    /// no change word between → controls. Otherwise the classifier's label.
    /// </summary>
    public static string Relabel(Document doc, int sentenceIndex, TextSpan place, string label)
    {
        var sentence = doc.Sentences[sentenceIndex];
        int first = doc.TokenAt(place.Start);
        int last = doc.TokenAt(Math.Max(place.Start, place.End - 1));
        string W(int t) => doc.LowerToken(t);

        if (label == EventTypes.Captured && NotAControlChange()) return EventTypes.None;

        // Back to the clause start, skipping "the town of"-style glue for the loss pattern.
        int k = first - 1;
        while (k >= sentence.FirstToken && (W(k) is "the" or "town" or "city" or "village" or "villages" or "of" or "key" or "strategic" or "border"
               or "their" or "its" or "positions" or "position" or "in" or "area" or "district" or "neighbourhood" or "neighborhood"
               || DirectionAdjectives.Contains(W(k)) || UnnamedNearGlue(k) || IsAcronym(doc, k) && k + 1 < first && UnnamedPlaces.Contains(W(k + 1)))) k--;
        for (int t = Math.Max(k, sentence.FirstToken); t < first; t++)
        {
            if (!BeforeLastWords.Contains(W(t))) continue;
            foreach (var p in LossBefore)
                if (EndsAt(p, t)) return EventTypes.Withdrew;
            foreach (var p in CaptureBefore)
                if (EndsAt(p, t)) return EventTypes.Captured;
            // "X controlled the village of P ... after clashes": a hold reached by fighting is a capture.
            if (EndsAt(ControlledBefore, t) && AfterFighting()) return EventTypes.Captured;
            // "X entered P after an agreement with Y", "X moved into P after Y withdrew": an entry the holder consented to
            // or left open is a non-violent transfer, the gaining side's event (ontology: captured, by fighting or not).
            if (EntryBefore.Any(p => EndsAt(p, t)) && NegotiatedOrVacated()) return EventTypes.Captured;
        }
        if (label != EventTypes.Withdrew && ControlTakenInLaterClause()) return EventTypes.Captured;

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

        // "Clashes took place ... in P town in southern Idlib, where regime forces took control." and "X clashed with
        // Y in P village, taking control of the village.": a relative or participle clause after the place whose
        // control phrase has no object, or only the place's own noun ("of the town"), says that P changed hands.
        // Only the head of the locative chain is the event's place (P, not "southern Idlib" after it); a clause
        // whose phrase takes another object ("established control of 2 villages") says nothing about P.
        // "took control of a village near P", "the hills to the west of P": an unnamed place located by P (corpus rule 9).
        bool UnnamedNearGlue(int t) =>
            W(t) is "an" or "near" || IsQuantity(t) || Directions.Contains(W(t))
            || W(t) is "to" && t + 2 < sentence.EndToken && W(t + 1) == "the" && Directions.Contains(W(t + 2)) // "to the west of P", not "evacuated to P"
            || UnnamedPlaces.Contains(W(t));

        bool ControlTakenInLaterClause()
        {
            int b = first - 1;
            while (b >= sentence.FirstToken && (W(b) is "the" or "of" or "countryside" or "outskirts" or "vicinity" or "suburbs"
                   || Directions.Contains(W(b)) || DirectionAdjectives.Contains(W(b)))) b--;
            // P is inside another place's chain: "Arak town in eastern Homs", "P village in the countryside of Idlib",
            // "Jandairis town of Afrin", "Afrin, Aleppo".
            if (b - 1 >= sentence.FirstToken && W(b) is "in" or "at" && PlaceNouns.Contains(W(b - 1))) return false;
            if (b - 1 >= sentence.FirstToken && PlaceNouns.Contains(W(b)) && IsCapitalised(b - 1)) return false;
            if (b - 1 >= sentence.FirstToken && IsPunct(b, ',') && IsCapitalised(b - 1)) return false;
            int u = last + 1;
            while (u < sentence.EndToken && (LocativeGlue.Contains(W(u)) || Directions.Contains(W(u)) || DirectionAdjectives.Contains(W(u))
                   || IsCapitalised(u) || IsPunct(u, '-') || IsPunct(u - 1, '-'))) u++;
            if (u >= sentence.EndToken || !IsPunct(u, ',')) return false;
            u++;
            int clauseStart = u;
            if (u < sentence.EndToken && W(u) == "where") u++;
            else if (!(u < sentence.EndToken && W(u) == "taking")) return false;
            for (int t = clauseStart; t < Math.Min(sentence.EndToken, clauseStart + 14); t++)
            {
                if (t > clauseStart && (IsPunct(t, ',') || W(t) is "but" or "before" or "which" or "while")) return false;
                foreach (var p in ChangeOfControl)
                {
                    if (!StartsAt(p, t)) continue;
                    int after = t + p.Length;
                    if (after >= sentence.EndToken || W(after) is "." or "," or ";" or "after" or "following" or "amid") return true;
                    if (W(after) is "of" or "over")
                    {
                        int o = after + 1;
                        if (o < sentence.EndToken && W(o) is "the" or "this") o++;
                        if (o < sentence.EndToken && AnaphoricObjects.Contains(W(o))) return true;
                        // "in the vicinity of P town, where the factions established control of 2 villages": unnamed places
                        // around a town are told of the town (corpus rule 9); around a region they are not (rule 10).
                        if (o < sentence.EndToken && IsQuantity(o)) o++;
                        return o < sentence.EndToken && UnnamedPlaces.Contains(W(o)) && o > after + 1 && NamedAsSettlement();
                    }
                    return false;
                }
            }
            return false;
        }

        // "a", "several", "two", "5": how many unnamed places ("took control of 2 villages").
        bool IsQuantity(int t) => W(t) is "a" or "several" or "two" or "three" or "four" or "five" || doc.Tokens[t].Kind == TokenKind.Number;

        // "P town", "the village of P": the place is a settlement or site, not a region.
        bool NamedAsSettlement() =>
            last + 1 < sentence.EndToken && SettlementNouns.Contains(W(last + 1))
            || first - 2 >= sentence.FirstToken && W(first - 1) == "of" && SettlementNouns.Contains(W(first - 2));

        bool IsCapitalised(int t) => doc.Tokens[t].Kind == TokenKind.Word && char.IsUpper(doc.Text[doc.Tokens[t].Start]);

        bool IsPunct(int t, char c) => doc.Tokens[t].Kind == TokenKind.Punctuation && doc.Tokens[t].Length == 1 && doc.Text[doc.Tokens[t].Start] == c;

        bool NegotiatedOrVacated()
        {
            for (int t = sentence.FirstToken; t < sentence.EndToken; t++)
            {
                if (W(t) is "agreement" or "deal" or "handover" or "reconciliation") return true;
                if (W(t) is not ("after" or "following")) continue;
                for (int u = t + 1; u < Math.Min(sentence.EndToken, t + 5); u++)
                    if (W(u) is "withdrew" or "withdrawal" or "withdrawing" or "evacuated" or "evacuation" or "retreated") return true;
            }
            return false;
        }

        bool AfterFighting()
        {
            for (int t = sentence.FirstToken; t + 1 < sentence.EndToken; t++)
            {
                if (W(t) is not ("after" or "following")) continue;
                for (int u = t + 1; u < Math.Min(sentence.EndToken, t + 4); u++)
                    if (W(u) is "clashes" or "fighting" or "battles" or "attacks" or "an" && u < sentence.EndToken) return true;
            }
            return false;
        }

        // Matches the phrase ending at token "end"; an intensifier inside it ("established full control over") is skipped.
        bool EndsAt(string[] phrase, int end)
        {
            if (end >= sentence.EndToken) return false;
            int t = end;
            for (int i = phrase.Length - 1; i >= 0; i--, t--)
            {
                if (i < phrase.Length - 1 && t >= sentence.FirstToken && W(t) is "full" or "complete" or "total") t--;
                if (t < sentence.FirstToken || W(t) != phrase[i]) return false;
            }
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
