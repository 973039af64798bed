using EventExtractor.Classification;
using EventExtractor.Extraction;
using EventExtractor.Places;

namespace EventExtractor.Evaluation;

/// <summary>
/// Scores what <c>eventx extract</c> outputs against the corpus's annotations, document by document: the classifier's
/// figures count candidates, this counts events after geoparsing, overrides, placeholders and merging. An event is
/// (document, type, place); the place matches by its normalised name as written or as resolved, so "Tadmur" found
/// as Palmyra's entry counts once. Actors and dates are not scored.
/// </summary>
public static class CorpusPipelineScorer
{
    /// <summary>Per type and over all types: gold events (support), events output (predicted) and those that match (correct).</summary>
    public sealed record Result(int Documents, IReadOnlyList<LabelMetrics> ByType, LabelMetrics All);

    public static Result Score(IReadOnlyList<CorpusDocument> docs, Func<Input.Article, IReadOnlyList<ControlEvent>> extract, string split = "test")
    {
        ArgumentNullException.ThrowIfNull(docs);
        var chosen = docs.Where(d => string.Equals(d.Split, split, StringComparison.Ordinal)).ToList();
        var found = new IReadOnlyList<ControlEvent>[chosen.Count];
        Parallel.For(0, chosen.Count, i => found[i] = extract(new Input.Article(chosen[i].Id, chosen[i].Text, chosen[i].Date, null, $"corpus {chosen[i].Id}")));
        var counts = EventTypes.All.ToDictionary(t => t, _ => (Support: 0, Predicted: 0, Correct: 0));
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
                var (support, output, correct) = counts[t];
                counts[t] = (support + gold.Count(g => g.Type == t), output + predicted.Count(p => p.Item1 == t), correct + predicted.Count(p => p.Item1 == t && gold.Contains(p)));
            }
        }
        var byType = EventTypes.All.Select(t => new LabelMetrics(t, counts[t].Support, counts[t].Predicted, counts[t].Correct)).ToList();
        var all = new LabelMetrics("all", byType.Sum(m => m.Support), byType.Sum(m => m.Predicted), byType.Sum(m => m.Correct));
        return new Result(chosen.Count, byType, all);
    }

    private static string? Key(string name) => PlaceNormalizer.NameKey(ControlEventExtractor.Ascii(name));
}
