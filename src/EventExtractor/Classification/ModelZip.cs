using System.IO.Compression;
using Microsoft.ML;

namespace EventExtractor.Classification;

/// <summary>Writes ML.NET model zips whose bytes depend only on the model, for the classifier and the role model alike.</summary>
public static class ModelZip
{
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
