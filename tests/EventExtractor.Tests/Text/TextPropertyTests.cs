using EventExtractor.Text;
using FsCheck;
using FsCheck.Fluent;

namespace EventExtractor.Tests.Text;

/// <summary>
/// Invariants of the token and sentence arrays, over random strings and over random mixes of real
/// news fragments and hostile characters (lone surrogates, NUL, control characters, CR/LF).
/// </summary>
public sealed class TextPropertyTests
{
    private static readonly string[] Fragments =
    [
        "Syria's", "army", "U.S.", "U.S.-led", "Al-Qaim", "Deir ez-Zor", "Qa'im", "Ma’arat", "(November 9)", "\"caliphate.\"",
        "1,200", "3.5", "25km", "2017-11-09", "Gen.", "Lt. Col.", "e.g.", "p.m.", "...", "…", "—", "–", "-", "'", "’",
        "https://example.org/x.", "press@un.org", "#Raqqa", "👍🏽", "🇸🇾", "❤️", "\uD800", "\uDC00", "\0", "\u0007", "\uFEFF",
        ".", "!", "?", ",", " ", " ", " ", "\n", "\r\n", "\n\n", "\t", "ISIS", "The", "the", "fell", "2014.", "No.", "##", "- ",
    ];

    private static Arbitrary<string> NewsLikeText() =>
        Gen.Elements(Fragments).ListOf().Select(parts => string.Concat(parts)).ToArbitrary();

    private static bool Holds(string? text)
    {
        text ??= "";
        var doc = Document.Create("p", text);
        var tokens = doc.Tokens;
        var covered = new int[text.Length];
        for (int i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            if (t.Start >= t.End || t.End > text.Length) return false;
            if (i > 0 && tokens[i - 1].End > t.Start) return false; // in order, never overlapping
            for (int c = t.Start; c < t.End; c++)
            {
                if (char.IsWhiteSpace(text[c]) || TextChars.IsSeparator(text[c])) return false; // no whitespace inside
                covered[c]++;
            }
            if (!doc.TokenText(i).SequenceEqual(text.AsSpan(t.Start, t.End - t.Start))) return false;
        }
        // Every character that is not a separator is in exactly one token: nothing is dropped.
        for (int c = 0; c < text.Length; c++)
        {
            if (!TextChars.IsSeparator(text[c]) && covered[c] != 1) return false;
        }
        // Sentences partition the tokens, in order, and so the non-whitespace text.
        int next = 0;
        foreach (var s in doc.Sentences)
        {
            if (s.FirstToken != next || s.TokenCount <= 0) return false;
            if (s.Start != tokens[s.FirstToken].Start || s.End != tokens[s.EndToken - 1].End) return false;
            next = s.EndToken;
        }
        return next == tokens.Length && (tokens.Length > 0 || doc.Sentences.Length == 0);
    }

    [Fact]
    public void Invariants_hold_for_random_strings() =>
        Prop.ForAll<string>(Holds).Check(Config.QuickThrowOnFailure.WithMaxTest(2000));

    [Fact]
    public void Invariants_hold_for_random_news_like_text() =>
        Prop.ForAll(NewsLikeText(), Holds).Check(Config.QuickThrowOnFailure.WithMaxTest(2000));

    [Fact]
    public void Invariants_hold_for_the_seed_article() => Assert.True(Holds(File.ReadAllText(TestData.SeedArticlePath)));

    [Fact]
    public void Invariants_hold_for_the_wikipedia_articles_when_present()
    {
        if (TestData.SharedDir is null) return; // CI has ../shared; a bare clone checks the seed only
        var files = Directory.GetFiles(Path.Combine(TestData.SharedDir, "data", "wikipedia", "syria-iraq"), "*.md");
        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.True(Holds(File.ReadAllText(f)), f));
    }

    [Theory]
    [InlineData('a')]
    [InlineData('.')]
    [InlineData('-')]
    [InlineData('\'')]
    [InlineData('"')]
    public void A_20_MB_text_with_no_spaces_is_tokenized_without_failing(char c)
    {
        var text = new string(c, 20_000_000);
        var doc = Document.Create("big", text);
        Assert.True(doc.Tokens.Length >= 1);
        Assert.Equal(text.Length, doc.Tokens[^1].End);
    }

    [Fact]
    public void A_20_MB_text_of_repeated_acronyms_and_names_is_tokenized()
    {
        var text = string.Concat(Enumerable.Repeat("U.S.Al-Qaim's", 1_600_000));
        var doc = Document.Create("big", text);
        Assert.Equal(text.Length, doc.Tokens[^1].End);
    }
}
