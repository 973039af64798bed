using BenchmarkDotNet.Attributes;
using EventExtractor.Places;
using EventExtractor.Text;

namespace EventExtractor.Benchmarks;

/// <summary>
/// Gazetteer load time and place matching throughput over tokenized text (the Wikipedia articles in ../shared when present):
/// <c>dotnet run -c Release --project tests/EventExtractor.Benchmarks -- --filter '*Gazetteer*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class GazetteerBenchmarks
{
    private Gazetteer _gazetteer = null!;
    private Geoparser _parser = null!;
    private List<Document> _docs = [];
    private string _path = "";

    [GlobalSetup]
    public void Setup()
    {
        _path = Gazetteer.FindDefaultPath() ?? throw new InvalidOperationException("models/gazetteer.bin.gz not found");
        _gazetteer = Gazetteer.Load(_path);
        _parser = new Geoparser(_gazetteer);
        string? shared = null;
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null && shared is null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "wikipedia", "syria-iraq");
            if (Directory.Exists(candidate)) shared = candidate;
        }
        var files = shared is null ? [] : Directory.GetFiles(shared, "*.md").Order(StringComparer.Ordinal).ToArray();
        _docs = files.Select(f => Document.Create(f, File.ReadAllText(f))).ToList();
        if (_docs.Count == 0) _docs.Add(Document.Create("seed", "Syria's army took Albu Kamal, Deir ez-Zor province, from ISIS near Al-Qaim and Rawa in Iraq."));
    }

    [Benchmark]
    public int Load() => Gazetteer.Load(_path).KeyCount;

    [Benchmark]
    public int MatchNames()
    {
        int n = 0;
        foreach (var d in _docs) n += _parser.CountNameMatches(d);
        return n;
    }

    [Benchmark]
    public int Geoparse()
    {
        int n = 0;
        foreach (var d in _docs) n += _parser.Parse(d).Count;
        return n;
    }
}
