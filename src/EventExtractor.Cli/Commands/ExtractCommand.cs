using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using EventExtractor.Extraction;
using EventExtractor.Input;
using EventExtractor.Output;

namespace EventExtractor.Cli.Commands;

/// <summary>
/// <c>eventx extract [INPUT ...]</c>: control events from articles, as shared/docs/output-contract.md says. Streams in
/// bounded batches, writes in input order, reports bad records on standard error and goes on.
/// </summary>
public static class ExtractCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("INPUT") { Description = "A .txt file, a directory, a .jsonl/.jsonl.gz file, or - (default) for JSON Lines on standard input.", Arity = ArgumentArity.ZeroOrMore };
        var output = new Option<string?>("--output") { Description = "Write events to FILE instead of standard output." };
        var format = new Option<string>("--format") { Description = $"Output format: {OutputFormats.Names} (default jsonl).", DefaultValueFactory = _ => "jsonl" };
        var date = new Option<string?>("--date") { Description = "Publication date YYYY-MM-DD for articles that carry none." };
        var threads = new Option<int>("--threads") { Description = "Worker threads (default: all cores); output is the same for any number.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var minConfidence = new Option<double>("--min-confidence") { Description = "Leave out events whose confidence is below X (0..1, default 0).", DefaultValueFactory = _ => 0 };
        var quiet = new Option<bool>("--quiet") { Description = "No progress line on standard error." };
        var model = new Option<string?>("--model") { Description = "The classifier model zip (default models/control-classifier.zip)." };
        var gazetteer = new Option<string?>("--gazetteer") { Description = "The gazetteer (default models/gazetteer.bin.gz)." };
        var countries = new Option<string?>("--countries") { Description = "Countries the articles are about, e.g. SY,IQ,YE: preferred when a place name has homonyms elsewhere." };
        var command = new Command("extract", "Extract territorial control events (captured, withdrew, controls, contested) from articles.");
        command.Arguments.Add(inputs);
        foreach (var o in new Option[] { output, format, date, threads, minConfidence, quiet, model, gazetteer, countries }) command.Options.Add(o);
        command.SetAction(parse => Run(new Settings(
            parse.GetValue(inputs) ?? [], parse.GetValue(output), parse.GetValue(format) ?? "jsonl", parse.GetValue(date),
            parse.GetValue(threads), parse.GetValue(minConfidence), parse.GetValue(quiet), parse.GetValue(model), parse.GetValue(gazetteer), parse.GetValue(countries)),
            Console.OpenStandardInput, Console.Out, Console.Error, progressAllowed: !Console.IsErrorRedirected));
        return command;
    }

    /// <summary>The command's options, parsed.</summary>
    public sealed record Settings(string[] Inputs, string? Output, string Format, string? Date, int Threads, double MinConfidence, bool Quiet, string? ModelPath, string? GazetteerPath, string? Countries = null);

    public static int Run(Settings settings, Func<Stream> stdin, TextWriter stdout, TextWriter stderr, bool progressAllowed = false, ControlEventExtractor? extractor = null)
    {
        if (!OutputFormats.TryParse(settings.Format, out var format))
        {
            stderr.WriteLine($"eventx: --format '{settings.Format}' is not one of {OutputFormats.Names}");
            return ExitCodes.UsageError;
        }
        DateOnly? defaultDate = null;
        if (settings.Date is not null)
        {
            if (!DateOnly.TryParseExact(settings.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                stderr.WriteLine($"eventx: --date '{settings.Date}' is not a date YYYY-MM-DD");
                return ExitCodes.UsageError;
            }
            defaultDate = d;
        }
        if (settings.Threads < 1)
        {
            stderr.WriteLine($"eventx: --threads {settings.Threads} must be at least 1");
            return ExitCodes.UsageError;
        }
        if (settings.MinConfidence is < 0 or > 1 || double.IsNaN(settings.MinConfidence))
        {
            stderr.WriteLine($"eventx: --min-confidence {settings.MinConfidence.ToString(CultureInfo.InvariantCulture)} must be between 0 and 1");
            return ExitCodes.UsageError;
        }
        if (!Places.GeoparserOptions.TryParseCountries(settings.Countries, out var countries))
        {
            stderr.WriteLine($"eventx: --countries '{settings.Countries}' is not a list of two-letter country codes such as SY,IQ,YE");
            return ExitCodes.UsageError;
        }
        if (extractor is null)
        {
            var load = Stopwatch.StartNew();
            try { extractor = ControlEventExtractor.Load(new ExtractorOptions { ModelPath = settings.ModelPath, GazetteerPath = settings.GazetteerPath, Countries = countries }); }
            catch (ExtractorLoadException e)
            {
                stderr.WriteLine($"eventx: {e.Message}");
                return ExitCodes.UsageError;
            }
            if (!settings.Quiet && progressAllowed) stderr.WriteLine($"eventx: model and gazetteer loaded in {load.Elapsed.TotalSeconds:0.00} s");
        }

        TextWriter sink;
        try
        {
            sink = settings.Output is null
                ? stdout
                : new StreamWriter(settings.Output, false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"eventx: cannot write {settings.Output}: {e.Message}");
            return ExitCodes.IoFailure;
        }

        var writer = EventWriter.Create(format, sink);
        var showProgress = progressAllowed && !settings.Quiet;
        long chars = 0;
        var items = ArticleReader.Read(settings.Inputs, stdin, new ArticleReaderOptions { DefaultDate = defaultDate })
            .Select(i => { if (i.Article is { } a) chars += a.Text.Length; return i; });
        var minConfidence = settings.MinConfidence;
        var ex = extractor;
        BatchSummary summary;
        try
        {
            summary = BatchRunner.Run(
                items,
                a => minConfidence <= 0 ? ex.Extract(a) : ex.Extract(a).Where(e => e.Confidence >= minConfidence).ToList(),
                writer.Write,
                problem => stderr.WriteLine($"eventx: {problem.Location}: {problem.Message}"),
                new BatchOptions
                {
                    Threads = settings.Threads,
                    Progress = showProgress
                        ? s => stderr.Write($"\r{s.Articles} articles, {s.Events} events, {s.Articles / Math.Max(0.001, s.Elapsed.TotalSeconds):0} articles/s, {chars / 1e6 / Math.Max(0.001, s.Elapsed.TotalSeconds):0.0} MB/s, {s.Elapsed:hh\\:mm\\:ss}   ")
                        : null,
                });
            writer.Complete();
            if (!ReferenceEquals(sink, stdout)) sink.Dispose();
        }
        catch (IOException e)
        {
            stderr.WriteLine($"eventx: write failed: {e.Message}");
            return ExitCodes.IoFailure;
        }
        // Nothing silently dropped: GeoJSON has no feature for an event with no point to map, so say how many.
        if (writer.LeftOut > 0)
            stderr.WriteLine($"eventx: {writer.LeftOut} event(s) with no coordinates (the gazetteer lacks the place and the text puts it near no place it has) are not in the {settings.Format} output; --format jsonl or csv lists them");
        if (showProgress)
            stderr.WriteLine($"\r{summary.Articles} articles, {summary.Events} events, {summary.Skipped} skipped, {summary.Elapsed.TotalSeconds:0.0} s          ");
        if (ControlEventExtractor.ProfileReport() is { Length: > 0 } profile) stderr.WriteLine($"eventx: profile: {profile}");
        return summary.IoFailures > 0 ? ExitCodes.IoFailure : ExitCodes.Ok;
    }
}
