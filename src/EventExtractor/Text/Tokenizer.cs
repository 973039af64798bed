using System.Globalization;

namespace EventExtractor.Text;

/// <summary>
/// English news tokenizer, after spaCy's and Catalyst's designs: text is cut at separators, then each
/// chunk is scanned left to right with prefix, infix and suffix rules and an exception table.
/// One pass, no regular expressions, no allocation per token.
/// </summary>
/// <remarks>
/// Hyphen policy (shared with the gazetteer): a hyphen between a letter or number and a letter is its own
/// token (<c>Al-Qaim</c> is <c>Al</c> <c>-</c> <c>Qaim</c>; <c>U.S.-led</c> is <c>U.S.</c> <c>-</c> <c>led</c>);
/// a hyphen before a digit stays inside the word (<c>F-16</c>, <c>2017-11-09</c>).
/// Apostrophes: possessive <c>'s</c>/<c>’s</c> and English contractions are split off; any other apostrophe
/// between letters stays inside the word (<c>Qa'im</c>, <c>Ma'arat</c>).
/// </remarks>
public static class Tokenizer
{
    /// <summary>Appends the tokens of <paramref name="text"/> to <paramref name="tokens"/>.</summary>
    public static void Tokenize(ReadOnlySpan<char> text, TokenBuffer tokens)
    {
        int i = 0;
        while (i < text.Length)
        {
            if (TextChars.IsSeparator(text[i])) { i++; continue; }
            var (end, kind) = Scan(text, i);
            tokens.Add(new Token(i, end, kind));
            i = end;
        }
    }

    /// <summary>Tokenizes a whole string into a new array (convenience for tests and small inputs).</summary>
    public static Token[] Tokenize(string text)
    {
        var buffer = new TokenBuffer(Math.Max(16, text.Length / 5));
        Tokenize(text, buffer);
        return buffer.ToArray();
    }

    private static (int End, TokenKind Kind) Scan(ReadOnlySpan<char> t, int i)
    {
        char c = t[i];
        if (TextChars.IsWordChar(c))
        {
            if (IsUrlStart(t, i)) return (ScanUrlOrEmail(t, i), TokenKind.Url);
            if (StartsContraction(t, i, out int contractionEnd)) return (contractionEnd, TokenKind.Word);
            return TextChars.IsAsciiDigit(c) ? ScanNumber(t, i) : ScanWord(t, i);
        }

        if (TextChars.IsApostrophe(c) && i > 0 && TextChars.IsWordChar(t[i - 1]) && StartsClitic(t, i, out int cliticEnd))
            return (cliticEnd, TokenKind.Word);

        switch (c)
        {
            case '#' or '@' when i + 1 < t.Length && TextChars.IsWordChar(t[i + 1]):
                return (ScanWordChars(t, i + 1), TokenKind.Hashtag);
            case '.':
                if (Has(t, i + 1, '.') && Has(t, i + 2, '.')) return (Repeat(t, i, '.'), TokenKind.Punctuation);
                if (i + 1 < t.Length && TextChars.IsAsciiDigit(t[i + 1]) && (i == 0 || !TextChars.IsWordChar(t[i - 1])))
                    return ScanNumber(t, i);
                return (i + 1, TokenKind.Punctuation);
            case '-' when Has(t, i + 1, '-'):
                return (Repeat(t, i, '-'), TokenKind.Punctuation);
        }

        if (char.IsHighSurrogate(c))
        {
            if (i + 1 < t.Length && char.IsLowSurrogate(t[i + 1]))
            {
                int cp = char.ConvertToUtf32(c, t[i + 1]);
                var cat = CharUnicodeInfo.GetUnicodeCategory(cp);
                if (cat is UnicodeCategory.OtherSymbol or UnicodeCategory.ModifierSymbol) return (ScanEmoji(t, i), TokenKind.Emoji);
                return (i + 2, System.Text.Rune.IsLetterOrDigit(new System.Text.Rune(cp)) ? TokenKind.Word : TokenKind.Symbol);
            }
            return (i + 1, TokenKind.Symbol); // a lone surrogate: keep it, as one token, rather than fail
        }
        if (char.IsLowSurrogate(c)) return (i + 1, TokenKind.Symbol);

        if (c is >= '\u2600' and <= '\u27BF' or >= '\u2B00' and <= '\u2BFF') return (ScanEmoji(t, i), TokenKind.Emoji);
        return (i + 1, char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Symbol);
    }

