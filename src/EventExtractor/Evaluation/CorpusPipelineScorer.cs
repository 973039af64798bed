using EventExtractor.Classification;
using EventExtractor.Extraction;
using EventExtractor.Places;

namespace EventExtractor.Evaluation;

/// <summary>Events found and missed for one type: true positives, false positives, false negatives.</summary>
public sealed record EventCounts(int TruePositive, int FalsePositive, int FalseNegative)
{
    public double Precision => TruePositive + FalsePositive == 0 ? 0 : (double)TruePositive / (TruePositive + FalsePositive);
    public double Recall => TruePositive + FalseNegative == 0 ? 0 : (double)TruePositive / (TruePositive + FalseNegative);
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>
/// Scores what <c>eventx extract</c> outputs against the corpus's annotations, document by document: the classifier's
/// figures count candidates, this counts events after geoparsing, overrides, placeholders and merging. An event is
/// (document, type, place); the place matches by its normalised name as written or as resolved, so "Tadmur" found
/// as Palmyra's entry counts once. Actors and dates are not scored.
/// </summary>
public static class CorpusPipelineScorer
{
    public sealed record Result(int Documents, IReadOnlyDictionary<string, EventCounts> ByType, EventCounts All);

    public static Result Score(IReadOnlyList<CorpusDocument> docs, Func<Input.Article, IReadOnlyList<ControlEvent>> extract, string split = "test")
    {
        ArgumentNullException.ThrowIfNull(docs);
        var chosen = docs.Where(d => split == "all" || string.Equals(d.Split, split, StringComparison.Ordinal)).ToList();
        var found = new IReadOnlyList<ControlEvent>[chosen.Count];
        Parallel.For(0, chosen.Count, i => found[i] = extract(new Input.Article(chosen[i].Id, chosen[i].Text, chosen[i].Date, null, $"corpus {chosen[i].Id}")));
        var counts = EventTypes.All.ToDictionary(t => t, _ => (Tp: 0, Fp: 0, Fn: 0));
        for (int i = 0; i < chosen.Count; i++)
        {
            var gold = chosen[i].Events.Where(e => e.Type != ControlLabels.None)
                .Select(e => (e.Type, Place: Key(e.Place.Text))).Where(k => k.Place is not null).ToHashSet();
            var predicted = new HashSet<(string, string?)>();
            foreach (var e in found[i])
            {
                // The resolved name when the annotator wrote that one, else the words of the text.
                var byName = (e.Type, Key(e.Place.Name));
                predicted.Add(gold.Contains(byName) ? byName : (e.Type, Key(e.Place.Text)));
            }
            foreach (var t in EventTypes.All)
            {
                var (tp, fp, fn) = counts[t];
                int hit = predicted.Count(p => p.Item1 == t && gold.Contains(p));
                counts[t] = (tp + hit, fp + predicted.Count(p => p.Item1 == t) - hit, fn + gold.Count(g => g.Type == t) - hit);
            }
        }
        var byType = counts.ToDictionary(c => c.Key, c => new EventCounts(c.Value.Tp, c.Value.Fp, c.Value.Fn));
        var all = new EventCounts(byType.Values.Sum(c => c.TruePositive), byType.Values.Sum(c => c.FalsePositive), byType.Values.Sum(c => c.FalseNegative));
        return new Result(chosen.Count, byType, all);
    }

    private static string? Key(string name) => PlaceNormalizer.NameKey(ControlEventExtractor.Ascii(name));
}
