using Microsoft.ML.Data;

namespace EventExtractor.Classification;

/// <summary>
/// Builds one candidate's feature vector: the dense features first, then string features (n-grams of masked words)
/// hashed into a fixed space. Hashing in the library, not ML.NET's text featuriser, keeps the model a plain linear
/// one over a known vector, so training needs no dictionary pass and scoring is a few hundred multiply-adds.
/// Each namespace (a group of string features) is L2-normalised, as ML.NET's text featuriser does per column.
/// </summary>
public sealed class SparseVectorBuilder
{
    /// <summary>
    /// Bits of the hashed space: 2^16 slots. 2^18 gave the same cross-validated macro F1 (0.587 against 0.588) but its
    /// 5 MB of weights missed the cache on nearly every feature when scoring; 2^16 keeps them near 1.3 MB.
    /// </summary>
    public const int HashBits = 16;

    private const int HashMask = (1 << HashBits) - 1;

    private readonly int _denseLength;
    private readonly List<(int Index, float Value)> _entries = new(256);
    private readonly List<(int Start, int Count)> _namespaces = [];
    private readonly int[] _counts; // per hashed slot, how often the current namespace has it; zero between namespaces
    private int _namespaceStart;
    private uint[] _wordHashes = new uint[64];
    private uint _namespaceSeed;

    public SparseVectorBuilder(int denseLength)
    {
        _denseLength = denseLength;
        _counts = new int[1 << HashBits];
    }

    /// <summary>Length of every vector: the dense block plus the hashed space.</summary>
    public int Length => _denseLength + (1 << HashBits);

    /// <summary>The dense features (before any namespace: a namespace holds hashed features only).</summary>
    public void Dense(float[] values)
    {
        for (int i = 0; i < values.Length; i++) if (values[i] != 0) _entries.Add((i, values[i]));
    }

    /// <summary>Starts a namespace: the same n-gram in two namespaces ("captured" before or after the place) is two features.</summary>
    public void BeginNamespace(string name)
    {
        _namespaceStart = _entries.Count;
        _namespaceSeed = Hash(name);
    }

    /// <summary>Adds every n-gram of length 1..<paramref name="maxN"/> of <paramref name="words"/>[from..to).</summary>
    public void AddNgrams(IReadOnlyList<string> words, int from, int to, int maxN)
    {
        // Each word is hashed once, not once per n-gram that contains it.
        if (_wordHashes.Length < to - from) _wordHashes = new uint[Math.Max(to - from, 2 * _wordHashes.Length)];
        for (int i = from; i < to; i++) _wordHashes[i - from] = Hash(words[i]);
        for (int i = from; i < to; i++)
        {
            uint h = _namespaceSeed;
            for (int n = 0; n < maxN && i + n < to; n++)
            {
                h = Combine(h, _wordHashes[i + n - from]);
                AddHashed(Combine(h, (uint)n));
            }
        }
    }

    /// <summary>Adds one string feature of the current namespace, made of its parts (hashed in order, never concatenated).</summary>
    public void Add(params ReadOnlySpan<string> parts)
    {
        uint h = _namespaceSeed;
        foreach (var part in parts) h = Combine(h, Hash(part));
        AddHashed(h);
    }

    /// <summary>Adds the feature (<paramref name="head"/>, <paramref name="side"/>, <paramref name="words"/>[from..to)).</summary>
    public void AddPath(string head, string side, IReadOnlyList<string> words, int from, int to)
    {
        uint h = Combine(Combine(_namespaceSeed, Hash(head)), Hash(side));
        for (int i = from; i < to; i++) h = Combine(h, Hash(words[i]));
        AddHashed(h);
    }

    private void AddHashed(uint h) => _entries.Add(((int)(Finish(h) & HashMask) + _denseLength, 1f));

