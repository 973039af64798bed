using EventExtractor.Evaluation;
using EventExtractor.Extraction;
using EventExtractor.Input;

namespace EventExtractor.Tests.Evaluation;

/// <summary>Scoring the whole pipeline on ACLED-style rows; the rows here are made up, never ACLED's.</summary>
public sealed class AcledPipelineScoreTests
{
    private static AcledRow Row(string id, string type, string location, double lat, double lon, string notes, int? precision = null) =>
        new(1, id, new DateOnly(2018, 1, 5), type, null, "A", "B", location, lat, lon, notes) { GeoPrecision = precision };

    private static ControlEvent Event(string doc, string type, string place, double? lat, double? lon, double confidence) =>
        new(doc, type, null, null, new EventPlace(place, place, null, lat, lon, null, null, null), "2018-01-05", "day", confidence, [], "test");

    [Fact]
    public void Counts_detections_and_checks_the_place_of_the_most_confident_change()
    {
        var rows = new[]
        {
            Row("1", "Battle-Government regains territory", "Kafr Nabl", 35.61, 36.56, "made-up note one", 1),
            Row("2", "Non-state actor overtakes territory", "Tal Abyad", 36.69, 38.95, "made-up note two", 2),
            Row("3", "Battle-No change of territory", "Hama", 35.13, 36.75, "made-up note three"),
            Row("4", "Remote violence", "Idlib", 35.93, 36.63, "made-up note four"),
            Row("5", "Non-violent transfer of territory", "Elsewhere", 30.0, 40.0, "made-up note five"),
        };
        IReadOnlyList<ControlEvent> Extract(Article a) => a.Id switch
        {
            // Row 1: a controls event is no detection; the capture 5 km away is the place checked.
            "1" => [Event("1", EventTypes.Controls, "Somewhere", 0, 0, 0.99), Event("1", EventTypes.Captured, "Kafr Nabl", 35.65, 36.56, 0.8)],
            // Row 2: the most confident change is 150 km off and named differently: a detection with the wrong place.
            "2" => [Event("2", EventTypes.Withdrew, "Raqqa", 35.95, 39.01, 0.9), Event("2", EventTypes.Captured, "Tal Abyad", 36.69, 38.95, 0.6)],
            // Row 3: a capture where ACLED saw none: a false positive.
            "3" => [Event("3", EventTypes.Captured, "Hama", 35.13, 36.75, 0.7)],
            // Rows 4 and 5: nothing.
            _ => [],
        };

        var s = AcledScorer.ScorePipeline(rows, Extract);

        Assert.Equal((2, 1, 1, 1), (s.TruePositive, s.FalsePositive, s.FalseNegative, s.TrueNegative));
        Assert.Equal(1, s.PlaceCorrect);
        Assert.Equal(1, s.PlaceByCoordinates);
        Assert.Equal(2, s.PlaceInAnyEvent); // row 2's place is its second, less confident change
        Assert.Equal((1, 1), s.ByGeoPrecision[1]);
        Assert.Equal((1, 0), s.ByGeoPrecision[2]);
        Assert.False(s.ByGeoPrecision.ContainsKey(0));
        Assert.Equal(2.0 / 3.0, s.Precision, 6);
        Assert.Equal(2.0 / 3.0, s.Recall, 6);
    }
}
