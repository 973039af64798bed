using System.Text;
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
        _texts = Corpus.Texts;
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
            return (Corpus.Utf8Bytes / 1e6 / seconds).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}

/// <summary>The benchmark text, found beside the repository (../shared) or through EVENTX_SHARED.</summary>
internal static class Corpus
{
    private static readonly Lazy<string[]> LazyTexts = new(Load);

    public static string[] Texts => LazyTexts.Value;

    public static long Utf8Bytes => Texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t));

    private static string[] Load()
    {
        var shared = FindShared();
        var wiki = shared is null ? null : Path.Combine(shared, "data", "wikipedia", "syria-iraq");
        if (wiki is not null && Directory.Exists(wiki))
        {
            var files = Directory.GetFiles(wiki, "*.md").Order(StringComparer.Ordinal).ToArray();
            if (files.Length > 0) return [.. files.Select(File.ReadAllText)];
        }
        var seed = shared is null ? null : Path.Combine(shared, "seeds", "isis-left-clinging-to-scraps.txt");
        if (seed is not null && File.Exists(seed)) return [.. Enumerable.Repeat(File.ReadAllText(seed), 500)];
        throw new InvalidOperationException("benchmark text not found: set EVENTX_SHARED to the shared/ folder");
    }

    private static string? FindShared()
    {
        if (Environment.GetEnvironmentVariable("EVENTX_SHARED") is { Length: > 0 } env && Directory.Exists(env)) return env;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared");
                if (Directory.Exists(Path.Combine(candidate, "data"))) return candidate;
            }
        return null;
    }
}
