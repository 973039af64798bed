using BenchmarkDotNet.Attributes;
using EventExtractor.Extraction;
using EventExtractor.Input;

namespace EventExtractor.Benchmarks;

/// <summary>
/// The whole pipeline (tokens, places, actors, dates, classifier, assembly) over real article text: the Wikipedia
/// articles in ../shared/data/wikipedia/syria-iraq, or the seed repeated. <c>Load</c> is model + gazetteer loading.
/// Needs models/control-classifier.zip. MB/s = total UTF-8 bytes of the corpus divided by the mean time of <c>Extract</c>.
/// <c>dotnet run -c Release --project tests/EventExtractor.Benchmarks -- --filter '*Extraction*' --job short</c>
/// </summary>
[MemoryDiagnoser]
public class ExtractionBenchmarks
{
    private Article[] _articles = [];
    private ControlEventExtractor _extractor = null!;

    [GlobalSetup]
    public void Setup()
    {
        _articles = [.. BenchmarkText.Articles.Select((t, i) => new Article(i.ToString(System.Globalization.CultureInfo.InvariantCulture), t, new DateOnly(2017, 11, 10), null, "bench"))];
        _extractor = ControlEventExtractor.Load();
    }

    [Benchmark]
    public int Extract()
    {
        int n = 0;
        foreach (var a in _articles) n += _extractor.Extract(a).Count;
        return n;
    }

    [Benchmark]
    public string Load() => ControlEventExtractor.Load().ModelName;
}
