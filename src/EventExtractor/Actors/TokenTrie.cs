namespace EventExtractor.Actors;

/// <summary>
/// A trie over token keys (interned folded or exact token ids). Edges live in one flat dictionary keyed by
/// (node, key), so a lookup allocates nothing. Hyphen tokens are never stored: the matcher skips them in text.
/// </summary>
internal sealed class TokenTrie
{
    /// <summary>Set on keys of case-sensitive (acronym) tokens.</summary>
    public const int ExactBit = 1 << 30;

    private readonly Dictionary<long, int> _edges = [];
    private readonly List<int> _values = [-1];

    public int NodeCount => _values.Count;

    /// <summary>The keys on edges out of the root: the tokens a match can start with.</summary>
    public HashSet<int> RootKeys { get; } = [];

    /// <summary>Adds a key sequence; returns the value already stored there (a conflict), or -1.</summary>
    public int Add(ReadOnlySpan<int> keys, int value)
    {
        int node = 0;
        if (keys.Length > 0) RootKeys.Add(keys[0]);
        foreach (int key in keys)
        {
            long edge = Edge(node, key);
            if (!_edges.TryGetValue(edge, out int child))
            {
                child = _values.Count;
                _values.Add(-1);
                _edges.Add(edge, child);
            }
            node = child;
        }
        if (_values[node] >= 0) return _values[node];
        _values[node] = value;
        return -1;
    }

    /// <summary>
    /// The longest match that starts at token <paramref name="start"/>: sets <paramref name="end"/> (one past the last
    /// matched token) and returns the stored value, or returns -1.
    /// </summary>
    public int Longest(in TokenKeys keys, int start, out int end)
    {
        int bestEnd = -1, bestValue = -1;
        Walk(0, start, keys, ref bestEnd, ref bestValue);
        end = bestEnd;
        return bestValue;
    }

    private void Walk(int node, int j, in TokenKeys keys, ref int bestEnd, ref int bestValue)
    {
        if (node != 0)
            while (j < keys.Count && keys.Hyphen[j]) j++;
        if (j >= keys.Count) return;
        int f = keys.Folded[j];
        if (f >= 0 && _edges.TryGetValue(Edge(node, f), out int child)) Visit(child, j, keys, ref bestEnd, ref bestValue);
        int e = keys.Exact[j];
        if (e >= 0 && _edges.TryGetValue(Edge(node, e | ExactBit), out child)) Visit(child, j, keys, ref bestEnd, ref bestValue);
    }

    private void Visit(int child, int j, in TokenKeys keys, ref int bestEnd, ref int bestValue)
    {
        int v = _values[child];
        if (v >= 0 && j + 1 > bestEnd)
        {
            bestEnd = j + 1;
            bestValue = v;
        }
        Walk(child, j + 1, keys, ref bestEnd, ref bestValue);
    }

    private static long Edge(int node, int key) => ((long)node << 32) | (uint)key;
}

/// <summary>Per-token keys of one document: folded id, exact (acronym) id, and whether the token is a joining hyphen.</summary>
internal readonly ref struct TokenKeys(ReadOnlySpan<int> folded, ReadOnlySpan<int> exact, ReadOnlySpan<bool> hyphen)
{
    public readonly ReadOnlySpan<int> Folded = folded;
    public readonly ReadOnlySpan<int> Exact = exact;
    public readonly ReadOnlySpan<bool> Hyphen = hyphen;

    public int Count => Folded.Length;
}
