using EventExtractor.Places;

namespace EventExtractor.Tests.Places;

public class PlaceNormalizerTests
{
    [Theory]
    [InlineData("Deir ez-Zor", "Deir al-Zor")]
    [InlineData("Deir ez-Zor", "Dayr az Zawr")]
    [InlineData("Deir ez-Zor", "Deir Ezzor")]
    [InlineData("Deir ez-Zor", "Dair al-Zour")]
    [InlineData("Al-Bukamal", "Boukamal")]
    [InlineData("Al-Qaim", "Al Qa'im")]
    [InlineData("Al-Qaim", "Al Qa’im")]
    [InlineData("Al-Qaim", "al-Qāʾim")]
    [InlineData("Al-Qaim", "Qaim")]
    [InlineData("Rawa", "Rawah")]
    [InlineData("Hajar al-Aswad", "Hajar Aswad")]
    [InlineData("Raqqa", "Ar-Raqqah")]
    [InlineData("Raqqa", "ar Raqqa")]
    [InlineData("Ḩalab", "Halab")]
    [InlineData("القائم", "قائم")]
    public void Spelling_variants_share_a_key(string a, string b) =>
        Assert.Equal(PlaceNormalizer.NameKey(a), PlaceNormalizer.NameKey(b));

    [Theory]
    [InlineData("Hawl and", "Holland")] // token boundaries are kept: no joins across words
    [InlineData("Homs", "Hama")]
    [InlineData("Al-Bab", "Babil")]
    public void Different_names_keep_different_keys(string a, string b) =>
        Assert.NotEqual(PlaceNormalizer.NameKey(a), PlaceNormalizer.NameKey(b));

    [Theory]
    [InlineData("Sraqeb", "Saraqib")]
    [InlineData("Menbij", "Manbij")]
    [InlineData("Tell Rifaat", "Tal Rifaat")]
    [InlineData("Dhiban", "Thiban")]
    public void Vowel_variants_share_a_skeleton(string a, string b) =>
        Assert.Equal(PlaceNormalizer.Skeleton(PlaceNormalizer.NameKey(a)!), PlaceNormalizer.Skeleton(PlaceNormalizer.NameKey(b)!));

    [Theory]
    [InlineData("Homs", "Hama")]
    [InlineData("Tal Rifaat", "Rifaat")] // words stay words
    public void Different_consonants_keep_different_skeletons(string a, string b) =>
        Assert.NotEqual(PlaceNormalizer.Skeleton(PlaceNormalizer.NameKey(a)!), PlaceNormalizer.Skeleton(PlaceNormalizer.NameKey(b)!));

    [Fact]
    public void A_name_of_only_punctuation_has_no_key()
    {
        Assert.Null(PlaceNormalizer.NameKey("--"));
        Assert.Null(PlaceNormalizer.NameKey("Homs, Syria")); // a comma is not part of a name
    }
}
