using System.Text;
using EventExtractor.Text;

namespace EventExtractor.Places;

/// <summary>
/// Turns a place name, cut into tokens by <see cref="Tokenizer"/>, into a lookup key that ignores spelling variation:
/// case, diacritics, apostrophes (ʿ ʾ ‘ ’), the Arabic article (al-, el-, ad-, ar-, as-, az- and fused sun-letter forms
/// such as Ezzor), doubled letters and common transliteration pairs (ou/o/u, ee/e/i, Deir/Dayr/Dair, aw/o, q/k, final h).
/// The gazetteer build and the geoparser both call it, token by token, so both sides agree.
/// </summary>
public static class PlaceNormalizer
{
    /// <summary>Bumped whenever keys change; a gazetteer built with another version must be rebuilt.</summary>
    public const int Version = 4;

    /// <summary>The longest token key kept; longer tokens are truncated (they are not names).</summary>
    public const int MaxTokenLength = 64;

    private static readonly HashSet<string> Articles = new(StringComparer.Ordinal)
    {
        "al", "el", "il", "ul", "ad", "ar", "as", "az", "at", "an", "ash", "ath", "adh", "ed", "er", "es", "ez", "et", "en", "esh",
        "ud", "ur", "us", "uz", "ut", "un", "ush", "ag", "ال",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ArticleLookup = Articles.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether the folded token is an Arabic article that a name may carry or drop (al, el, ad, ar, as, az...).</summary>
    public static bool IsArticle(ReadOnlySpan<char> token)
    {
        if (token.Length is < 2 or > 4) return false;
        Span<char> buffer = stackalloc char[MaxTokenLength];
        int n = Fold(token, buffer);
        return n is >= 2 and <= 3 && ArticleLookup.Contains(buffer[..n]);
    }

    /// <summary>
    /// Writes the normalised key of one word token into <paramref name="destination"/> (at least <see cref="MaxTokenLength"/> long)
    /// and returns its length; 0 for a token that carries no letters or digits.
    /// </summary>
    public static int NormalizeToken(ReadOnlySpan<char> token, Span<char> destination)
    {
        Span<char> folded = stackalloc char[MaxTokenLength];
        int n = Fold(token, folded);
        if (n == 0) return 0;
        var s = folded[..n];

        // Fused sun-letter article: Ezzor, Arraqqa, Ashshaddadi -> zor, raqqa, shaddadi.
        if (n >= 5 && s[0] is 'a' or 'e' && s[1] == s[2] && s[1] is 't' or 'd' or 'r' or 'z' or 's' or 'n' or 'l')
            s = s[2..];
        else if (s.Length >= 4 && s[0] == '\u0627' && s[1] == '\u0644')
            s = s[2..]; // Arabic article fused: القائم -> قائم

        int o = 0;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            char next = i + 1 < s.Length ? s[i + 1] : '\0';
            switch (c)
            {
                case 'o' when next is 'u' or 'o':
                    c = 'u'; i++;
                    break;
                case 'e' when next == 'e':
                    c = 'i'; i++;
                    break;
                case 'e' or 'a' when next is 'i' or 'y':
                    Put(destination, ref o, 'a'); c = 'y'; i++;
                    break;
                case 'a' or 'o' when next == 'w' && (i + 2 >= s.Length || !IsVowel(s[i + 2])):
                    c = 'u'; i++; // Zawr = Zor = Zur
                    break;
                case 'q':
                    c = 'k';
                    break;
                case 'o':
                    c = 'u'; // Zor = Zour = Zur, Homs = Hums
                    break;
                case 'e':
                    c = 'i'; // Idleb = Idlib, Mayadeen = Mayadin
                    break;
            }
            if (o > 0 && destination[o - 1] == c) continue; // doubled letters: Raqqa = Raqa
            Put(destination, ref o, c);
        }

        // Final h after a vowel (Rawah = Rawa, Hamah = Hama); final y after a consonant (Qamishly = Qamishli).
        if (o >= 3 && destination[o - 1] == 'h' && IsVowel(destination[o - 2])) o--;
        if (o >= 3 && destination[o - 1] == 'y' && !IsVowel(destination[o - 2])) destination[o - 1] = 'i';
        return o;
    }

    /// <summary>
    /// The key of a whole name: tokenized with <see cref="Tokenizer"/>, articles and hyphens dropped, token keys joined by one space
    /// (a space, so that "Hawl and" never reads as "Holland").
    /// Returns null for a name with no usable tokens or with punctuation other than hyphens and apostrophes.
    /// </summary>
    public static string? NameKey(string name)
    {
        var tokens = Tokenizer.Tokenize(name);
        var sb = new StringBuilder(name.Length);
        Span<char> buffer = stackalloc char[MaxTokenLength];
        int words = 0;
        for (int i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            var text = t.In(name);
            // Hyphens, periods, and apostrophes that the tokenizer reads as quotes: GeoNames writes the ayn of ‘Anah and ‘Afrīn
            // with U+2018 at the start of a word, which the tokenizer cuts off as an opening quote.
            if (text.Length == 1 && (TextChars.IsHyphen(text[0]) || text[0] is '.' or '`' || TextChars.IsApostrophe(text[0]))) continue;
            if (t.Kind is not (TokenKind.Word or TokenKind.Number)) return null;
            if (i < tokens.Length - 1 && IsArticle(text)) continue;
            int n = NormalizeToken(text, buffer);
            if (n == 0) continue;
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(buffer[..n]);
            words++;
        }
        return words == 0 || sb.Length < 2 ? null : sb.ToString();
    }

