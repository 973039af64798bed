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
    private static Dictionary<string, string>? ThreadWords;

    /// <summary>The same string as <c>word.ToString().ToLowerInvariant()</c>, shared with earlier calls on this thread.</summary>
    public static string Lower(ReadOnlySpan<char> word)
    {
        if (word.Length > MaxPooledLength) return word.ToString().ToLowerInvariant();
        Span<char> buffer = stackalloc char[MaxPooledLength];
        var lower = buffer[..word.ToLowerInvariant(buffer)];
        var words = ThreadWords ??= new Dictionary<string, string>(StringComparer.Ordinal);
        var lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(lower, out var known)) return known;
        if (words.Count >= MaxWords) words.Clear();
        var s = lower.ToString();
        words.Add(s, s);
        return s;
    }
}
