using EventExtractor.Classification;

namespace EventExtractor.Tests.Classification;

public class SparseVectorBuilderTests
{
    private static float[] Dense(Microsoft.ML.Data.VBuffer<float> v)
    {
        var result = new float[v.Length];
        var values = v.GetValues();
        var indexes = v.GetIndices();
        for (int i = 0; i < values.Length; i++) result[indexes[i]] += values[i];
        return result;
    }

    private static Microsoft.ML.Data.VBuffer<float> Build(string ns, params string[] words)
    {
        var b = new SparseVectorBuilder(3);
        b.Dense([0f, 2f, 0f]);
        b.BeginNamespace(ns);
        b.AddNgrams(words, 0, words.Length, 2);
        b.EndNamespace();
        return b.Build();
    }

    [Fact]
    public void Dense_values_come_first_and_zeros_are_left_out()
    {
        var v = Build("masked", "army", "captured");
        Assert.Equal(3 + (1 << SparseVectorBuilder.HashBits), v.Length);
        Assert.Equal(1, v.GetIndices()[0]);
        Assert.Equal(2f, v.GetValues()[0]);
        Assert.All(v.GetIndices().ToArray().Skip(1), i => Assert.True(i >= 3));
    }

    [Fact]
    public void Indexes_ascend_and_each_namespace_has_unit_length()
    {
        var v = Build("masked", "the", "army", "captured", "the", "town");
        var indexes = v.GetIndices().ToArray();
        Assert.Equal(indexes.OrderBy(i => i).Distinct(), indexes);
        // 5 unigrams ("the" twice) and 4 bigrams: the hashed part has length 1 whatever the repeats.
        double norm = Math.Sqrt(v.GetValues().ToArray().Skip(1).Sum(x => (double)x * x));
        Assert.Equal(1.0, norm, 5);
        var hashed = v.GetValues().ToArray().Skip(1).ToArray();
        Assert.Equal(2 * hashed.Min(), hashed.Max(), 5); // "the" counts double before scaling
    }

    [Fact]
    public void The_same_words_hash_alike_and_other_namespaces_or_words_differently()
    {
        var a = Dense(Build("before", "captured"));
        Assert.Equal(a, Dense(Build("before", "captured")));
        Assert.NotEqual(a, Dense(Build("after", "captured")));
        Assert.NotEqual(a, Dense(Build("before", "shelled")));
    }

    [Fact]
    public void Hashes_are_fixed_across_runs()
    {
        // FNV-1a 32-bit of "a" and "" (published test vectors): the model file depends on these staying put.
        Assert.Equal(0xe40c292cu, SparseVectorBuilder.Hash("a"));
        Assert.Equal(2166136261u, SparseVectorBuilder.Hash(""));
    }
}
