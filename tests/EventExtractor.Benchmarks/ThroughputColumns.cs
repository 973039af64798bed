using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace EventExtractor.Benchmarks;

/// <summary>
/// Adds MB/s (UTF-8 megabytes, 10^6, of <see cref="BenchmarkText.Articles"/> per second of the mean) and sentences/s
/// (the articles' sentences per second) to benchmarks whose every operation processes all the articles once.
/// Benchmarks that do not (loading) show "-".
/// </summary>
public sealed class ThroughputConfig : ManualConfig
{
    /// <summary>Benchmark methods that do not process the articles.</summary>
    public static readonly HashSet<string> NotOverArticles = new(StringComparer.Ordinal) { "Load" };

    public ThroughputConfig()
    {
        AddColumn(new ThroughputColumn("MBps", "MB/s", "UTF-8 megabytes of article text per second", () => BenchmarkText.ArticlesUtf8Bytes / 1e6, "F2"));
        AddColumn(new ThroughputColumn("SentencesPerSecond", "sentences/s", "sentences of article text per second", () => BenchmarkText.ArticlesSentences, "N0"));
    }

    private sealed class ThroughputColumn(string id, string name, string legend, Func<double> perOperation, string format) : IColumn
    {
        public string Id => id;
        public string ColumnName => name;
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => legend;
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public bool IsAvailable(Summary summary) => true;
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            if (NotOverArticles.Contains(benchmarkCase.Descriptor.WorkloadMethod.Name)) return "-";
            var stats = summary[benchmarkCase]?.ResultStatistics;
            if (stats is null || stats.Mean <= 0) return "-";
            return (perOperation() / (stats.Mean / 1e9)).ToString(format, CultureInfo.InvariantCulture);
        }
    }
}
