using EventExtractor.Text;

namespace EventExtractor.Actors;

/// <summary>
/// The per-token key the actor matcher compares: lower case, diacritics removed, apostrophes (straight, curly,
/// ayn/hamza marks) dropped, so "Da’esh" = "Daesh" and "Asa'ib" = "Asaib". Shared by dictionary and text.
/// </summary>
internal static class TokenFold
{
    public const int MaxLength = 64;

    // Folded form of U+0080..U+024F and U+1E00..U+1EFF; '\0' drops the character.
    private static readonly char[] Latin = BuildTable(0x80, 0x250);
    private static readonly char[] LatinExtra = BuildTable(0x1E00, 0x1F00);

    /// <summary>Writes the folded token into <paramref name="destination"/>; returns its length, or -1 when too long or empty.</summary>
    public static int Fold(ReadOnlySpan<char> token, Span<char> destination)
    {
        if (token.Length > destination.Length) return -1;
        int k = 0;
        foreach (char c in token)
        {
            if (c < 0x80)
            {
                if (c == '\'' || c == '`') continue;
                destination[k++] = (uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c;
                continue;
            }
            if (IsApostropheLike(c)) continue;
            char f = c < 0x250 ? Latin[c - 0x80]
                : c is >= '\u1E00' and < '\u1F00' ? LatinExtra[c - 0x1E00]
                : c is >= '\u0300' and < '\u0370' ? '\0'
                : char.ToLowerInvariant(c);
            if (f != '\0') destination[k++] = f;
        }
        return k == 0 ? -1 : k;
    }

    /// <summary>Folds a whole string (dictionary side).</summary>
    public static string? Fold(ReadOnlySpan<char> token)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        int n = Fold(token, buffer);
        return n < 0 ? null : new string(buffer[..n]);
    }

    /// <summary>
    /// Short all-capital tokens (IS, SDF, U.S., ISIL) are compared case-sensitively, so that the English
    /// words "is" and "us" never match them.
    /// </summary>
    public static bool IsAcronym(ReadOnlySpan<char> token)
    {
        if (token.Length < 2 || token.Length > 5) return false;
        int letters = 0;
        foreach (char c in token)
        {
            if (char.IsLetter(c))
            {
                if (!char.IsUpper(c)) return false;
                letters++;
            }
            else if (c != '.' && c != '&') return false;
        }
        return letters >= 2;
    }

    private static bool IsApostropheLike(char c) =>
        TextChars.IsApostrophe(c) || c is '\u02BE' or '\u02BF' or '\u00B4' or '\u2032';

    // Accented lower-case letters by base letter (Latin-1, Latin Extended-A/B, Latin Extended Additional):
    // the transliterations of Arabic, Kurdish, Turkish and Ukrainian names in the news. Invariant globalization
    // has no normalization data, so the table is written out.
    private const string Accented =
        "aàáâãäåāăąǎạảấầẩẫậắằẳẵặ|cçćĉċč|dďđḍḏ|eèéêëēĕėęěẹẻẽếềểễệ|gĝğġģǧ|hĥħḥḫẖḩ|iìíîïĩīĭįıǐỉị|jĵ|kķḳ|lĺļľŀłḷ|nñńņňṇ|"
        + "oòóôõöøōŏőǒọỏốồổỗộớờởỡợơ|rŕŗřṛ|sśŝşšșṣß|tţťŧțṭṯ|uùúûüũūŭůűųǔưụủứừửữự|wŵ|yýÿŷỳỵỷỹ|zźżžẓ";

    private static char[] BuildTable(int from, int to)
    {
        var table = new char[to - from];
        for (int i = from; i < to; i++) table[i - from] = char.ToLowerInvariant((char)i);
        foreach (var group in Accented.Split('|'))
            foreach (char c in group.AsSpan(1))
                for (int i = 0; i < table.Length; i++)
                    if (table[i] == c) table[i] = group[0];
        for (int i = from; i < to; i++)
            if (char.GetUnicodeCategory((char)i) == System.Globalization.UnicodeCategory.NonSpacingMark) table[i - from] = '\0';
        return table;
    }
}
