using EventExtractor.Classification;
using EventExtractor.Evaluation;
using EventExtractor.Extraction;
using EventExtractor.Text;

namespace EventExtractor.Tests.Evaluation;

/// <summary>Event-level scoring of the pipeline on annotated documents: type and place, by name as written or resolved.</summary>
public class CorpusPipelineScoreTests
{
    private static AnnotatedEvent Gold(string type, string text, string place)
    {
        int i = text.IndexOf(place, StringComparison.Ordinal);
        return new AnnotatedEvent(type, new AnnotatedSpan(new TextSpan(i, i + place.Length), place), null, null, null, null);
    }

    private static ControlEvent Found(string type, string text, string name) =>
        new("d", type, null, null, new EventPlace(text, name, null, null, null, null, null, null), null, null, 0.9, [], "test");

    [Fact]
    public void Counts_hits_misses_and_extra_events_per_type()
    {
        const string text = "Rebels captured Tadmur. Fighting went on in Suluk. The army held Manbij.";
        var doc = new CorpusDocument("d", null, "test", text,
            [Gold("captured", text, "Tadmur"), Gold("contested", text, "Suluk"), Gold("none", text, "Manbij")]);
        // Tadmur found under its resolved name (the text said "the town"); Suluk missed; Manbij an extra controls event.
        var r = CorpusPipelineScorer.Score([doc], _ => [Found("captured", "the town", "Tadmur"), Found("controls", "Manbij", "Manbij")]);

        // (label, gold events, events output, matches)
        Assert.Equal(new LabelMetrics("captured", 1, 1, 1), r.ByType.Single(m => m.Label == "captured"));
        Assert.Equal(new LabelMetrics("contested", 1, 0, 0), r.ByType.Single(m => m.Label == "contested"));
        Assert.Equal(new LabelMetrics("controls", 0, 1, 0), r.ByType.Single(m => m.Label == "controls"));
        Assert.Equal(new LabelMetrics("all", 2, 2, 1), r.All);
        Assert.Equal(0.5, r.All.Precision, 6);
    }

    [Fact]
    public void Only_the_chosen_split_is_scored()
    {
        const string text = "Rebels captured Tadmur.";
        var train = new CorpusDocument("a", null, "train", text, [Gold("captured", text, "Tadmur")]);
        var test = new CorpusDocument("b", null, "test", text, [Gold("captured", text, "Tadmur")]);
        var r = CorpusPipelineScorer.Score([train, test], _ => []);
        Assert.Equal(1, r.Documents);
        Assert.Equal(new LabelMetrics("all", 1, 0, 0), r.All);
    }
}
