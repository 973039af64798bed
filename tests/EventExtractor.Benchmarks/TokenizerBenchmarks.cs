using BenchmarkDotNet.Attributes;
using EventExtractor.Text;

namespace EventExtractor.Benchmarks;

/// <summary>
/// Tokenizing plus sentence splitting over at least 5 MB of real article text, on one thread.
/// Tokens per second = TokenCount / mean time; the reused buffer keeps allocations independent of text size.
/// </summary>
[MemoryDiagnoser]
public class TokenizerBenchmarks
{
    private string _text = "";
    private TokenBuffer _buffer = new();

    /// <summary>How many tokens one run produces (printed once in setup, for tokens/s).</summary>
    public int TokenCount { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _text = BenchmarkText.Load(5_500_000);
        _buffer = new TokenBuffer(2_000_000);
        Tokenizer.Tokenize(_text, _buffer);
        TokenCount = _buffer.Count;
        Console.WriteLine($"// text: {_text.Length:N0} chars ({System.Text.Encoding.UTF8.GetByteCount(_text):N0} UTF-8 bytes), {TokenCount:N0} tokens");
    }

    [Benchmark(Description = "tokenize only (reused buffer)")]
    public int Tokenize()
    {
        _buffer.Clear();
        Tokenizer.Tokenize(_text, _buffer);
        return _buffer.Count;
    }

    [Benchmark(Description = "tokenize + split sentences (reused buffer)")]
    public int TokenizeAndSplit()
    {
        _buffer.Clear();
        Tokenizer.Tokenize(_text, _buffer);
        return SentenceSplitter.Split(_text, _buffer.AsSpan()).Length;
    }

    [Benchmark(Description = "Document.Create (new arrays)")]
    public int DocumentCreate() => Document.Create("bench", _text).Sentences.Length;
}
