using EventExtractor.Places;
using EventExtractor.Text;

namespace EventExtractor.Tests.Places;

[Collection("Places")]
public class GeoparserTests(PlacesFixture fixture)
{
    private IReadOnlyList<PlaceMention> Parse(string text) => fixture.Parser.Parse(Document.Create("t", text));

    /// <summary>Done-when of the issue: every place in the seed article resolves to the stated entry.</summary>
    [Theory]
    [InlineData("Albu Kamal", "gn:174448")]
    [InlineData("Al-Qaim", "gn:92138")]
    [InlineData("Rawa", "gn:92004")]
    [InlineData("Hajar Aswad", "gn:8419677")]
    [InlineData("Damascus", "gn:170654")]
    [InlineData("Deir ez-Zor", "gn:170792")] // the province: "Deir ez-Zor province"
    [InlineData("Homs", "gn:169575")]        // the province: "the central region of Homs"
    [InlineData("Daraa", "gn:170903")]       // the province: "Daraa province"
    [InlineData("Anbar", "gn:99592")]        // the province: "Iraq's Anbar province"
    [InlineData("Syria", "country:SY")]
    [InlineData("Iraq", "country:IQ")]
    [InlineData("Jordan", "country:JO")]
    [InlineData("Yarmuk", "gn:166716")]      // the camp, named in corpus/gazetteer/supplement.tsv
    [InlineData("Euphrates River", "supp:euphrates-river")]
    public void Every_seed_place_resolves(string surface, string expectedId)
    {
        var text = PlacesFixture.SeedText;
        var mentions = fixture.Parser.Parse(Document.Create("seed", text));
        var hits = mentions.Where(m => m.Text.Contains(surface, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(hits);
        Assert.All(hits, m => Assert.Equal(expectedId, m.Entry?.Id));
    }

    [Theory]
    // Suluk is a town in Raqqa; "Um Suluk town" is another place, which the gazetteer lacks.
    [InlineData("The SDF took control of Um Suluk town on Monday.", "Um Suluk")]
    [InlineData("The SDF captured the village of Abu Suluk from ISIS.", "Abu Suluk")]
    // The apostrophe of an ayn joins the name: "Abu 'Zarqoun", not "Abu".
    [InlineData("The SDF captured the village of Abu 'Zarqoun from ISIS.", "Abu 'Zarqoun")]
    public void A_generic_head_before_a_name_in_a_place_pattern_is_part_of_it(string text, string name)
    {
        var m = Parse(text).SingleOrDefault(m => m.Text.Contains(name.Split(' ')[^1].TrimStart('\''), StringComparison.Ordinal));
        Assert.NotNull(m);
        Assert.Equal(name, m.Text);
        Assert.Null(m.Entry);
    }

    [Fact]
    public void A_match_followed_by_more_of_a_name_and_a_place_word_is_the_head_of_that_name()
    {
        // Suluk is a town in Raqqa; "Suluk Qarzoun village" is another place (invented), which the gazetteer lacks.
        var m = Assert.Single(Parse("Syrian forces took control of Suluk Qarzoun village on Monday."), m => m.Kind != PlaceKind.Country);
        Assert.Equal("Suluk Qarzoun", m.Text);
        Assert.Null(m.Entry);
        // A facility word after the name is not more of it.
        Assert.Contains(Parse("Syrian forces took control of Suluk Military base on Monday."), m => m.Text == "Suluk" && m.Entry is not null);
    }

    [Theory]
    // "Sharqi" (east) alone is a village in Yemen; "Qarzoun Sharqi" (invented) is another place, which the gazetteer lacks.
    [InlineData("Rebels captured Qarzoun Sharqi after clashes in Idlib.", "Qarzoun Sharqi", null)]
    [InlineData("Rebels captured Qarzoun al-Gharbi after clashes in Idlib.", "Qarzoun al-Gharbi", null)]
    // The whole name is then found by its consonants: Zifr Kabir, Idlib (as the Wikipedia corpus spells it).
    [InlineData("Syrian government forces captured Zafar al-Kabir in Idlib.", "Zafar al-Kabir", "gn:162436")]
    public void An_arabic_qualifier_after_a_name_is_part_of_it(string text, string name, string? expectedId)
    {
        var mentions = Parse(text);
        var m = Assert.Single(mentions, m => m.Text.Contains(name.Split(' ')[^1], StringComparison.Ordinal));
        Assert.Equal(name, m.Text);
        Assert.Equal(expectedId, m.Entry?.Id);
    }

    [Theory]
    // "Big" alone answers to Biga in Turkey; "Big Qarzoun" (invented) is a place the gazetteer lacks.
    [InlineData("Rebel forces clashed with regime forces in Big Qarzoun on Monday.", "Big Qarzoun")]
    [InlineData("Rebel forces clashed with regime forces in Upper Qarzoun on Monday.", "Upper Qarzoun")]
    public void An_english_qualifier_before_a_name_is_part_of_it(string text, string name)
    {
        var m = Assert.Single(Parse(text)); // one name: not "Big" and "Qarzoun" apart
        Assert.Equal(name, m.Text);
        Assert.Null(m.Entry);
    }

    [Fact]
    public void The_head_of_a_longer_name_does_not_vote_for_a_country()
    {
        // "Abul" alone is a village in Afghanistan; here it heads "Abul Qarzoun" (invented). Its vote made Afghanistan a
        // country of the text, so "Uji" (Uji in Kyoto, Ojai in California, Owji in Badakhshan...) went to Afghanistan.
        var uji = Parse("Government troops took Abul Qarzoun in Idlib province and then entered Uji.")
            .Single(m => m.Text == "Uji");
        Assert.NotEqual("AF", uji.Entry?.CountryCode);
    }

    [Fact]
    public void A_qualifier_after_a_sentence_initial_or_ordinary_word_stays_alone()
    {
        // "The" starts the sentence, "Near" is an ordinary word: neither begins a name.
        Assert.DoesNotContain(Parse("Rebels said so. Near Sharqi, Houthi forces attacked a checkpoint in Yemen."), m => m.Text.StartsWith("Near", StringComparison.Ordinal));
        Assert.DoesNotContain(Parse("The Sharqi checkpoint fell to Houthi forces in Yemen."), m => m.Text.StartsWith("The", StringComparison.Ordinal));
    }

    [Fact]
    public void The_seed_has_no_place_that_is_not_a_place()
    {
        var mentions = fixture.Parser.Parse(Document.Create("seed", PlacesFixture.SeedText));
        var allowed = new[] { "Syria", "Iraq", "Albu Kamal", "Euphrates River", "Deir ez-Zor", "Yarmuk", "Hajar Aswad", "Damascus", "Homs", "Daraa", "Jordan", "Al-Qaim", "Rawa", "Anbar" };
        Assert.All(mentions, m => Assert.Contains(allowed, a => m.Text.StartsWith(a, StringComparison.Ordinal)));
        Assert.DoesNotContain(mentions, m => m.Text.Contains("Assad", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Government forces captured Rawa on Tuesday, officials in Iraq said.", "Rawa", "gn:92004")]
    [InlineData("Fighting continued in Hit, a town in Iraq's Anbar province.", "Hit", "gn:95788")]
    [InlineData("Fighters entered the town of Hit, Iraq, on Monday.", "Hit", "gn:95788")]
    [InlineData("The army shelled Homs province and Idlib province, Syria.", "Homs", "gn:169575")]
    [InlineData("Rebels in Syria advanced on Homs on Monday.", "Homs", "gn:169577")]
    [InlineData("Troops moved from Deir al-Zor to Dayr az Zawr, Syria.", "Deir al-Zor", "gn:170794")]
    [InlineData("Troops moved from Deir al-Zor to Dayr az Zawr, Syria.", "Dayr az Zawr", "gn:170794")]
    [InlineData("ISIS lost Abu Kamal in Syria.", "Abu Kamal", "gn:174448")]
    [InlineData("ISIS lost Boukamal in Syria.", "Boukamal", "gn:174448")]
    [InlineData("Iraqi forces took Al Qa'im near the border with Syria.", "Al Qa'im", "gn:92138")]
    [InlineData("Iraqi forces retook Rawah in Anbar.", "Rawah", "gn:92004")]
    // English for the Arabic qualifier after the name (Zifr Saghir, Idlib): "Little", "Big", "Upper", "Lower".
    [InlineData("Syrian government forces entered Little Zifr village in Idlib.", "Little Zifr", "gn:162435")]
    [InlineData("Syrian government forces entered Big Zifr village in Idlib.", "Big Zifr", "gn:162436")]
    public void Resolves_in_context(string text, string surface, string expectedId)
    {
        var m = Parse(text).FirstOrDefault(x => x.Text == surface);
        Assert.NotNull(m);
        Assert.Equal(expectedId, m.Entry?.Id);
    }

    [Theory]
    [InlineData("They hit the convoy near the border with Iraq.", "hit")]
    [InlineData("Hit the road, the commander told reporters in Iraq.", "Hit")]
    [InlineData("The Mayor of Raqqa met officials in Syria.", "Mayor")]
    [InlineData("Most of the fighters left Syria in March.", "Most")]
    [InlineData("Most of the fighters left Syria in March.", "March")]
    [InlineData("Troops loyal to President Bashar al-Assad advanced in Syria.", "Assad")]
    [InlineData("Troops loyal to President Bashar al-Assad advanced in Syria.", "Bashar")]
    [InlineData("On Thursday the Syrian army advanced.", "Thursday")]
    [InlineData("The Syrian Observatory for Human Rights said 12 died in Syria.", "Human")]
    [InlineData("Ana said the village was empty.", "Ana")]
    [InlineData("Saddam Hussein ruled Iraq.", "Saddam")]
    [InlineData("Saddam Hussein ruled Iraq.", "Hussein")]
    public void Rejects_words_that_are_places_only_by_accident(string text, string word)
    {
        Assert.DoesNotContain(Parse(text), m => m.Text.Contains(word, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Rebels seized the village of Zzyzxqar in Syria.", "Zzyzxqar")]
    [InlineData("Rebels seized Kharbat Zzyzxqar village in Syria.", "Kharbat Zzyzxqar")]
    public void A_place_pattern_with_an_unknown_name_is_a_mention_with_no_entry(string text, string surface)
    {
        var m = Parse(text).FirstOrDefault(x => x.Text == surface);
        Assert.NotNull(m);
        Assert.Null(m.Entry);
    }

    /// <summary>Villages the gazetteer lacks, marked as places by a place word: name particles of personal names inside
    /// the name (Abu, Ibn), a hyphenated article, the new place words (hill, mountain, area, base), a capitalised
    /// direction word before the name.</summary>
    [Theory]
    [InlineData("Regime forces took Abu Zzyzxqar village in Syria.", "Abu Zzyzxqar", PlaceKind.Settlement)]
    [InlineData("The army controlled Tell Ibn Zzyzxqar village after clashes.", "Tell Ibn Zzyzxqar", PlaceKind.Settlement)]
    [InlineData("Rebels retook the village of al-Zzyzxqar in Syria.", "al-Zzyzxqar", PlaceKind.Settlement)]
    [InlineData("The Houthis seized Zzyzxqar hill in Yemen.", "Zzyzxqar", PlaceKind.Natural)]
    [InlineData("The Houthis seized the Zzyzxqar mountain in Yemen.", "Zzyzxqar", PlaceKind.Natural)]
    [InlineData("Rebels took Zzyzxqar area in Syria.", "Zzyzxqar", PlaceKind.District)]
    [InlineData("The army stormed Zzyzxqar base in Syria.", "Zzyzxqar", PlaceKind.Facility)]
    [InlineData("The army controlled Southern Zzyzxqar village after clashes.", "Zzyzxqar", PlaceKind.Settlement)]
    public void A_place_word_makes_an_unknown_name_a_place(string text, string surface, PlaceKind kind)
    {
        var m = Parse(text).FirstOrDefault(x => x.Text == surface);
        Assert.NotNull(m);
        Assert.Equal(kind, m.Kind);
    }

    /// <summary>
    /// A name the gazetteer lacks, where the sentence puts a place (after a locative preposition, a capture verb, "the
    /// fall of"), is a mention with no entry; an actor before a place word ends the name instead of hiding it.
    /// </summary>
    [Theory]
    [InlineData("Rebels captured Zzyzxqar after heavy fighting.", "Zzyzxqar")]
    [InlineData("Clashes broke out in Zzyzxqar, with reports of casualties.", "Zzyzxqar")]
    [InlineData("The fall of Zzyzxqar Tahtani ended the siege.", "Zzyzxqar Tahtani")]
    [InlineData("The army launched an offensive on Zzyzxqar in March.", "Zzyzxqar")]
    [InlineData("Fighting took place with HTS at Zzyzxqar airbase.", "Zzyzxqar")]
    public void A_place_slot_makes_an_unknown_name_a_place(string text, string surface)
    {
        var mentions = Parse(text);
        var m = mentions.FirstOrDefault(x => x.Text == surface);
        Assert.NotNull(m);
        Assert.Null(m.Entry);
        Assert.DoesNotContain(mentions, x => x.Text.Contains("HTS", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("The army captured Saddam Hussein in 2003.", "Saddam")]
    [InlineData("Turkish troops fought in Operation Zzyzx Spring.", "Operation")]
    [InlineData("Rebels attacked the checkpoint in March.", "March")]
    [InlineData("Zzyzxqar was quiet, and the rebels attacked.", "Zzyzxqar")] // no place slot before it
    public void A_place_slot_does_not_make_people_operations_or_months_places(string text, string word)
    {
        Assert.DoesNotContain(Parse(text), m => m.Text.Contains(word, StringComparison.Ordinal));
    }

    /// <summary>Every name of a list that a plural place word governs is a place.</summary>
    [Theory]
    [InlineData("The army took control of Zzyzxa, Zzyzxb, and Zzyzxc villages in Syria.", "Zzyzxa,Zzyzxb,Zzyzxc")]
    [InlineData("Rebels captured the villages of Zzyzxd, Zzyzxe and Zzyzxf in Syria.", "Zzyzxd,Zzyzxe,Zzyzxf")]
    [InlineData("Regime forces took control of several towns and villages in eastern Idlib, including Zzyzxg and Zzyzxh.", "Zzyzxg,Zzyzxh")]
    public void A_list_governed_by_a_plural_place_word_is_places(string text, string names)
    {
        var mentions = Parse(text);
        foreach (var name in names.Split(','))
            Assert.Contains(mentions, m => m.Text == name);
    }

    [Theory]
    [InlineData("Clashes took place between the army and rebel factions, including Ahrar al-Sham, near several villages.", "Ahrar")]
    [InlineData("Several groups, including Zzyzxq, attacked the army.", "Zzyzxq")] // no plural place word before "including"
    public void Including_lists_places_only_after_a_plural_place_word(string text, string word)
    {
        Assert.DoesNotContain(Parse(text), m => m.Text.Contains(word, StringComparison.Ordinal));
    }

    /// <summary>Actors, people, months and demonyms before a place word are not places.</summary>
    [Theory]
    [InlineData("Fighters stormed the Islamic State camp in Syria.", "State")]
    [InlineData("Troops entered the Saddam Hussein base in Iraq.", "Hussein")]
    [InlineData("Rebels held the March area in Syria.", "March")]
    [InlineData("Rebels attacked the Turkish base in Syria.", "Turkish")]
    [InlineData("Rebels attacked the Abu base in Syria.", "Abu")]
    [InlineData("Rebels attacked the Hayat Tahrir al-Sham camp in Syria.", "Tahrir")]
    public void A_place_word_does_not_make_an_actor_person_or_month_a_place(string text, string word)
    {
        Assert.DoesNotContain(Parse(text), m => m.Text.Contains(word, StringComparison.Ordinal));
    }

    [Fact]
    public void A_place_before_a_military_facility_is_the_place_not_a_qualifier()
    {
        Assert.False(Parse("Rebels stormed the Aleppo military airport.").Single(x => x.Text == "Aleppo").IsQualifier);
        Assert.True(Parse("The Aleppo military said the rebels fled.").Single(x => x.Text == "Aleppo").IsQualifier);
    }

    [Fact]
    public void A_country_before_a_government_word_is_a_qualifier()
    {
        var m = Parse("The Syria government and Iraq's army met in Jordan.");
        Assert.True(m.Single(x => x.Text == "Iraq").IsQualifier);
        Assert.False(m.Single(x => x.Text == "Jordan").IsQualifier);
    }

    [Fact]
    public void Mention_offsets_point_at_the_text()
    {
        var text = PlacesFixture.SeedText;
        foreach (var m in fixture.Parser.Parse(Document.Create("seed", text)))
            Assert.Equal(m.Text, text[m.Span.Start..m.Span.End]);
    }

    [Fact]
    public void Parsing_is_deterministic()
    {
        var a = fixture.Parser.Parse(Document.Create("seed", PlacesFixture.SeedText));
        var b = fixture.Parser.Parse(Document.Create("seed", PlacesFixture.SeedText));
        Assert.Equal(a, b);
    }
}
