using BenchmarkDotNet.Attributes;
using EventExtractor.Actors;
using EventExtractor.Text;

namespace EventExtractor.Benchmarks;

/// <summary>
/// Actor recognition over real text: the Wikipedia articles in ../shared/data/wikipedia/syria-iraq (or the seed
/// article repeated when they are absent). <c>Find</c> and <c>Count</c> run over documents tokenized beforehand, as the
/// pipeline does; <c>TokenizeAndFind</c> includes the tokenizer. MB/s and sentences/s: see <see cref="ThroughputConfig"/>.
/// <c>dotnet run -c Release --project tests/EventExtractor.Benchmarks -- --filter '*Actor*' --job short</c>
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class ActorRecognizerBenchmarks
{
    private Document[] _documents = [];
    private string[] _texts = [];
    private ActorRecognizer _recognizer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _texts = BenchmarkText.Articles;
        _documents = [.. _texts.Select((t, i) => Document.Create(i.ToString(), t))];
        _recognizer = new ActorRecognizer(ActorDictionary.LoadDefault());
    }

    [Benchmark(Baseline = true)]
    public int Find()
    {
        int n = 0;
        foreach (var doc in _documents) n += _recognizer.Find(doc).Count;
        return n;
    }

    [Benchmark]
    public int Count()
    {
        int n = 0;
        foreach (var doc in _documents) n += _recognizer.Count(doc);
        return n;
    }

    [Benchmark]
    public int TokenizeAndFind()
    {
        int n = 0;
        for (int i = 0; i < _texts.Length; i++) n += _recognizer.Find(Document.Create("d", _texts[i])).Count;
        return n;
    }
}
