using EventExtractor.Places;

namespace EventExtractor.Tests.Places;

[Collection("Places")]
public class GazetteerTests(PlacesFixture fixture)
{
    [Fact]
    public void Holds_world_cities_and_the_village_layer()
    {
        Assert.True(fixture.Gazetteer.Entries.Count > 300_000);
        Assert.Equal("SY", fixture.Gazetteer.ByGeonameId(174448)?.CountryCode);
        Assert.Equal("Deir ez-Zor", fixture.Gazetteer.ByGeonameId(174448)?.Admin1);
        Assert.Equal(34.45226, fixture.Gazetteer.ByGeonameId(174448)!.Lat!.Value, 5);
        Assert.Contains(fixture.Gazetteer.Entries, e => e.Source == "wof");
        Assert.Contains(fixture.Gazetteer.Entries, e => e.Source == "ucdp");
    }

    [Theory]
    [InlineData("Albu Kamal", 174448)]
    [InlineData("Abu Kamal", 174448)]
    [InlineData("Al-Bukamal", 174448)]
    [InlineData("Boukamal", 174448)]
    [InlineData("Al-Qaim", 92138)]
    [InlineData("Al Qa'im", 92138)]
    [InlineData("Qaim", 92138)]
    [InlineData("Rawa", 92004)]
    [InlineData("Rawah", 92004)]
    [InlineData("Deir ez-Zor", 170794)]
    [InlineData("Deir al-Zor", 170794)]
    [InlineData("Dayr az Zawr", 170794)]
    [InlineData("Deir Ezzor", 170794)]
    public void Finds_spelling_variants(string name, long geonameId) =>
        Assert.Contains(fixture.Gazetteer.Find(name), e => e.GeonameId == geonameId);

    [Theory]
    [InlineData("wof:1108779157", "Deir ez-Zor")] // Who's On First writes the province "Days Az Zawr"
    [InlineData("gn:8340917", "Hama")]            // ... and "Hamah"
    [InlineData("gn:166716", "Damascus Governorate")] // the supplement wrote "Damascus"
    public void Every_source_names_a_province_as_GeoNames_does(string id, string admin1) =>
        Assert.Equal(admin1, fixture.Gazetteer.ById(id)?.Admin1);

    [Fact]
    public void A_type_word_in_a_UCDP_name_is_not_part_of_the_key()
    {
        // UCDP writes "Aleppo town"; as a key it would make "Aleppo town" in a text match the entries UCDP spelt so alone.
        Assert.Empty(fixture.Gazetteer.Find("Aleppo town"));
        Assert.Contains(fixture.Gazetteer.Find("Aleppo"), e => e.GeonameId == 170063);
    }

    [Fact]
    public void Never_invents_coordinates()
    {
        var river = fixture.Gazetteer.ById("supp:euphrates-river");
        Assert.NotNull(river);
        Assert.Null(river.Lat);
        Assert.Null(river.Lon);
    }

    [Fact]
    public void Demonyms_map_to_countries()
    {
        Assert.Equal("SY", fixture.Gazetteer.DemonymCountry(PlaceNormalizer.NameKey("Syrian")));
        Assert.Equal("IQ", fixture.Gazetteer.DemonymCountry(PlaceNormalizer.NameKey("Iraqi")));
    }

    [Fact]
    public void A_file_that_is_not_a_gazetteer_is_refused_with_a_message()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "not a gazetteer");
            var e = Assert.Throws<InvalidDataException>(() => Gazetteer.Load(path));
            Assert.Contains("not an EventExtractor gazetteer", e.Message, StringComparison.Ordinal);
        }
        finally { File.Delete(path); }
    }
}
