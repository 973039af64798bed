namespace EventExtractor.Text;

/// <summary>
/// Lowercased words without a new string per token: each thread keeps the words it has seen, looked up by span, so
/// "the" is one string however often it occurs. The pool is bounded (cleared when full) so memory stays flat on
/// any input.
/// </summary>
public static class WordPool
{
    private const int MaxWords = 65_536;
    private const int MaxPooledLength = 64;

    [ThreadStatic]
    private static Pool? ThreadWords;

    /// <summary>A thread's words and its span lookup over them (taken once: taking it checks the comparer each time).</summary>
    private sealed class Pool
    {
        public readonly Dictionary<string, string> Words = new(StringComparer.Ordinal);
        public readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup;

        public Pool() => Lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The same string as <c>word.ToString().ToLowerInvariant()</c>, shared with earlier calls on this thread.</summary>
    public static string Lower(ReadOnlySpan<char> word)
    {
        if (word.Length > MaxPooledLength) return word.ToString().ToLowerInvariant();
        Span<char> buffer = stackalloc char[MaxPooledLength];
        var lower = buffer[..word.ToLowerInvariant(buffer)];
        var pool = ThreadWords ??= new Pool();
        if (pool.Lookup.TryGetValue(lower, out var known)) return known;
        if (pool.Words.Count >= MaxWords) pool.Words.Clear();
        var s = lower.ToString();
        pool.Words.Add(s, s);
        return s;
    }
}
