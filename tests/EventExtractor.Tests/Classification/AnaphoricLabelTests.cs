using EventExtractor.Classification;
using EventExtractor.Text;

namespace EventExtractor.Tests.Classification;

/// <summary>
/// A candidate is a (place mention, sentence) pair: it takes the label of gold events told in its own sentence only.
/// An event anchored (corpus rule 1) on a name in an earlier sentence ("The Army retook the city.") must not label
/// the earlier sentence, whose words do not support it.
/// </summary>
public class AnaphoricLabelTests
{
    // Sentence 1 names Palmyra with no event; sentence 2 tells its capture through "the city"; sentence 3 is an ordinary event.
    private const string DocLine = """
    {"id": "wikipedia/y#1", "date": null, "split": "train", "text": "Reporters travelled to Palmyra on Monday. The Army retook the city. ISIL attacked Homs.",
     "events": [
      {"type": "captured", "trigger": {"start": 51, "end": 57, "text": "retook"}, "actor": {"start": 42, "end": 50, "text": "The Army"}, "counterpart": null, "place": {"start": 23, "end": 30, "text": "Palmyra"}, "time": null, "evidence": {"start": 42, "end": 67}},
      {"type": "contested", "trigger": {"start": 73, "end": 81, "text": "attacked"}, "actor": {"start": 68, "end": 72, "text": "ISIL"}, "counterpart": null, "place": {"start": 82, "end": 86, "text": "Homs"}, "time": null, "evidence": {"start": 68, "end": 87}}
     ]}
    """;

    private static CorpusDocument Parse() => CorpusReader.Parse(DocLine.ReplaceLineEndings(" "));

    [Fact]
    public void An_event_told_in_a_later_sentence_does_not_label_the_sentence_that_names_its_place()
    {
        var cd = Parse();
        var doc = Document.Create(cd.Id, cd.Text);
        Assert.Equal(3, doc.Sentences.Length);
        Assert.True(cd.Events[0].IsAnaphoric);
        Assert.False(cd.Events[1].IsAnaphoric);
        var mentions = new MentionSet([new PlaceSpan(new TextSpan(23, 30), "Palmyra"), new PlaceSpan(new TextSpan(82, 86), "Homs")], []);
        var stats = new CandidateStats();

        var candidates = CandidateBuilder.Build(doc, mentions, cd.Events, cd.ArticleId, stats);

        var palmyra = candidates.Single(c => c.Target.Text == "Palmyra");
        Assert.Equal(0, palmyra.SentenceIndex);
        Assert.Equal(ControlLabels.None, palmyra.Label); // was "captured": sentence 1 says nothing of a capture
        Assert.Null(palmyra.Gold);
        Assert.Equal(ControlLabels.Contested, candidates.Single(c => c.Target.Text == "Homs").Label);
        Assert.Equal(1, stats.AnaphoricGoldEvents);
    }

    [Fact]
    public void A_gold_place_the_finder_missed_becomes_a_candidate_only_for_an_event_told_in_its_sentence()
    {
        var cd = Parse();
        var doc = Document.Create(cd.Id, cd.Text);
        var stats = new CandidateStats();

        var candidates = CandidateBuilder.Build(doc, new MentionSet([], []), cd.Events, cd.ArticleId, stats);

        var only = Assert.Single(candidates);
        Assert.Equal("Homs", only.Target.Text);
        Assert.Equal(ControlLabels.Contested, only.Label);
        Assert.Equal(1, stats.GoldPlaces);
        Assert.Equal(1, stats.GoldPlacesMissedByFinder);
        Assert.Equal(1, stats.AnaphoricGoldEvents);
    }
}
