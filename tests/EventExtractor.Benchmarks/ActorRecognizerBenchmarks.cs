using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using EventExtractor.Actors;
using EventExtractor.Text;

namespace EventExtractor.Benchmarks;

/// <summary>
/// Actor recognition over real text: the Wikipedia articles in ../shared/data/wikipedia/syria-iraq (or the seed
/// article repeated when they are absent). <c>Find</c> and <c>Count</c> run over documents tokenized beforehand, as the
/// pipeline does; <c>TokenizeAndFind</c> includes the tokenizer. The MB/s column is UTF-8 megabytes (10^6) of
/// article text per second.
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

    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig() => AddColumn(new MegabytesPerSecondColumn());
    }

    private sealed class MegabytesPerSecondColumn : IColumn
    {
        public string Id => "MBps";
        public string ColumnName => "MB/s";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "UTF-8 megabytes of article text per second";
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public bool IsAvailable(Summary summary) => true;
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var stats = summary[benchmarkCase]?.ResultStatistics;
            if (stats is null || stats.Mean <= 0) return "-";
            double seconds = stats.Mean / 1e9;
            return (BenchmarkText.ArticlesUtf8Bytes / 1e6 / seconds).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
