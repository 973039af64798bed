using System.IO.Compression;
using Microsoft.ML;

namespace EventExtractor.Classification;

/// <summary>
/// What the classifier and the role model share in ML.NET: the label-to-key map that fixes their score order, and
/// model zips whose bytes depend only on the model.
/// </summary>
public static class ModelZip
{
    /// <summary>Maps the Label column to keys in the order of <paramref name="labels"/>, so score i is labels[i].</summary>
    public static IEstimator<ITransformer> MapLabels(MLContext ml, IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(ml);
        var keys = ml.Data.LoadFromEnumerable(labels.Select(l => new LabelRow { Label = l }));
        return ml.Transforms.Conversion.MapValueToKey("Label", "Label", keyData: keys);
    }

    private sealed class LabelRow
    {
        public string Label { get; set; } = "";
    }

    private static readonly DateTimeOffset FixedTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Saves <paramref name="model"/> (with the input <paramref name="schema"/>) as a zip whose entries are in ordinal
    /// name order, each with a fixed timestamp, so the same data and seed give the same file.
    /// </summary>
    public static void SaveDeterministic(ITransformer model, DataViewSchema schema, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(path);
        var ml = new MLContext(0);
        using var raw = new MemoryStream();
        ml.Model.Save(model, schema, raw);
        raw.Position = 0;
        var entries = new List<(string Name, byte[] Bytes)>();
        using (var zin = new ZipArchive(raw, ZipArchiveMode.Read))
        {
            foreach (var e in zin.Entries)
            {
                using var s = e.Open();
                using var ms = new MemoryStream();
                s.CopyTo(ms);
                entries.Add((e.FullName, ms.ToArray()));
            }
        }
        entries.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var outStream = new MemoryStream();
        using (var zout = new ZipArchive(outStream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                var entry = zout.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = FixedTime;
                using var s = entry.Open();
                s.Write(bytes);
            }
        }
        File.WriteAllBytes(path, outStream.ToArray());
    }
}
