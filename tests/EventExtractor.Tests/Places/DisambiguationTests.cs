using EventExtractor.Actors;
using EventExtractor.Places;
using EventExtractor.Text;

namespace EventExtractor.Tests.Places;

/// <summary>
/// Choosing between same-named places in short texts that name no country (sentences made up for the tests, with
/// village names from the gazetteer): each row needs one disambiguation rule and fails without it.
/// </summary>
[Collection("Places")]
public class DisambiguationTests(PlacesFixture fixture)
{
    private static readonly ActorRecognizer Actors = new();

    private PlaceMention? Mention(Geoparser parser, string text, string surface)
    {
        var doc = Document.Create("t", text);
        return parser.Parse(doc, Actors.Find(doc)).FirstOrDefault(m => m.Text == surface);
    }

    [Theory]
    // Without the actor, Mansoura in Egypt (620,000 people) wins over Al-Mansurah in Raqqa.
    [InlineData("The SDF captured Mansurah after a short battle.", "Mansurah", "SY")]
    // Without the actor, Oeiras in Brazil (21,000 people, also called Mocha) wins over the Yemeni port.
    [InlineData("The Houthis seized Mocha on Tuesday.", "Mocha", "YE")]
    public void An_actors_country_picks_the_homonym(string text, string surface, string country)
    {
        var m = Mention(fixture.Parser, text, surface);
        Assert.NotNull(m);
        Assert.Equal(country, m.Entry?.CountryCode);
    }

    [Fact]
    public void Without_actors_the_big_homonym_still_wins()
    {
        var m = fixture.Parser.Parse(Document.Create("t", "The SDF captured Mansurah after a short battle.")).First(x => x.Text == "Mansurah");
        Assert.Equal("EG", m.Entry?.CountryCode);
    }

    [Fact]
    public void A_demonym_inside_an_actor_counts_once()
    {
        // "Turkish" is the actor's own word: Turkey gets one vote, as Syria does for the SDF, not two.
        var doc = Document.Create("t", "Turkish forces said the SDF had lost the village.");
        var focus = fixture.Parser.CountryFocus(doc, fixture.Parser.FindMatches(doc), Actors.Find(doc));
        Assert.Equal(1, focus["TR"]);
        Assert.Equal(1, focus["SY"]);
    }


    [Theory]
    // Judaydah ("new") names villages in ten Syrian provinces; the one in the province named is meant.
    [InlineData("Rebels took Judaydah village in southern Idleb.", "Judaydah", "Idlib")]
    [InlineData("Government forces took Judaydah in the Hama countryside.", "Judaydah", "Hama")]
    [InlineData("Government forces took Judaydah, Raqqa, on Monday.", "Judaydah", "Raqqa")]
    public void A_named_province_picks_the_village_in_it(string text, string surface, string admin1)
    {
        var m = Mention(fixture.Parser, text, surface);
        Assert.NotNull(m);
        Assert.Equal("SY", m.Entry?.CountryCode);
        Assert.Equal(admin1, m.Entry?.Admin1);
    }

    [Fact]
    public void A_small_place_in_a_country_the_text_never_points_to_is_not_taken()
    {
        // Olive Branch, Mississippi (about 40,000 people) in a sentence about Rajo: the words name an operation.
        var doc = Document.Create("t", "Turkish forces and Rebel and Islamist Olive Branch factions clashed with the YPG in Rajo.");
        var mentions = fixture.Parser.Parse(doc, Actors.Find(doc));
        Assert.DoesNotContain(mentions, m => m.Text.Contains("Olive", StringComparison.Ordinal));
        Assert.Contains(mentions, m => m.Text == "Rajo" && m.Entry?.CountryCode == "SY");
    }

