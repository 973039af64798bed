using EventExtractor.Classification;
using EventExtractor.Text;
using FsCheck;
using FsCheck.Fluent;

namespace EventExtractor.Tests.Text;

/// <summary>
/// <see cref="Document.LowerTokens"/> and <see cref="TriggerLexicon.HasEventTrigger"/> are shortcuts: they must give
/// what lowercasing each token and building the lexicon's hits gave.
/// </summary>
public sealed class LowerTokensTests
{
    [Theory]
    [InlineData("Syria's")]
    [InlineData("ISIS")]
    [InlineData("Deir")]
    [InlineData("ÀLBŪ")]
    [InlineData("\u212A")] // Kelvin sign: lowercases to ASCII k
    [InlineData("\u0130")] // capital I with dot above
    [InlineData("\uD801\uDC00")] // Deseret capital long I: a surrogate pair
    [InlineData("\uD800")]
    [InlineData("https://EXAMPLE.org/a-very-long-address-that-is-longer-than-the-pooled-words-of-sixty-four-characters")]
    public void A_pooled_lower_word_is_the_invariant_lowercase(string word)
    {
        Assert.Equal(word.ToLowerInvariant(), WordPool.Lower(word));
        if (word.Length <= 64) Assert.Same(WordPool.Lower(word), WordPool.Lower(new string(word.AsSpan()))); // one string per word
    }

    [Fact]
    public void Every_token_of_random_text_lowercases_as_ToLowerInvariant_does() =>
        Prop.ForAll<string>(text =>
        {
            var doc = Document.Create("p", text ?? "");
            for (int i = 0; i < doc.Tokens.Length; i++)
                if (doc.LowerTokens[i] != doc.TokenText(i).ToString().ToLowerInvariant()) return false;
            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(2000));

    [Fact]
    public void HasEventTrigger_agrees_with_the_hits_of_Find_on_every_sentence_of_the_seed()
    {
        var doc = Document.Create("seed", File.ReadAllText(TestData.SeedArticlePath));
        var lexicon = TriggerLexicon.LoadDefault();
        for (int s = 0; s < doc.Sentences.Length; s++)
        {
            var sentence = doc.Sentences[s];
            var words = doc.LowerTokens.AsSpan().Slice(sentence.FirstToken, sentence.TokenCount);
            bool expected = lexicon.Find(words.ToArray()).Exists(h => h.Category <= TriggerCategory.Contest);
            Assert.Equal(expected, lexicon.HasEventTrigger(words));
        }
    }
}
