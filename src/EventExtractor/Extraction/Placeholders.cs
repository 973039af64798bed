using EventExtractor.Actors;
using EventExtractor.Places;
using EventExtractor.Text;

namespace EventExtractor.Extraction;

/// <summary>
/// Finds anaphoric place noun phrases that stand as the object of a capture or loss trigger: "the capture of the
/// last town held by the Islamic State", "retook the city", "the loss of the village". A phrase followed by a
/// name ("the town of Albu Kamal") is not a placeholder: the geoparser finds the name.
/// </summary>
public static class Placeholders
{
    /// <summary>A placeholder: its span (including "held by X"), its place kind, the trigger's type and start, and the holder named in it.</summary>
    public sealed record Match(int Sentence, TextSpan Span, string Text, PlaceKind Kind, string Type, int TriggerStart, ActorMention? Holder);

    private static readonly Dictionary<string, PlaceKind> Nouns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["town"] = PlaceKind.Settlement, ["city"] = PlaceKind.Settlement, ["village"] = PlaceKind.Settlement,
        ["camp"] = PlaceKind.Facility, ["base"] = PlaceKind.Facility, ["airbase"] = PlaceKind.Facility, ["airport"] = PlaceKind.Facility,
        ["district"] = PlaceKind.District, ["neighbourhood"] = PlaceKind.District, ["neighborhood"] = PlaceKind.District,
        ["province"] = PlaceKind.Province, ["stronghold"] = PlaceKind.Other, ["bastion"] = PlaceKind.Other,
    };

    private static readonly Dictionary<string, string> Triggers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["capture"] = EventTypes.Captured, ["captured"] = EventTypes.Captured, ["recapture"] = EventTypes.Captured, ["recaptured"] = EventTypes.Captured,
        ["seized"] = EventTypes.Captured, ["seizure"] = EventTypes.Captured, ["took"] = EventTypes.Captured, ["retook"] = EventTypes.Captured,
        ["taken"] = EventTypes.Captured, ["take"] = EventTypes.Captured, ["retake"] = EventTypes.Captured, ["seize"] = EventTypes.Captured, ["retaken"] = EventTypes.Captured, ["liberated"] = EventTypes.Captured, ["liberation"] = EventTypes.Captured,
        ["fall"] = EventTypes.Captured, ["overran"] = EventTypes.Captured, ["stormed"] = EventTypes.Captured, ["regained"] = EventTypes.Captured,
        ["loss"] = EventTypes.Withdrew, ["lost"] = EventTypes.Withdrew, ["withdrew"] = EventTypes.Withdrew, ["withdrawal"] = EventTypes.Withdrew,
        ["retreated"] = EventTypes.Withdrew, ["abandoned"] = EventTypes.Withdrew, ["evacuated"] = EventTypes.Withdrew,
    };

    private static readonly HashSet<string> Glue = new(StringComparer.OrdinalIgnoreCase) { "of", "from", "control", "over" };

    private static readonly HashSet<string> HolderWords = new(StringComparer.OrdinalIgnoreCase) { "held", "controlled", "occupied", "run" };

    /// <summary>Placeholders of <paramref name="doc"/> in text order.</summary>
    public static IReadOnlyList<Match> Find(Document doc, IReadOnlyList<ActorMention> actors)
    {
        var result = new List<Match>();
        for (int s = 0; s < doc.Sentences.Length; s++)
        {
            var sentence = doc.Sentences[s];
            int end = sentence.EndToken;
            for (int t = sentence.FirstToken; t < end; t++)
            {
                if (!doc.TokenText(t).Equals("the", StringComparison.OrdinalIgnoreCase)) continue;
                // Trigger within three tokens before "the", only glue words between.
                string? type = null;
                int triggerStart = -1;
                for (int k = t - 1; k >= Math.Max(sentence.FirstToken, t - 3); k--)
                {
                    var w = doc.TokenText(k).ToString();
                    if (Triggers.TryGetValue(w, out var ty)) { type = ty; triggerStart = doc.Tokens[k].Start; break; }
                    if (!Glue.Contains(w)) break;
                }
                if (type is null) continue;
                // Up to three lower-case modifiers, then the place noun.
                int n = -1;
                for (int k = t + 1; k < Math.Min(end, t + 5); k++)
                {
                    var w = doc.TokenText(k);
                    if (Nouns.ContainsKey(w.ToString())) { n = k; break; }
                    if (w.Length == 0 || !char.IsLower(w[0])) break;
                }
                if (n < 0) continue;
                if (n + 1 < end)
                {
                    var next = doc.TokenText(n + 1);
                    if (next.Length > 0 && char.IsUpper(next[0])) continue;
                    if (next.Equals("of", StringComparison.OrdinalIgnoreCase) && n + 2 < end)
                    {
                        var after = doc.TokenText(n + 2);
                        if (after.Length > 0 && (char.IsUpper(after[0]) || after.Equals("al", StringComparison.OrdinalIgnoreCase))) continue;
                    }
                }
                int spanEnd = doc.Tokens[n].End;
                ActorMention? holder = null;
                if (n + 2 < end && HolderWords.Contains(doc.TokenText(n + 1).ToString()) && doc.TokenText(n + 2).Equals("by", StringComparison.OrdinalIgnoreCase))
                {
                    int byEnd = doc.Tokens[n + 2].End;
                    holder = actors.FirstOrDefault(a => a.Span.Start >= byEnd && a.Span.Start <= byEnd + 6);
                    if (holder is not null) spanEnd = holder.Span.End;
                }
                var span = new TextSpan(doc.Tokens[t].Start, spanEnd);
                result.Add(new Match(s, span, doc.Text[span.Start..span.End], Nouns[doc.TokenText(n).ToString()], type, triggerStart, holder));
            }
        }
        return result;
    }
}
