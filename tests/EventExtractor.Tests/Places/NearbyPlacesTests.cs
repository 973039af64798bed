using EventExtractor.Actors;
using EventExtractor.Places;
using EventExtractor.Text;

namespace EventExtractor.Tests.Places;

/// <summary>
/// Where the text itself locates a place ("X village near Y", "X in southern Hama"): an approximate location for a place
/// the gazetteer lacks, and a check on homonyms. Sentences made up for the tests; Qarzoun and Bazqun are invented
/// villages that no gazetteer holds, Suluk (Raqqa) and Tall Hamis (Hasakah) are real.
/// </summary>
[Collection("Places")]
public class NearbyPlacesTests(PlacesFixture fixture)
{
    private static readonly ActorRecognizer Actors = new();

    private PlaceMention Mention(string text, string surface)
    {
        var doc = Document.Create("t", text);
        var m = fixture.Parser.Parse(doc, Actors.Find(doc)).FirstOrDefault(m => m.Text == surface);
        Assert.NotNull(m);
        return m;
    }

    [Theory]
    [InlineData("The SDF took control of Qarzoun village, near Suluk, on Monday.")]
    [InlineData("The SDF took control of the villages of Qarzoun and Bazqun and two hills in the vicinity of Suluk.")]
    [InlineData("The SDF captured the village of Qarzoun (Suluk) from ISIS.")]
    public void A_village_the_gazetteer_lacks_is_located_at_the_place_the_text_puts_it_near(string text)
    {
        var m = Mention(text, "Qarzoun");
        Assert.Null(m.Entry);
        Assert.Equal("gn:164895", m.Near?.Entry?.Id);
    }

    [Theory]
    // A province, or its capital named for it, is too coarse to stand for a village.
    [InlineData("The SDF took control of Qarzoun village in southern Raqqa.")]
    [InlineData("The SDF took control of Qarzoun village in Raqqa province.")]
    // Only locative words link the two: "from Suluk" is where the fighters came from.
    [InlineData("The SDF took Qarzoun from fighters who had come from Suluk.")]
    // A bare list is not a location.
    [InlineData("The SDF took Qarzoun and Suluk.")]
    public void No_approximate_location_without_a_town_that_locates_the_village(string text)
    {
        var doc = Document.Create("t", text);
        var m = fixture.Parser.Parse(doc, Actors.Find(doc)).FirstOrDefault(m => m.Text == "Qarzoun");
        Assert.Null(m?.Near); // with no place word, an unknown name is no mention at all
    }

    [Fact]
    public void A_homonym_outside_the_province_the_text_names_is_dropped()
    {
        // Tall Hamis is in Hasakah; "in southern Hama" says this one is another village of that name, which the gazetteer lacks.
        Assert.Equal("gn:163568", Mention("The SDF took control of Tal Hamis in Hasakah.", "Tal Hamis").Entry?.Id);
        Assert.Null(Mention("The SDF took control of Tal Hamis village in southern Hama.", "Tal Hamis").Entry);
    }

    [Fact]
    public void A_homonym_far_from_the_town_the_text_puts_it_near_is_dropped()
    {
        // Tall Hamis (Hasakah) lies some 200 km from Suluk.
        var m = Mention("The SDF captured Bazqun and Tal Hamis in the vicinity of Suluk.", "Tal Hamis");
        Assert.Null(m.Entry);
        Assert.Equal("gn:164895", m.Near?.Entry?.Id);
    }
}
