using BenchmarkDotNet.Attributes;
using EventExtractor.Extraction;
using EventExtractor.Input;

namespace EventExtractor.Benchmarks;

/// <summary>
/// The whole pipeline (tokens, places, actors, dates, classifier, assembly) over real article text: the Wikipedia
/// articles in ../shared/data/wikipedia/syria-iraq, or the seed repeated. <c>Load</c> is model + gazetteer loading.
/// Needs models/control-classifier.zip. <c>Extract</c> is the whole of <see cref="ControlEventExtractor.Extract"/> on every
/// article once, one thread; <c>ExtractTwoThreads</c> the same through the batch runner on two threads. MB/s and
/// sentences/s are of those (see <see cref="ThroughputConfig"/>).
/// <c>dotnet run -c Release --project tests/EventExtractor.Benchmarks -- --filter '*Extraction*' --job short</c>
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
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

    /// <summary>The same articles through <see cref="BatchRunner"/> on two threads, as <c>eventx extract --threads 2</c> runs them.</summary>
    [Benchmark]
    public int ExtractTwoThreads() => BatchRunner.Run(
        _articles.Select(a => new InputItem(a, null)), _extractor.Extract, _ => { }, _ => { }, new BatchOptions { Threads = 2 }).Events;

    [Benchmark]
    public string Load() => ControlEventExtractor.Load().ModelName;
}
