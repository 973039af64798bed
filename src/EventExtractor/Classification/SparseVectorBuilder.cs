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
    /// <summary>Bits of the hashed space: 2^18 slots, few collisions for a corpus vocabulary of tens of thousands of n-grams.</summary>
    public const int HashBits = 18;

    private const int HashMask = (1 << HashBits) - 1;

    private readonly int _denseLength;
    private readonly List<(int Index, float Value)> _entries = new(256);
    private int _namespaceStart;
    private uint _namespaceSeed;

    public SparseVectorBuilder(int denseLength) => _denseLength = denseLength;

    /// <summary>Length of every vector: the dense block plus the hashed space.</summary>
    public int Length => _denseLength + (1 << HashBits);

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
        for (int i = from; i < to; i++)
        {
            uint h = _namespaceSeed;
            for (int n = 0; n < maxN && i + n < to; n++)
            {
                h = Combine(h, Hash(words[i + n]));
                AddHashed(Combine(h, (uint)n));
            }
        }
    }

    /// <summary>Adds one string feature of the current namespace.</summary>
    public void Add(string feature) => AddHashed(Combine(_namespaceSeed, Hash(feature)));

    private void AddHashed(uint h) => _entries.Add(((int)(Finish(h) & HashMask) + _denseLength, 1f));

    /// <summary>Ends the namespace: repeated features are summed, then the namespace is scaled to unit length.</summary>
    public void EndNamespace()
    {
        int count = _entries.Count - _namespaceStart;
        if (count == 0) return;
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_entries).Slice(_namespaceStart, count);
        span.Sort(static (a, b) => a.Index.CompareTo(b.Index));
        int w = 0;
        for (int r = 0; r < span.Length; r++)
        {
            if (w > 0 && span[w - 1].Index == span[r].Index) span[w - 1].Value += span[r].Value;
            else span[w++] = span[r];
        }
        double sumSquares = 0;
        for (int i = 0; i < w; i++) sumSquares += span[i].Value * span[i].Value;
        float scale = (float)(1 / Math.Sqrt(sumSquares));
        for (int i = 0; i < w; i++) span[i].Value *= scale;
        _entries.RemoveRange(_namespaceStart + w, count - w);
    }

    /// <summary>The finished vector (indexes ascending, collisions between namespaces summed); the builder is reset.</summary>
    public VBuffer<float> Build()
    {
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_entries);
        span.Sort(static (a, b) => a.Index.CompareTo(b.Index));
        var indexes = new List<int>(span.Length);
        var values = new List<float>(span.Length);
        foreach (var (index, value) in span)
        {
            if (indexes.Count > 0 && indexes[^1] == index) values[^1] += value;
            else { indexes.Add(index); values.Add(value); }
        }
        _entries.Clear();
        return new VBuffer<float>(Length, indexes.Count, values.ToArray(), indexes.ToArray());
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
