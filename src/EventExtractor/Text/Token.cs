namespace EventExtractor.Text;

/// <summary>What kind of text a token is; later stages use it to skip punctuation cheaply.</summary>
public enum TokenKind : byte
{
    Word,
    Number,
    Punctuation,
    Symbol,
    Url,
    Email,
    Hashtag,
    Emoji,
}

/// <summary>
/// One token: a <c>[Start, End)</c> range of UTF-16 code units in the document's original text.
/// A small struct that indexes into the text, as in Catalyst; the text itself is never copied.
/// </summary>
public readonly record struct Token(int Start, int End, TokenKind Kind)
{
    public int Length => End - Start;

    /// <summary>The token's characters in <paramref name="text"/>, which must be the text it was cut from.</summary>
    public ReadOnlySpan<char> In(string text) => text.AsSpan(Start, End - Start);

    /// <summary>The token's characters in <paramref name="text"/>, which must be the text it was cut from.</summary>
    public ReadOnlySpan<char> In(ReadOnlySpan<char> text) => text.Slice(Start, End - Start);
}

/// <summary>
/// One sentence: a character range and the range of tokens inside it.
/// Sentences are consecutive and cover every token exactly once.
/// </summary>
public readonly record struct Sentence(int Start, int End, int FirstToken, int TokenCount)
{
    public int Length => End - Start;

    /// <summary>One past the index of the sentence's last token.</summary>
    public int EndToken => FirstToken + TokenCount;
}

/// <summary>A <c>[Start, End)</c> character range in a document; mentions of places, actors and dates are spans.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;

    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;

    public bool Contains(TextSpan other) => Start <= other.Start && other.End <= End;
}