    /// <summary>A run of letters and digits with the infix rules of names: apostrophes, hyphen+digit, acronyms, abbreviations.</summary>
    private static (int End, TokenKind Kind) ScanWord(ReadOnlySpan<char> t, int start)
    {
        int j = ScanWordChars(t, start);
        int segmentStart = start;
        while (j < t.Length)
        {
            char c = t[j];
            if (TextChars.IsApostrophe(c) && j + 1 < t.Length && TextChars.IsWordChar(t[j + 1]))
            {
                // "Syria's" and "don't" split; "Qa'im" stays whole.
                if (StartsClitic(t, j, out _)) return (j, TokenKind.Word);
                if (t[j + 1] is 't' or 'T' && t[j - 1] is 'n' or 'N' && j - 1 > start && !Has(t, j + 2, TextChars.IsWordChar))
                    return (j - 1, TokenKind.Word);
                j = ScanWordChars(t, j + 1);
                segmentStart = j;
                continue;
            }
            // Designators keep a hyphen before a digit (F-16, Su-24, T-4, COVID-19); lowercase
            // prefixes do not (mid-2017, pre-2011), so that dates see the year as its own token.
            if (TextChars.IsHyphen(c) && j + 1 < t.Length && TextChars.IsAsciiDigit(t[j + 1]) && (char.IsUpper(t[start]) || j - start <= 2))
            {
                j = ScanWordChars(t, j + 1);
                continue;
            }
            if (c == '.')
            {
                var word = t[start..j];
                // Acronyms with inner periods: U.S., U.N., e.g., a.m., U.S.A.
                if (j - segmentStart == 1 && j + 2 < t.Length && char.IsLetter(t[j + 1]) && t[j + 2] == '.')
                    return (ScanAcronym(t, j), TokenKind.Word);
                if (Abbreviations.KeepsPeriod(word)) return (j + 1, TokenKind.Word);
                if (Abbreviations.IsNumberSign(word) && NextNonSeparatorIsDigit(t, j + 1)) return (j + 1, TokenKind.Word);
                if (word.Length == 1 && char.IsUpper(word[0])) return (j + 1, TokenKind.Word); // an initial
                if (j + 1 < t.Length && char.IsLower(t[j + 1]))
                {
                    j = ScanWordChars(t, j + 1); // domain-like words: reuters.com, john.smith@...
                    segmentStart = j;
                    continue;
                }
                return (j, TokenKind.Word);
            }
            if (c == '@' && j + 1 < t.Length && TextChars.IsWordChar(t[j + 1])) return (ScanUrlOrEmail(t, start), TokenKind.Email);
            if (c == '&' && j + 1 < t.Length && char.IsUpper(t[j + 1]) && char.IsUpper(t[j - 1]))
            {
                j = ScanWordChars(t, j + 1); // AT&T
                continue;
            }
            break;
        }
        return (j, TokenKind.Word);
    }

