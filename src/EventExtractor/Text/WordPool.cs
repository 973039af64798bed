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

        /// <summary>
        /// The last word seen in each of a few thousand slots (by a hash of its characters): the frequent words ("the", "of",
        /// "forces") are found here, in cache, without probing the large dictionary.
        /// </summary>
        public readonly string?[] Recent = new string?[RecentSlots];

        public Pool() => Lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private const int RecentSlots = 4096;

    /// <summary>The same string as <c>word.ToString().ToLowerInvariant()</c>, shared with earlier calls on this thread.</summary>
    public static string Lower(ReadOnlySpan<char> word)
    {
        if (word.Length > MaxPooledLength) return word.ToString().ToLowerInvariant();
        Span<char> buffer = stackalloc char[MaxPooledLength];
        var lower = buffer[..word.ToLowerInvariant(buffer)];
        var pool = ThreadWords ??= new Pool();
        uint h = (uint)lower.Length;
        foreach (char c in lower) h = (h ^ c) * 16777619;
        ref string? recent = ref pool.Recent[(h ^ h >> 15) & (RecentSlots - 1)];
        if (recent is not null && lower.SequenceEqual(recent)) return recent;
        if (!pool.Lookup.TryGetValue(lower, out var known))
        {
            if (pool.Words.Count >= MaxWords) pool.Words.Clear();
            known = lower.ToString();
            pool.Words.Add(known, known);
        }
        recent = known;
        return known;
    }
}
