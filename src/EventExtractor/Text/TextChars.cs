using System.Globalization;

namespace EventExtractor.Text;

/// <summary>
/// Character classes shared by the tokenizer and the gazetteer, so that both cut text the same way.
/// </summary>
public static class TextChars
{
    /// <summary>Characters that separate tokens and are never part of one: white space, control characters, BOM, zero-width space.</summary>
    public static bool IsSeparator(char c) =>
        c <= ' ' ? true
        : c < 0x7F ? false
        : char.IsWhiteSpace(c) || char.IsControl(c) || c == '\uFEFF' || c == '\u200B';

    /// <summary>Letters, digits and combining marks: the stuff words are made of.</summary>
    public static bool IsWordChar(char c)
    {
        if (c < 0x80) return (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 || c == '_';
        if (char.IsSurrogate(c)) return false;
        if (char.IsLetterOrDigit(c)) return true;
        var cat = CharUnicodeInfo.GetUnicodeCategory(c);
        return cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
    }

    /// <summary>Every character an upper-case letter: "IS", "YPG" (initials, not names).</summary>
    public static bool IsAllUpper(ReadOnlySpan<char> s)
    {
        foreach (char c in s) if (!char.IsUpper(c)) return false;
        return true;
    }

    public static bool IsAsciiDigit(char c) => (uint)(c - '0') <= 9;

    /// <summary>Straight, curly and modifier apostrophes that can sit inside a word (Qa'im, Ma’arat).</summary>
    public static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '\u02BC' or '\u02BB';

    /// <summary>Hyphens that join words (Deir ez-Zor); dashes (en, em) never do.</summary>
    public static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011';

    public static bool IsDash(char c) => c is '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212';

    /// <summary>Punctuation that can close a sentence.</summary>
    public static bool IsTerminal(char c) => c is '.' or '!' or '?' or '\u2026';

    /// <summary>Closing quotes and brackets that may follow a sentence's final punctuation.</summary>
    public static bool IsCloser(char c) => c is '"' or '\'' or '\u201D' or '\u2019' or ')' or ']' or '}' or '\u00BB';

    /// <summary>Opening quotes and brackets.</summary>
    public static bool IsOpener(char c) => c is '"' or '\'' or '\u201C' or '\u2018' or '(' or '[' or '{' or '\u00AB';
}
