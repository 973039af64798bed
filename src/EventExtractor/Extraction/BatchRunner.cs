using System.Collections.Concurrent;
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

    /// <summary>At most this many articles are held in memory at once (read, being extracted, or waiting to be written in order).</summary>
    public int MaxBatchArticles { get; init; } = 512;

    /// <summary>At most about this many characters of article text are held in memory at once.</summary>
    public long MaxBatchChars { get; init; } = 32_000_000;

    /// <summary>Called about once a second with the progress so far (for a terminal progress line).</summary>
    public Action<BatchSummary>? Progress { get; init; }
}

/// <summary>
/// Runs an extractor over a stream of articles: in parallel, streaming through a bounded window (so memory stays
/// constant whatever the input size), writing results in input order (so output is the same for any thread count).
/// The calling thread reads input and writes results while worker threads extract, so reading, extracting and writing
/// overlap and no thread waits for the slowest article of a batch. A problem with one article is reported and the run
/// goes on.
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
        ArgumentNullException.ThrowIfNull(items);
        options ??= new BatchOptions();
        var run = new Counts(options, write, report);
        int threads = Math.Max(1, options.Threads);
        if (threads == 1)
        {
            foreach (var item in items) run.Emit(item, item.Article is { } a ? Extract(a, extract) : default);
            return run.Summary();
        }

        // Items in input order, from the oldest not yet written; workers fill in their outcomes.
        var window = new Queue<Slot>();
        long windowChars = 0;
        var gate = new object();
        using var work = new BlockingCollection<Slot>();
        bool stopped = false;
        var workers = new Thread[threads];
        for (int w = 0; w < threads; w++)
        {
            workers[w] = new Thread(() =>
            {
                foreach (var slot in work.GetConsumingEnumerable())
                {
                    var outcome = Volatile.Read(ref stopped) ? default : Extract(slot.Item.Article!, extract);
                    lock (gate)
                    {
                        slot.Outcome = outcome;
                        slot.Done = true;
                        Monitor.PulseAll(gate);
                    }
                }
            })
            { IsBackground = true, Name = $"eventx extract {w + 1}" };
            workers[w].Start();
        }

        void WriteOldest(bool wait)
        {
            while (window.Count > 0)
            {
                var head = window.Peek();
                lock (gate)
                {
                    if (!head.Done)
                    {
                        if (!wait) return;
                        while (!head.Done) Monitor.Wait(gate);
                    }
                }
                window.Dequeue();
                windowChars -= head.Item.Article?.Text.Length ?? 0;
                run.Emit(head.Item, head.Outcome);
                wait = false;
            }
        }

        try
        {
            foreach (var item in items)
            {
                var slot = new Slot(item);
                window.Enqueue(slot);
                windowChars += item.Article?.Text.Length ?? 0;
                if (item.Article is not null) work.Add(slot);
                else slot.Done = true;
                WriteOldest(wait: false);
                while (window.Count > 0 && (window.Count >= options.MaxBatchArticles || windowChars >= options.MaxBatchChars)) WriteOldest(wait: true);
            }
            while (window.Count > 0) WriteOldest(wait: true);
        }
        finally
        {
            Volatile.Write(ref stopped, true);
            work.CompleteAdding();
            foreach (var t in workers) t.Join();
        }
        return run.Summary();
    }

    private readonly record struct Outcome(IReadOnlyList<ControlEvent>? Events, string? Error);

    /// <summary>One input item in the window and, once a worker has extracted it, its outcome (guarded by the run's lock).</summary>
    private sealed class Slot(InputItem item)
    {
        public InputItem Item { get; } = item;
        public Outcome Outcome { get; set; }
        public bool Done { get; set; }
    }

    /// <summary>Writes outcomes in input order and keeps the counts; used by the calling thread only.</summary>
    private sealed class Counts(BatchOptions options, Action<ControlEvent> write, Action<InputProblem> report)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TimeSpan _lastProgress = TimeSpan.Zero;
        private int _articles, _events, _skipped, _warnings, _ioFailures;

        public void Emit(InputItem item, Outcome outcome)
        {
            if (item.Problem is { } problem)
            {
                report(problem);
                switch (problem.Kind)
                {
                    case ProblemKind.Warning: _warnings++; break;
                    case ProblemKind.IoFailure: _ioFailures++; break;
                    default: _skipped++; break;
                }
            }
            else if (outcome.Error is not null)
            {
                report(new InputProblem(item.Article!.Origin, outcome.Error, ProblemKind.BadRecord));
                _skipped++;
            }
            else if (item.Article is not null)
            {
                _articles++;
                foreach (var e in outcome.Events!)
                {
                    write(e);
                    _events++;
                }
            }
            if (options.Progress is not null && _clock.Elapsed - _lastProgress >= TimeSpan.FromSeconds(1))
            {
                _lastProgress = _clock.Elapsed;
                options.Progress(Summary());
            }
        }

        public BatchSummary Summary() => new(_articles, _events, _skipped, _warnings, _ioFailures, _clock.Elapsed);
    }

    /// <summary>An extractor bug on one article must not lose the run: it becomes a message about that article.</summary>
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
