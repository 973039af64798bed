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

    private string? LocatorOf(string text, string surface)
    {
        var doc = Document.Create("t", text);
        var mentions = fixture.Parser.Parse(doc, Actors.Find(doc)).ToList();
        int i = mentions.FindIndex(m => m.Text == surface);
        Assert.True(i >= 0, $"no mention '{surface}'");
        return NearbyPlaces.Locator(doc, mentions, i)?.Text;
    }

    [Theory]
    [InlineData("The SDF took control of Tal Hamis village in southern Hasakah.", "Tal Hamis", "Hasakah")]
    [InlineData("The SDF took control of Tal Hamis, near Suluk, on Monday.", "Tal Hamis", "Suluk")]
    [InlineData("The SDF captured the village of Tal Hamis (Suluk) from ISIS.", "Tal Hamis", "Suluk")]
    [InlineData("The SDF withdrew from Tal Hamis town in the eastern countryside of Hasakah.", "Tal Hamis", "Hasakah")]
    public void A_place_that_only_locates_another_is_its_locator(string text, string place, string locator) =>
        Assert.Equal(locator, LocatorOf(text, place));

    [Theory]
    // A list names places of their own, even with a locative word inside it.
    [InlineData("The SDF took control of Tal Hamis and the town of Suluk.", "Tal Hamis")]
    [InlineData("Fighting raged around Tal Hamis and at Suluk.", "Tal Hamis")]
    // A part of a place is not located by it: "the Y district of Z" is a capture in Z (corpus rule 11).
    [InlineData("The SDF captured the Tal Hamis district of Suluk.", "Tal Hamis")]
    // Where a place comes from is not where it is.
    [InlineData("The SDF took Tal Hamis from fighters who had come from Suluk.", "Tal Hamis")]
    public void A_list_a_part_or_an_origin_is_no_locator(string text, string place) =>
        Assert.Null(LocatorOf(text, place));

    [Fact]
    public void A_district_rules_out_a_homonym_in_another_province_however_near()
    {
        // Entries made up for the test: a district of Raqqa and two villages 30 km from it, one each side of a provincial border.
        var doc = Document.Create("t", "The SDF took Qarzoun in Bazqun district.");
        var district = new GazetteerEntry("wof:1", null, "Bazqun", 36.0, 38.9, "SY", "Raqqa", 'A', "ADM2", 0, "test");
        var container = new PlaceMention(new TextSpan(21, 27), "Bazqun", district, 1, PlaceKind.District, false);
        var inRaqqa = new GazetteerEntry("gn:1", 1, "Qarzoun", 36.2, 39.1, "SY", "Raqqa", 'P', "PPL", 0, "test");
        var inAleppo = new GazetteerEntry("gn:2", 2, "Qarzoun", 36.2, 39.1, "SY", "Aleppo", 'P', "PPL", 0, "test");
        Assert.False(NearbyPlaces.Contradicts(doc, container, inRaqqa));
        Assert.True(NearbyPlaces.Contradicts(doc, container, inAleppo));
        // A town is no such border: only distance counts.
        var town = new GazetteerEntry("gn:3", 3, "Bazqun", 36.0, 38.9, "SY", "Raqqa", 'P', "PPL", 0, "test");
        Assert.False(NearbyPlaces.Contradicts(doc, container with { Entry = town, Kind = PlaceKind.Settlement }, inAleppo));
    }
}
