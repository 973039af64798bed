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

    private static readonly SparseVectorBuilder SlotBuilder = new(0);

    /// <summary>The slot of a one-word feature in namespace <paramref name="ns"/>.</summary>
    private static int Slot(string ns, string word)
    {
        var b = SlotBuilder;
        b.BeginNamespace(ns);
        b.Add(word);
        b.EndNamespace();
        return b.Build().GetIndices()[0];
    }

    /// <summary>A word whose feature in <paramref name="ns"/> falls on <paramref name="slot"/> (about 65,536 tries).</summary>
    private static string WordOn(string ns, int slot)
    {
        for (int i = 0; ; i++)
            if (Slot(ns, "w" + i) == slot) return "w" + i;
    }

    [Fact]
    public void Three_namespaces_on_one_slot_sum_as_the_comparison_sort_orders_them()
    {
        // Values of one slot from three or more namespaces are summed in the order the comparison sort leaves them (the
        // order the models were trained with), and a float sum depends on its order: build such a vector both ways.
        int slot = Slot("a", "x");
        string[][] words = [["x", "p", "q"], [WordOn("b", slot), "r", "s", "t", "u"], [WordOn("c", slot), "v"], [WordOn("d", slot)]];
        string[] names = ["a", "b", "c", "d"];
        var b = new SparseVectorBuilder(0);
        var expected = new List<(int Index, float Value)>();
        for (int n = 0; n < names.Length; n++)
        {
            b.BeginNamespace(names[n]);
            foreach (var w in words[n]) b.Add(w);
            b.EndNamespace();
            // The reference: each namespace sorted by index with unit length, then one comparison sort of the whole.
            var ns = words[n].Select(w => Slot(names[n], w)).Order().ToList();
            expected.AddRange(ns.Select(i => (i, (float)(1 / Math.Sqrt(ns.Count)))));
        }
        expected.Sort((x, y) => x.Index.CompareTo(y.Index));
        float sum = 0;
        foreach (var e in expected) if (e.Index == slot) sum += e.Value;

        var v = b.Build();
        int at = v.GetIndices().ToArray().ToList().IndexOf(slot);
        Assert.Equal(BitConverter.SingleToInt32Bits(sum), BitConverter.SingleToInt32Bits(v.GetValues()[at]));
        Assert.Equal(expected.Select(e => e.Index).Distinct(), v.GetIndices().ToArray());
    }

    [Fact]
    public void Hashes_are_fixed_across_runs()
    {
        // FNV-1a 32-bit of "a" and "" (published test vectors): the model file depends on these staying put.
        Assert.Equal(0xe40c292cu, SparseVectorBuilder.Hash("a"));
        Assert.Equal(2166136261u, SparseVectorBuilder.Hash(""));
    }
}