    /// <summary>Numbers: 1,200; 3.5; 10:30; 11/9/2017; 2017-11-09; ordinals (3rd) and decades (1990s) stay whole; units split (25km).</summary>
    private static (int End, TokenKind Kind) ScanNumber(ReadOnlySpan<char> t, int start)
    {
        int j = start;
        if (t[j] == '.') j++;
        j = ScanDigits(t, j);
        while (j + 1 < t.Length)
        {
            char c = t[j];
            if (c is ',' or '.' or ':' or '/' && TextChars.IsAsciiDigit(t[j + 1])) { j = ScanDigits(t, j + 1); continue; }
            // ISO dates keep their hyphens: 2017-11-09.
            if (c == '-' && j - start == 4 && IsIsoDateTail(t, j)) { j += 6; break; }
            break;
        }
        if (j + 1 < t.Length && !Has(t, j + 2, TextChars.IsWordChar))
        {
            var suffix = t.Slice(j, 2);
            if (suffix.Equals("st", StringComparison.OrdinalIgnoreCase) || suffix.Equals("nd", StringComparison.OrdinalIgnoreCase)
                || suffix.Equals("rd", StringComparison.OrdinalIgnoreCase) || suffix.Equals("th", StringComparison.OrdinalIgnoreCase))
                return (j + 2, TokenKind.Number);
        }
        if (j < t.Length && t[j] == 's' && !Has(t, j + 1, TextChars.IsWordChar) && j - start == 4) return (j + 1, TokenKind.Number); // 1990s
        return (j, TokenKind.Number);
    }

    private static bool IsIsoDateTail(ReadOnlySpan<char> t, int j) =>
        j + 5 < t.Length && TextChars.IsAsciiDigit(t[j + 1]) && TextChars.IsAsciiDigit(t[j + 2]) && t[j + 3] == '-'
        && TextChars.IsAsciiDigit(t[j + 4]) && TextChars.IsAsciiDigit(t[j + 5]) && !Has(t, j + 6, TextChars.IsAsciiDigit);

    private static int ScanDigits(ReadOnlySpan<char> t, int j)
    {
        while (j < t.Length && TextChars.IsAsciiDigit(t[j])) j++;
        return j;
    }

    private static int ScanWordChars(ReadOnlySpan<char> t, int j)
    {
        while (j < t.Length && TextChars.IsWordChar(t[j])) j++;
        return j;
    }

    /// <summary>From the first letter of "U.S." to just past its last period.</summary>
    private static int ScanAcronym(ReadOnlySpan<char> t, int firstPeriod)
    {
        int j = firstPeriod + 1;
        while (j + 1 < t.Length && char.IsLetter(t[j]) && t[j + 1] == '.') j += 2;
        return j;
    }

