using EventExtractor.Input;
using EventExtractor.Output;
using Newtonsoft.Json.Linq;

namespace EventExtractor.Tests.Extraction;

/// <summary>
/// The seed article through the whole pipeline against seed.expected.jsonl, whose every line was checked by hand
/// against the article and the ontology. Confidence and model name depend on the trained model, so they are left
/// out of the comparison; everything else (type, parties, place and coordinates, date, evidence) must match.
/// </summary>
public class SeedGoldenTests
{
    private static string ExpectedPath => Path.Combine(TestData.RepoRoot, "tests", "EventExtractor.Tests", "Extraction", "seed.expected.jsonl");

    private static List<JObject> Actual()
    {
        var text = File.ReadAllText(TestData.SeedArticlePath);
        var article = new Article("corpus/news/isis-left-clinging-to-scraps.txt", text, null, null, "seed");
        return ExtractorFixture.Extractor!.Extract(article).Select(e => Strip(JObject.Parse(EventJson.Serialize(e)))).ToList();
    }

    private static JObject Strip(JObject o)
    {
        o.Remove("confidence");
        o.Remove("model");
        return o;
    }

    [ModelFact]
    public void Seed_yields_the_required_events()
    {
        var predicates = Actual().Select(o => (string)o["predicate"]!).ToList();
        Assert.Contains("captured(Syrian army, Albu Kamal, 2017-11-09)", predicates);
        Assert.Contains("captured(Iraqi forces, Al Qa'im, 2017-11-03)", predicates);
        Assert.Contains(predicates, p => p.StartsWith("controls(ISIS, Rawah,", StringComparison.Ordinal));
        Assert.Contains(predicates, p => p.StartsWith("controls(ISIS, Mukhayyam al Yarmuk,", StringComparison.Ordinal));
        Assert.Contains(predicates, p => p.StartsWith("controls(ISIS, Al Hajar al Aswad,", StringComparison.Ordinal));
        // The article states these two captures and no other.
        Assert.Equal(2, predicates.Count(p => p.StartsWith("captured(", StringComparison.Ordinal) || p.StartsWith("withdrew(", StringComparison.Ordinal)));
        foreach (var o in Actual().Where(o => (string)o["type"]! == "captured"))
        {
            Assert.Equal("ISIS", (string?)o["counterpart"]?["name"]);
            Assert.NotNull((double?)o["place"]!["lat"]);
        }
    }

    [ModelFact]
    public void Seed_matches_the_golden_file()
    {
        var expected = File.ReadAllLines(ExpectedPath).Where(l => l.Length > 0).Select(l => Strip(JObject.Parse(l))).ToList();
        var actual = Actual();
        Assert.Equal(expected.Select(e => e.ToString()), actual.Select(a => a.ToString()));
    }
}
