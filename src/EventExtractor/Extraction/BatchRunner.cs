using System.Diagnostics;
using EventExtractor.Input;

namespace EventExtractor.Extraction;

/// <summary>Counts of one batch run, for the exit code and the closing summary.</summary>
public sealed record BatchSummary(int Articles, int Events, int Skipped, int Warnings, int IoFailures, TimeSpan Elapsed);

/// <summary>Options of a batch run.</summary>
public sealed record BatchOptions
{
    /// <summary>Worker threads (default: all cores). Output is the same whatever the number.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>At most this many articles are held in memory at once.</summary>
    public int MaxBatchArticles { get; init; } = 512;

    /// <summary>At most about this many characters of article text are held in memory at once.</summary>
    public long MaxBatchChars { get; init; } = 32_000_000;

    /// <summary>Called about once a second with the progress so far (for a terminal progress line).</summary>
    public Action<BatchSummary>? Progress { get; init; }
}

/// <summary>
/// Runs an extractor over a stream of articles: in parallel, in bounded batches (so memory stays
/// constant whatever the input size), writing results in input order (so output is the same for any
/// thread count). A problem with one article is reported and the batch goes on.
/// </summary>
public static class BatchRunner
{
    public static BatchSummary Run(
        IEnumerable<InputItem> items,
        Func<Article, IReadOnlyList<ControlEvent>> extract,
        Action<ControlEvent> write,
        Action<InputProblem> report,
        BatchOptions? options = null)
    {
        options ??= new BatchOptions();
        var clock = Stopwatch.StartNew();
        var lastProgress = TimeSpan.Zero;
        int articles = 0, events = 0, skipped = 0, warnings = 0, ioFailures = 0;
        var batch = new List<InputItem>(options.MaxBatchArticles);
        long batchChars = 0;

        void Flush()
        {
            if (batch.Count == 0) return;
            var results = new Outcome[batch.Count];
            Parallel.For(0, batch.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Threads) }, i =>
            {
                if (batch[i].Article is { } article) results[i] = Extract(article, extract);
            });
            for (int i = 0; i < batch.Count; i++)
            {
                if (batch[i].Problem is { } problem)
                {
                    report(problem);
                    switch (problem.Kind)
                    {
                        case ProblemKind.Warning: warnings++; break;
                        case ProblemKind.IoFailure: ioFailures++; break;
                        default: skipped++; break;
                    }
                    continue;
                }
                var outcome = results[i];
                if (outcome.Error is not null)
                {
                    report(new InputProblem(batch[i].Article!.Origin, outcome.Error, ProblemKind.BadRecord));
                    skipped++;
                    continue;
                }
                articles++;
                foreach (var e in outcome.Events!)
                {
                    write(e);
                    events++;
                }
            }
            batch.Clear();
            batchChars = 0;
            if (options.Progress is not null && clock.Elapsed - lastProgress >= TimeSpan.FromSeconds(1))
            {
                lastProgress = clock.Elapsed;
                options.Progress(new BatchSummary(articles, events, skipped, warnings, ioFailures, clock.Elapsed));
            }
        }

        foreach (var item in items)
        {
            batch.Add(item);
            batchChars += item.Article?.Text.Length ?? 0;
            if (batch.Count >= options.MaxBatchArticles || batchChars >= options.MaxBatchChars) Flush();
        }
        Flush();
        return new BatchSummary(articles, events, skipped, warnings, ioFailures, clock.Elapsed);
    }

    private readonly record struct Outcome(IReadOnlyList<ControlEvent>? Events, string? Error);

    /// <summary>An extractor bug on one article must not lose the batch: it becomes a message about that article.</summary>
    private static Outcome Extract(Article article, Func<Article, IReadOnlyList<ControlEvent>> extract)
    {
        try
        {
            return new Outcome(extract(article), null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new Outcome(null, $"skipped: extraction failed ({e.GetType().Name}: {e.Message}); please report this article");
        }
    }
}