    /// <summary>
    /// The consonant skeleton of a name key (from <see cref="NameKey"/>): each word's first letter and its consonants, with
    /// th/dh, sh, kh and gh as one letter and doubled letters once, so transliterations that differ only in vowels meet:
    /// Sraqeb and Saraqib, Menbij and Manbij, Dhiban and Thiban. Far coarser than the key: a last resort.
    /// </summary>
    public static string Skeleton(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var buffer = key.Length <= 256 ? stackalloc char[key.Length] : new char[key.Length];
        return new string(buffer[..Skeleton(key, buffer)]);
    }

    /// <summary>Writes the skeleton of <paramref name="key"/> into <paramref name="destination"/> (at least as long as the key) and returns its length.</summary>
    public static int Skeleton(ReadOnlySpan<char> key, Span<char> destination)
    {
        int o = 0;
        int wordStart = 0;
        for (int i = 0; i < key.Length; i++)
        {
            char c = key[i];
            if (c == ' ') { destination[o++] = ' '; wordStart = i + 1; continue; }
            char next = i + 1 < key.Length ? key[i + 1] : '\0';
            if (next == 'h' && c is 't' or 'd' or 's' or 'k' or 'g') { c = c == 'd' ? 't' : c; i++; }
            else if (c == 'h' && (next is ' ' or '\0') && i > wordStart) continue; // final h: Rasmah = Rasma
            else if (i > wordStart && (IsVowel(c) || c == 'y')) continue;
            if (o > 0 && destination[o - 1] == c) continue;
            destination[o++] = c;
        }
        return o;
    }

    private static void Put(Span<char> destination, ref int o, char c)
    {
        if (o < destination.Length) destination[o++] = c;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    /// <summary>Lower case, diacritics and apostrophes removed, Arabic vowel marks and letter variants unified.</summary>
    public static int Fold(ReadOnlySpan<char> token, Span<char> destination)
    {
        int o = 0;
        foreach (char c in token)
        {
            char f = FoldChar(c);
            if (f == '\0') continue;
            if (o == destination.Length) break;
            destination[o++] = f;
        }
        return o;
    }

    private static char FoldChar(char c)
    {
        if (c < 0x80)
        {
            if ((uint)(c - 'A') <= 'Z' - 'A') return (char)(c | 0x20);
            if ((uint)(c - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9) return c;
            return '\0'; // apostrophes, backticks, periods, hyphens
        }
        if (c is >= '\u00C0' and < '\u0250') return Latin[c - 0xC0];
        if (c is >= '\u1E00' and < '\u1F00') return LatinAdditional[c - 0x1E00];
        if (c is '\u02BB' or '\u02BC' or '\u02BE' or '\u02BF' or '\u2018' or '\u2019' or '\u00B4' or '\u02B9' or '\u02C8') return '\0';
        if (c is >= '\u0300' and <= '\u036F') return '\0'; // combining diacritics
        if (c is >= '\u064B' and <= '\u065F' or '\u0670' or '\u0640') return '\0'; // Arabic vowel marks, tatweel
        switch (c)
        {
            case '\u0623' or '\u0625' or '\u0622' or '\u0671': return '\u0627'; // alef forms
            case '\u0629': return '\u0647'; // ta marbuta
            case '\u0649': return '\u064A'; // alef maqsura
            case '\u06CC': return '\u064A'; // Farsi yeh
            case '\u06A9': return '\u0643'; // keheh
        }
        if (char.IsLetterOrDigit(c)) return char.ToLowerInvariant(c);
        return '\0';
    }

    private const string Latin = "aaaaaaaceeeeiiiidnooooo\0ouuuuytsaaaaaaaceeeeiiiidnooooo\0ouuuuytyaaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii\0\0jjkk\0llllllllllnnnnnn\0\0\0oooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzz\0b\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0l\0\0\0\0\0oo\0\0\0\0\0\0\0\0\0\0\0\0\0uu\0\0\0\0zz\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0aaiioouuuuuuuuuu\0aaaa\0\0\0\0ggkkoooo\0\0j\0\0\0gg\0\0nnaa\0\0\0\0aaaaeeeeiiiioooorrrruuuusstt\0\0hh\0\0\0\0\0zaaeeooooooooyy\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0ee\0\0\0\0\0\0\0\0";
    private const string LatinAdditional = "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmmmmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvvwwwwwwwwwwxxxxyyzzzzzzhtwy\0\0\0\0\0\0aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy\0\0\0\0\0\0";
}
