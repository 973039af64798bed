using System.Text;
using EventExtractor.Input;

namespace EventExtractor.Tests.Extraction;

/// <summary>
/// One 50 MB article through the whole pipeline: the seed, 50 MB of paragraphs with places and actors but no control
/// event, and the seed again. The filler names places in Syria and Iraq, as the seed does, so that the document's
/// country focus (which the geoparser weighs) stays the seed's. Tests never assert on time, but a stage that scans the whole document for every mention
/// or event would keep this one running for hours instead of seconds.
/// </summary>
public class LargeArticleTests
{
    private const string Filler =
        "Delegates of the Syrian government and the Kurdish-led SDF met officials of the United Nations in Aleppo to discuss water, "
        + "schools and roads. Aid workers from the Red Crescent counted families in Mosul and Ramadi and wrote a report about bread prices.";

    [ModelFact]
    public void A_50_MB_article_gives_the_events_of_the_text_in_it()
    {
        var extractor = ExtractorFixture.Extractor!;
        var seed = File.ReadAllText(TestData.SeedArticlePath);
        Assert.Empty(extractor.Extract(new Article("filler", Filler, null, null, "filler")));

        var text = new StringBuilder(50_100_000).Append(seed).Append("\n\n");
        while (text.Length < 50_000_000) text.Append(Filler).Append("\n\n");
        text.Append("The report ended there.\n\n").Append(seed);
        var big = extractor.Extract(new Article("big", text.ToString(), null, null, "big"));
        var alone = extractor.Extract(new Article("seed", seed, null, null, "seed"));

        // The same events; each told in both copies of the seed.
        Assert.Equal(alone.Select(e => e.Predicate), big.Select(e => e.Predicate));
        Assert.All(big.Zip(alone), pair => Assert.Equal(2 * pair.Second.Evidence.Count, pair.First.Evidence.Count));
    }
}
