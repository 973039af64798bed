using EventExtractor.Extraction;
using EventExtractor.Input;

namespace EventExtractor.Tests.Extraction;

public sealed class BatchRunnerTests
{
    private static IEnumerable<InputItem> Articles(int n)
    {
        for (int i = 0; i < n; i++)
        {
            if (i % 97 == 13) yield return new InputItem(null, new InputProblem($"in.jsonl:{i + 1}", "skipped: malformed JSON", ProblemKind.BadRecord));
            else yield return new InputItem(new Article($"a{i}", new string('x', i % 50 + 1), null, null, $"in.jsonl:{i + 1}"), null);
        }
    }

    /// <summary>A fake extractor whose work time varies, so that threads finish out of order.</summary>
    private static IReadOnlyList<ControlEvent> Fake(Article a)
    {
        if (a.Id == "a500") throw new InvalidOperationException("boom");
        Thread.SpinWait((a.Text.Length * 7919) % 20_000);
        return Enumerable.Range(0, a.Text.Length % 3).Select(k => new ControlEvent(
            a.Id, EventTypes.Captured, null, null, new EventPlace($"P{k}", $"P{k}", null, null, null, null, null, null),
            null, null, 0.5, [], "test")).ToList();
    }

    private static (List<string> Output, List<string> Problems, BatchSummary Summary) RunWith(int threads, int batch)
    {
        var output = new List<string>();
        var problems = new List<string>();
        var summary = BatchRunner.Run(Articles(1000), Fake, e => output.Add(e.DocumentId + "/" + e.Place.Name), p => problems.Add(p.ToString()),
            new BatchOptions { Threads = threads, MaxBatchArticles = batch });
        return (output, problems, summary);
    }

    [Fact]
    public void Output_is_in_input_order_and_the_same_for_any_thread_count_and_batch_size()
    {
        var one = RunWith(1, 1000);
        var many = RunWith(4, 7);
        Assert.Equal(one.Output, many.Output);
        Assert.Equal(one.Problems, many.Problems);
        Assert.Equal(one.Output.OrderBy(s => int.Parse(s[1..s.IndexOf('/')])).ThenBy(s => s, StringComparer.Ordinal), one.Output);
    }

    [Fact]
    public void Bad_records_and_extractor_failures_are_reported_and_counted_and_the_rest_is_processed()
    {
        var (output, problems, summary) = RunWith(2, 64);
        Assert.Equal(11, problems.Count(p => p.Contains("malformed JSON"))); // i % 97 == 13 for i < 1000
        var failure = Assert.Single(problems, p => p.Contains("extraction failed"));
        Assert.StartsWith("in.jsonl:501", failure);
        Assert.Equal(12, summary.Skipped);
        Assert.Equal(1000 - 12, summary.Articles);
        Assert.Equal(output.Count, summary.Events);
        Assert.Contains(output, s => s.StartsWith("a999/"));
    }
}
