using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace EventExtractor.Text;

/// <summary>
/// An article: its original text (never changed), an optional publication date, and flat arrays of
/// tokens and sentences whose offsets index into that text. Later stages add mentions as spans over it.
/// </summary>
public sealed class Document
{
    private Document(string id, string text, DateOnly? publicationDate, Token[] tokens, Sentence[] sentences)
    {
        Id = id;
        Text = text;
        PublicationDate = publicationDate;
        Tokens = ImmutableCollectionsMarshal.AsImmutableArray(tokens);
        Sentences = ImmutableCollectionsMarshal.AsImmutableArray(sentences);
    }

    public string Id { get; }

    public string Text { get; }

    public DateOnly? PublicationDate { get; }

    public ImmutableArray<Token> Tokens { get; }

    public ImmutableArray<Sentence> Sentences { get; }

    /// <summary>Tokenizes and sentence-splits <paramref name="text"/> with the English news tokenizer.</summary>
    public static Document Create(string id, string text, DateOnly? publicationDate = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new TokenBuffer(Math.Max(16, text.Length / 5));
        Tokenizer.Tokenize(text, tokens);
        var tokenArray = tokens.ToArray();
        var sentences = SentenceSplitter.Split(text, tokenArray);
        return new Document(id, text, publicationDate, tokenArray, sentences);
    }

    private ImmutableArray<string> _lowerTokens;

    /// <summary>
    /// Every token's text lowercased (as <c>ToLowerInvariant</c> would), computed on first use and kept; equal words
    /// share one string. For the stages that compare words to lexicons, so no stage lowercases a token twice.
    /// </summary>
    public ImmutableArray<string> LowerTokens
    {
        get
        {
            var lower = _lowerTokens;
            if (lower.IsDefault)
            {
                // A race only computes the same array twice.
                var words = new string[Tokens.Length];
                for (int i = 0; i < words.Length; i++) words[i] = WordPool.Lower(TokenText(i));
                _lowerTokens = lower = ImmutableCollectionsMarshal.AsImmutableArray(words);
            }
            return lower;
        }
    }

    /// <summary>Token <paramref name="index"/> lowercased; see <see cref="LowerTokens"/>.</summary>
    public string LowerToken(int index) => LowerTokens[index];

    /// <summary>The characters of token <paramref name="index"/>.</summary>
    public ReadOnlySpan<char> TokenText(int index) => Tokens[index].In(Text);

    /// <summary>The characters of sentence <paramref name="index"/>, from its first token to its last.</summary>
    public string SentenceText(int index)
    {
        var s = Sentences[index];
        return Text.Substring(s.Start, s.Length);
    }

    /// <summary>The index of the sentence that holds character <paramref name="offset"/>, or the nearest one before it.</summary>
    public int SentenceAt(int offset)
    {
        int lo = 0, hi = Sentences.Length - 1, found = 0;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (Sentences[mid].Start <= offset) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return found;
    }

    /// <summary>The index of the first token that ends after <paramref name="offset"/> (binary search).</summary>
    public int TokenAt(int offset)
    {
        int lo = 0, hi = Tokens.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (Tokens[mid].End <= offset) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
