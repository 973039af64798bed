using EventExtractor.Classification;
using EventExtractor.Text;

namespace EventExtractor.Tests.Classification;

public class LabelAndFoldTests
{
    internal const string DocLine = """
    {"id": "wikipedia/x#1", "date": null, "split": "train", "text": "The Army captured Tadmur. ISIL held Raqqa and attacked Homs.",
     "events": [
      {"type": "captured", "trigger": null, "actor": {"start": 0, "end": 8, "text": "The Army"}, "counterpart": null, "place": {"start": 18, "end": 24, "text": "Tadmur"}, "time": null, "evidence": {"start": 0, "end": 25}},
      {"type": "controls", "trigger": null, "actor": {"start": 26, "end": 30, "text": "ISIL"}, "counterpart": null, "place": {"start": 36, "end": 41, "text": "Raqqa"}, "time": null, "evidence": {"start": 26, "end": 60}},
      {"type": "none", "trigger": null, "actor": null, "counterpart": null, "place": {"start": 55, "end": 59, "text": "Homs"}, "time": null, "evidence": {"start": 26, "end": 60}}
     ]}
    """;

    [Fact]
    public void Labels_come_from_overlapping_gold_places_and_gold_places_are_always_candidates()
    {
        var cd = CorpusReader.Parse(DocLine.ReplaceLineEndings(" "));
        Assert.Equal("wikipedia/x", cd.ArticleId);
        var doc = Document.Create(cd.Id, cd.Text);
        // The finder found only "Raqqa" (as "Raqqa and") and an extra non-event mention: the gold places it missed are added.
        var mentions = new MentionSet([new PlaceSpan(new TextSpan(36, 45), "Raqqa and")], []);
        var stats = new CandidateStats();
        var candidates = CandidateBuilder.Build(doc, mentions, cd.Events, cd.ArticleId, stats);
        Assert.Equal(3, candidates.Count);
        Assert.Equal("captured", candidates.Single(c => c.Target.Text == "Tadmur").Label);
        Assert.Equal("controls", candidates.Single(c => c.Target.Text == "Raqqa and").Label);
        Assert.Equal("none", candidates.Single(c => c.Target.Text == "Homs").Label); // explicit hard negative
        Assert.Equal(1, candidates.Single(c => c.Target.Text == "Raqqa and").SentenceIndex);
        Assert.Equal(3, stats.GoldPlaces);
        Assert.Equal(2, stats.GoldPlacesMissedByFinder);
        Assert.All(candidates, c => Assert.Equal("wikipedia/x", c.GroupId));
    }

    [Fact]
    public void Grouped_folds_never_split_a_group_and_are_balanced()
    {
        var groups = new List<string>();
        for (int g = 0; g < 23; g++) for (int i = 0; i < 10 + g * 3; i++) groups.Add("doc" + g);
        var folds = ControlClassifierTrainer.AssignFolds(groups, 5);
        Assert.Equal(23, folds.Count); // one fold per group, by construction never split
        Assert.All(folds.Values, f => Assert.InRange(f, 0, 4));
        var load = Enumerable.Range(0, 5).Select(f => groups.Count(g => folds[g] == f)).ToArray();
        Assert.True(load.Max() - load.Min() <= 76, string.Join(",", load));
        Assert.Equal(5, load.Count(l => l > 0));
    }
}