    [Fact]
    public void A_name_whose_biggest_bearer_dwarfs_the_rest_gives_its_country()
    {
        // "Hama" is also a town in Algeria and villages in Germany and Japan, but the Syrian city outweighs them: Syria is in
        // focus, and Judaydah is a Syrian village, not Judeida Makr in Israel (21,000 people).
        var m = Mention(fixture.Parser, "Government troops entered Judaydah, north of Hama.", "Judaydah");
        Assert.NotNull(m);
        Assert.Equal("SY", m.Entry?.CountryCode);
    }

    [Theory]
    // Koramaza and Kuramaza, two villages 3 km apart in Raqqa province, share a key.
    [InlineData("Koramaza")]
    [InlineData("Kuramaza")]
    public void The_homonym_spelt_as_written_wins_a_tie(string name)
    {
        var m = Mention(fixture.Parser, $"The army entered {name} village in Raqqa province.", name);
        Assert.NotNull(m);
        Assert.Equal(name, m.Entry?.Name);
    }

    [Fact]
    public void A_spelling_the_keys_lack_is_found_by_its_consonants_in_the_province_named()
    {
        // Sraqeb is Saraqib (Idlib) with other vowels; with no province or country named it stays unresolved.
        var m = Mention(fixture.Parser, "Rebels retook the town of Sraqeb in Idlib province on Monday.", "Sraqeb");
        Assert.Equal("gn:164816", m?.Entry?.Id);
        var alone = Mention(fixture.Parser, "Rebels retook the town of Sraqeb on Monday.", "Sraqeb");
        Assert.NotNull(alone);
        Assert.Null(alone.Entry);
    }

    [Theory]
    [InlineData("Rebels captured Tal Abu Zzyzx, in Syria.", "Tal Abu Zzyzx", "Tal Abu")]
    [InlineData("Rebels captured Jabal Zzyzx after clashes in Yemen.", "Jabal Zzyzx", "Jabal")]
    // A lone generic word is the head of a longer name even where a town of that name exists (At Tall, Al Wadi).
    [InlineData("The army captured Tel Zzyzx village after clashes in Syria.", "Tel Zzyzx", "Tel")]
    [InlineData("Rebels took control of Wadi al-Zzyzx east of Taiz, Yemen.", "Wadi al-Zzyzx", "Wadi")]
    public void Generic_words_that_open_a_longer_name_are_not_a_place_alone(string text, string fullName, string head)
    {
        var mentions = fixture.Parser.Parse(Document.Create("t", text));
        var m = mentions.FirstOrDefault(x => x.Text == fullName);
        Assert.NotNull(m);
        Assert.Null(m.Entry);
        Assert.DoesNotContain(mentions, x => x.Text == head);
    }

    [Fact]
    public void A_well_known_place_of_generic_words_stays_itself()
    {
        var m = Mention(fixture.Parser, "Fighters of the Ras al-Ain Military Council returned to Syria.", "Ras al-Ain");
        Assert.NotNull(m);
        Assert.Equal("SY", m.Entry?.CountryCode);
    }

    [Fact]
    public void A_users_countries_are_a_prior_when_the_text_names_none()
    {
        const string text = "Government forces captured the town of Mocha.";
        var plain = Mention(fixture.Parser, text, "Mocha");
        var withPrior = Mention(new Geoparser(fixture.Gazetteer, new GeoparserOptions { Countries = ["SY", "YE"] }), text, "Mocha");
        Assert.Equal("BR", plain?.Entry?.CountryCode);
        Assert.Equal("YE", withPrior?.Entry?.CountryCode);
    }

    [Theory]
    [InlineData("SY,IQ,YE", true, "SY IQ YE")]
    [InlineData(" sy , iq ", true, "SY IQ")]
    [InlineData("", true, "")]
    [InlineData("Syria", false, "")]
    [InlineData("SY;IQ", false, "")]
    public void Country_lists_parse(string text, bool ok, string expected)
    {
        Assert.Equal(ok, GeoparserOptions.TryParseCountries(text, out var countries));
        if (ok) Assert.Equal(expected, string.Join(' ', countries));
    }
}
