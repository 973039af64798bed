using EventExtractor.Places;

namespace EventExtractor.Tests.Places;

[Collection("Places")]
public class PlaceGoldTests(PlacesFixture fixture)
{
    private static string GoldPath => Path.Combine(TestData.RepoRoot, "tests", "EventExtractor.Tests", "Places", "place-gold.tsv");

    [Fact]
    public void Gold_table_has_at_least_60_mentions()
    {
        Assert.True(PlaceEvaluation.ReadGold(GoldPath).Count >= 60);
    }

    /// <summary>The bar: at least 90% of gold place mentions resolve to the right entry (or within 25 km of it).</summary>
    [Fact]
    public void Gold_table_resolves_at_90_percent_or_better()
    {
        var results = PlaceEvaluation.Evaluate(fixture.Parser, PlaceEvaluation.ReadGold(GoldPath), PlacesFixture.Shared);
        Assert.DoesNotContain(results, r => r.Note.Contains("not found in", StringComparison.Ordinal)); // the table itself is sound
        double accuracy = (double)results.Count(r => r.Correct) / results.Count;
        Assert.True(accuracy >= 0.90, PlaceEvaluation.Summary(results) + "\n" + string.Join("\n", results.Where(r => !r.Correct).Select(r => $"{r.Row.Mention}: {r.Note}")));
    }

    [Fact]
    public void Every_expected_id_is_in_the_gazetteer()
    {
        foreach (var row in PlaceEvaluation.ReadGold(GoldPath))
        {
            var e = long.TryParse(row.Expected, out var gn) ? fixture.Gazetteer.ByGeonameId(gn) : fixture.Gazetteer.ById(row.Expected);
            Assert.True(e is not null, $"line {row.Line}: {row.Expected} is not in the gazetteer");
        }
    }
}
