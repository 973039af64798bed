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
        _docs = [.. BenchmarkText.Articles.Select((t, i) => Document.Create(i.ToString(System.Globalization.CultureInfo.InvariantCulture), t))];
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