    private static bool IsUrlStart(ReadOnlySpan<char> t, int i)
    {
        var rest = t[i..];
        return rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || (rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase) && rest.Length > 4 && TextChars.IsWordChar(rest[4]));
    }

    /// <summary>A URL or e-mail address runs to the next separator, less trailing sentence punctuation.</summary>
    private static int ScanUrlOrEmail(ReadOnlySpan<char> t, int start)
    {
        int j = start;
        while (j < t.Length && !TextChars.IsSeparator(t[j]) && !char.IsSurrogate(t[j])) j++;
        // Trailing sentence punctuation is not part of the address; a closing bracket is, if it opened inside.
        bool hasParen = t[start..j].Contains('('), hasBracket = t[start..j].Contains('[');
        while (j > start + 1 && (t[j - 1] is '.' or ',' or ';' or ':' or '!' or '?' or '"' or '\'' or '\u201D' or '\u2019' or '\u00BB'
            || (t[j - 1] is ')' && !hasParen) || (t[j - 1] is ']' && !hasBracket)))
            j--;
        return j;
    }

    /// <summary>Emoji: a symbol with its variation selectors, skin tones, keycaps and zero-width-joiner sequences.</summary>
    private static int ScanEmoji(ReadOnlySpan<char> t, int i)
    {
        int j = i + (char.IsHighSurrogate(t[i]) ? 2 : 1);
        while (j < t.Length)
        {
            char c = t[j];
            if (c is '\uFE0F' or '\uFE0E' or '\u20E3') { j++; continue; }
            if (c == '\u200D' && j + 1 < t.Length)
            {
                j += char.IsHighSurrogate(t[j + 1]) && j + 2 < t.Length && char.IsLowSurrogate(t[j + 2]) ? 3 : 2;
                continue;
            }
            // Skin tones (U+1F3FB..U+1F3FF) and regional-indicator pairs (flags) continue the emoji.
            if (c == '\uD83C' && j + 1 < t.Length && (t[j + 1] is >= '\uDFFB' and <= '\uDFFF' || (t[j + 1] is >= '\uDDE6' and <= '\uDDFF' && t[j - 1] is >= '\uDDE6' and <= '\uDDFF')))
            {
                j += 2;
                continue;
            }
            break;
        }
        return j;
    }

    /// <summary>'s, 're, 've, 'll, 'd, 'm after a word: split off as their own token.</summary>
    private static bool StartsClitic(ReadOnlySpan<char> t, int apostrophe, out int end)
    {
        end = apostrophe;
        var rest = t[(apostrophe + 1)..];
        int n = IsLower(rest, "re") || IsLower(rest, "ve") || IsLower(rest, "ll") ? 2
            : rest.Length >= 1 && rest[0] is 's' or 'S' or 'd' or 'm' ? 1 : 0;
        if (n == 0 || Has(rest, n, TextChars.IsWordChar)) return false;
        if (n == 2 || rest[0] is 'd' or 'm')
        {
            // Only after English pronouns: "they're", "I'm"; not "Sa'd".
            int w = apostrophe;
            while (w > 0 && TextChars.IsWordChar(t[w - 1])) w--;
            if (!IsPronoun(t[w..apostrophe])) return false;
        }
        end = apostrophe + 1 + n;
        return true;
    }

    /// <summary>"n't" of "don't", scanned as its own token.</summary>
    private static bool StartsContraction(ReadOnlySpan<char> t, int i, out int end)
    {
        end = i;
        if (t[i] is not ('n' or 'N') || i == 0 || !TextChars.IsWordChar(t[i - 1])) return false;
        if (i + 2 >= t.Length || !TextChars.IsApostrophe(t[i + 1]) || t[i + 2] is not ('t' or 'T') || Has(t, i + 3, TextChars.IsWordChar)) return false;
        end = i + 3;
        return true;
    }

    private static bool IsPronoun(ReadOnlySpan<char> w) =>
        w.Equals("I", StringComparison.Ordinal) || w.Equals("you", StringComparison.OrdinalIgnoreCase) || w.Equals("we", StringComparison.OrdinalIgnoreCase)
        || w.Equals("they", StringComparison.OrdinalIgnoreCase) || w.Equals("he", StringComparison.OrdinalIgnoreCase) || w.Equals("she", StringComparison.OrdinalIgnoreCase)
        || w.Equals("it", StringComparison.OrdinalIgnoreCase) || w.Equals("who", StringComparison.OrdinalIgnoreCase) || w.Equals("there", StringComparison.OrdinalIgnoreCase)
        || w.Equals("that", StringComparison.OrdinalIgnoreCase) || w.Equals("what", StringComparison.OrdinalIgnoreCase);

    private static bool IsLower(ReadOnlySpan<char> s, string lower) => s.Length >= lower.Length && s[..lower.Length].Equals(lower, StringComparison.OrdinalIgnoreCase);

    private static bool NextNonSeparatorIsDigit(ReadOnlySpan<char> t, int j)
    {
        while (j < t.Length && TextChars.IsSeparator(t[j]) && t[j] != '\n') j++;
        return j < t.Length && TextChars.IsAsciiDigit(t[j]);
    }

    private static int Repeat(ReadOnlySpan<char> t, int i, char c)
    {
        while (i < t.Length && t[i] == c) i++;
        return i;
    }

    private static bool Has(ReadOnlySpan<char> t, int i, char c) => i < t.Length && t[i] == c;

    private static bool Has(ReadOnlySpan<char> t, int i, Func<char, bool> test) => i < t.Length && test(t[i]);
}