    /// <summary>
    /// Ends the namespace: repeated features are summed (counted: every value is 1), then the namespace is scaled to unit
    /// length. Its features stay in the order they first came; <see cref="Build"/> sorts the whole vector once.
    /// </summary>
    public void EndNamespace()
    {
        int count = _entries.Count - _namespaceStart;
        if (count == 0) return;
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_entries).Slice(_namespaceStart, count);
        int w = 0;
        for (int r = 0; r < span.Length; r++)
            if (_counts[span[r].Index - _denseLength]++ == 0) span[w++] = span[r];
        // The sum of squared counts is a sum of whole numbers, the same in any order.
        double sumSquares = 0;
        for (int i = 0; i < w; i++)
        {
            ref int n = ref _counts[span[i].Index - _denseLength];
            span[i].Value = n;
            n = 0;
            sumSquares += span[i].Value * span[i].Value;
        }
        float scale = (float)(1 / Math.Sqrt(sumSquares));
        for (int i = 0; i < w; i++) span[i].Value *= scale;
        _entries.RemoveRange(_namespaceStart + w, count - w);
        _namespaces.Add((_namespaceStart, w));
    }

    /// <summary>The finished vector (indexes ascending, collisions between namespaces summed); the builder is reset.</summary>
    public VBuffer<float> Build()
    {
        var entries = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_entries);
        if (!TrySortByIndex(entries, maxRepeats: 2))
        {
            // Three or more values at one index sum in sort order: sort exactly as the models were trained and tested,
            // a comparison sort over the namespaces each in index order.
            foreach (var (start, count) in _namespaces) entries.Slice(start, count).Sort(ByIndex);
            entries.Sort(ByIndex);
        }
        var vector = FromSorted(entries, Length);
        _entries.Clear();
        _namespaces.Clear();
        return vector;
    }

    private static readonly Comparison<(int Index, float Value)> ByIndex = static (a, b) => a.Index.CompareTo(b.Index);

    /// <summary>A sparse vector of <paramref name="length"/> from (index, value) entries in any order; repeated indexes are summed.</summary>
    public static VBuffer<float> ToVector(Span<(int Index, float Value)> entries, int length)
    {
        // Summing three or more values of one index in another order could change the last bit of the sum, so such
        // vectors keep the comparison sort the models were trained and tested with; two values sum the same either way.
        if (!TrySortByIndex(entries, maxRepeats: 2)) entries.Sort(ByIndex);
        return FromSorted(entries, length);
    }

    /// <summary>The vector of entries sorted by index; repeated indexes are summed in their order.</summary>
    private static VBuffer<float> FromSorted(ReadOnlySpan<(int Index, float Value)> entries, int length)
    {
        int unique = 0;
        for (int i = 0; i < entries.Length; i++) if (i == 0 || entries[i].Index != entries[i - 1].Index) unique++;
        var indexes = new int[unique];
        var values = new float[unique];
        int w = -1;
        for (int i = 0; i < entries.Length; i++)
        {
            if (i == 0 || entries[i].Index != entries[i - 1].Index) { w++; indexes[w] = entries[i].Index; }
            values[w] += entries[i].Value;
        }
        return new VBuffer<float>(length, unique, values, indexes);
    }

    [ThreadStatic] private static (int, float)[]? _sortA, _sortB;

    /// <summary>
    /// Sorts entries by index, repeated indexes in their original order, unless an index occurs more than
    /// <paramref name="maxRepeats"/> times (or one is negative): then the entries are left as they are and the result is
    /// false. A radix sort, a byte of the index a pass: the comparison sort with a delegate cost a tenth of extraction.
    /// </summary>
    private static bool TrySortByIndex(Span<(int Index, float Value)> entries, int maxRepeats)
    {
        if (entries.Length < 2) return true;
        if (_sortA is null || _sortA.Length < entries.Length)
        {
            _sortA = new (int, float)[Math.Max(entries.Length, 2 * (_sortA?.Length ?? 128))];
            _sortB = new (int, float)[_sortA.Length];
        }
        int max = 0;
        foreach (var e in entries)
        {
            if (e.Index < 0) return false;
            max = Math.Max(max, e.Index);
        }
        // Each pass is stable and goes from the lowest byte up, so the result is ordered by index, then by position.
        ReadOnlySpan<(int Index, float Value)> from = entries;
        Span<int> starts = stackalloc int[256];
        for (int shift = 0; shift == 0 || max >> shift > 0; shift += 8)
        {
            var to = (shift / 8 % 2 == 0 ? _sortA : _sortB!).AsSpan(0, entries.Length);
            starts.Clear();
            foreach (var e in from) starts[(e.Index >> shift) & 0xFF]++;
            for (int d = 0, sum = 0; d < 256; d++) (starts[d], sum) = (sum, sum + starts[d]);
            foreach (var e in from) to[starts[(e.Index >> shift) & 0xFF]++] = e;
            from = to;
        }
        for (int i = 1, run = 1; i < from.Length; i++)
        {
            run = from[i].Index == from[i - 1].Index ? run + 1 : 1;
            if (run > maxRepeats) return false;
        }
        from.CopyTo(entries);
        return true;
    }

    /// <summary>FNV-1a over the UTF-16 code units: stable across runs and platforms, unlike string.GetHashCode.</summary>
    public static uint Hash(string s)
    {
        uint h = 2166136261;
        foreach (char ch in s) h = (h ^ ch) * 16777619;
        return h;
    }

    private static uint Combine(uint seed, uint value) => seed ^ (value + 0x9e3779b9u + (seed << 6) + (seed >> 2));

    /// <summary>MurmurHash3's finaliser, so that the low bits used as the slot depend on every input bit.</summary>
    private static uint Finish(uint h)
    {
        h ^= h >> 16;
        h *= 0x85ebca6b;
        h ^= h >> 13;
        h *= 0xc2b2ae35;
        h ^= h >> 16;
        return h;
    }
}
