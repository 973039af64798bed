namespace EventExtractor.Text;

/// <summary>
/// Splits a token stream into sentences. A sentence ends at final punctuation (with any closing quotes
/// and brackets after it) before a capital, digit or opening quote; after an abbreviation that may end a
/// sentence (U.S., Inc.) only before a word that typically starts one; and always at a paragraph break,
/// a Markdown heading or list item, or the end of a short line with no final punctuation (a headline).
/// </summary>
public static class SentenceSplitter
{
    /// <summary>Lines shorter than this that end without punctuation are taken as headlines, not wrapped text.</summary>
    private const int HeadlineMaxLength = 60;

    public static Sentence[] Split(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens)
    {
        var sentences = new List<Sentence>(Math.Max(1, tokens.Length / 20));
        int first = 0;
        int lineFirstToken = 0;
        for (int i = 0; i < tokens.Length - 1; i++)
        {
            var gap = text[tokens[i].End..tokens[i + 1].Start];
            bool newLine = gap.Contains('\n') || gap.Contains('\r');
            if (IsBoundary(text, tokens, i, gap, newLine, lineFirstToken))
            {
                sentences.Add(Make(tokens, first, i + 1));
                first = i + 1;
            }
            if (newLine) lineFirstToken = i + 1;
        }
        if (tokens.Length > 0) sentences.Add(Make(tokens, first, tokens.Length));
        return sentences.ToArray();
    }

    private static Sentence Make(ReadOnlySpan<Token> tokens, int first, int endToken) =>
        new(tokens[first].Start, tokens[endToken - 1].End, first, endToken - first);

    private static bool IsBoundary(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int i, ReadOnlySpan<char> gap, bool newLine, int lineFirstToken)
    {
        var current = tokens[i].In(text);
        var next = tokens[i + 1].In(text);

        if (newLine)
        {
            if (IsParagraphBreak(gap)) return true;
            if (IsMarkdownLine(text, tokens, lineFirstToken)) return true; // a heading, image or table row ends at its line
            if (IsLineMarker(next) || IsNumberedItem(text, tokens, i + 1)) return true;
            if (!EndsClause(current) && StartsSentence(next) && LineLength(text, tokens, lineFirstToken, i) < HeadlineMaxLength) return true;
        }
        if (gap.IsEmpty) return false; // "3.5", "U.S.-led", a period hugging a closing quote

        if (IsFinalPunctuation(text, tokens, i))
            return StartsSentence(next);

        // An abbreviation keeps its period; it ends a sentence only before a typical sentence opener.
        if (current.Length > 1 && current[^1] == '.' && tokens[i].Kind == TokenKind.Word && !Abbreviations.IsNeverFinal(current))
            return Abbreviations.IsSentenceStarter(next);

        return false;
    }

    /// <summary>Final punctuation, or a closing quote/bracket that directly follows final punctuation.</summary>
    private static bool IsFinalPunctuation(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int i)
    {
        for (int k = i; k >= 0; k--)
        {
            var tok = tokens[k].In(text);
            if (tokens[k].Kind != TokenKind.Punctuation) return false;
            if (TextChars.IsTerminal(tok[0])) return true;
            if (tok.Length != 1 || !TextChars.IsCloser(tok[0])) return false;
            if (k == 0 || tokens[k - 1].End != tokens[k].Start) return false; // a closer must hug what it closes
        }
        return false;
    }

    private static bool StartsSentence(ReadOnlySpan<char> next)
    {
        char c = next[0];
        if (char.IsUpper(c) || TextChars.IsAsciiDigit(c) || TextChars.IsOpener(c)) return true;
        if (char.IsLetter(c)) return !char.IsLower(c); // scripts without case (Arabic) start sentences too
        return c is '#' or '@' or '*' or '-' or '\u2022' || char.IsSurrogate(c) || c is >= '\u2600' and <= '\u27BF';
    }

    private static bool EndsClause(ReadOnlySpan<char> token) =>
        token.Length > 0 && token[^1] is ',' or ';' or ':' or '-' or '\u2013' or '\u2014' or '(' or '/' or '&';

    private static bool IsParagraphBreak(ReadOnlySpan<char> gap)
    {
        int newlines = 0;
        for (int k = 0; k < gap.Length; k++)
        {
            if (gap[k] == '\n') newlines++;
            else if (gap[k] == '\r' && (k + 1 >= gap.Length || gap[k + 1] != '\n')) newlines++; // old Mac line ends
        }
        return newlines >= 2;
    }

    /// <summary>Markdown headings, bullets and quotes open a new line-level unit.</summary>
    private static bool IsLineMarker(ReadOnlySpan<char> token) => token is "#" or "*" or "-" or "\u2022" or ">" or "|";

    /// <summary>A Markdown heading (<c>## Offensive</c>), image (<c>![caption](url)</c>), table row or quote line.</summary>
    private static bool IsMarkdownLine(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int first)
    {
        var token = tokens[first].In(text);
        if (token is "#" or "|" or ">") return true;
        return token is "!" && first + 1 < tokens.Length && tokens[first + 1].Start == tokens[first].End && tokens[first + 1].In(text) is "[";
    }

    private static bool IsNumberedItem(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int k) =>
        tokens[k].Kind == TokenKind.Number && k + 1 < tokens.Length && tokens[k + 1].In(text) is "." or ")"
        && tokens[k + 1].Start == tokens[k].End && tokens[k].Length <= 3;

    private static int LineLength(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int lineFirstToken, int lastToken) =>
        tokens[lastToken].End - tokens[lineFirstToken].Start;
}
