using System.Text;
using EventExtractor.Cli;
using EventExtractor.Cli.Commands;
using Newtonsoft.Json.Linq;

namespace EventExtractor.Tests.Extraction;

/// <summary>`eventx extract`: usage and model errors, bad input that must not stop the batch, determinism, formats.</summary>
public sealed class ExtractCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "eventx-extract-" + Guid.NewGuid().ToString("N"));

    public ExtractCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static ExtractCommand.Settings Settings(string[] inputs, string format = "jsonl", string? date = null, int threads = 1, double min = 0, string? model = null) =>
        new(inputs, null, format, date, threads, min, true, model, null);

    private static (int Code, string Out, string Err) Run(ExtractCommand.Settings s, string stdin = "")
    {
        var output = new StringWriter { NewLine = "\n" };
        var errors = new StringWriter();
        int code = ExtractCommand.Run(s, () => new MemoryStream(Encoding.UTF8.GetBytes(stdin)), output, errors, false, s.ModelPath is null ? ExtractorFixture.Extractor : null);
        return (code, output.ToString(), errors.ToString());
    }

    [Theory]
    [InlineData("xml", null)]
    [InlineData("jsonl", "2017-13-45")]
    [InlineData("jsonl", "yesterday")]
    public void Usage_errors_exit_2(string format, string? date)
    {
        var (code, _, err) = Run(Settings([], format, date, model: "/nonexistent/model.zip"));
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.StartsWith("eventx: --", err);
    }

    [Fact]
    public void Missing_model_exits_2_and_says_what_to_run()
    {
        var (code, _, err) = Run(Settings([], model: Path.Combine(_dir, "control-classifier.zip")));
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("eventx train", err);
    }

    [Fact]
    public void Corrupt_model_exits_2_and_says_what_to_run()
    {
        var model = Path.Combine(_dir, "control-classifier.zip");
        File.WriteAllText(model, "not a zip");
        var (code, _, err) = Run(Settings([], model: model));
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("eventx train", err);
    }

    private const string Good = "Syrian government forces captured the town of Palmyra from Islamic State fighters on 2 March 2017.";

    [ModelFact]
    public void Bad_records_are_reported_and_the_rest_processed()
    {
        var jsonl = Path.Combine(_dir, "batch.jsonl");
        File.WriteAllText(jsonl, string.Join("\n",
            new JObject { ["id"] = "a", ["date"] = "2017-03-03", ["text"] = Good }.ToString(Newtonsoft.Json.Formatting.None),
            "{not json",
            new JObject { ["id"] = "c", ["title"] = "no text" }.ToString(Newtonsoft.Json.Formatting.None),
            new JObject { ["id"] = "d", ["date"] = "2017-03-03", ["text"] = Good }.ToString(Newtonsoft.Json.Formatting.None)) + "\n");
        var binary = Path.Combine(_dir, "binary.txt");
        File.WriteAllBytes(binary, [0, 1, 2, 3, 0, 0, 255, 254]);
        var badUtf8 = Path.Combine(_dir, "bad-utf8.txt");
        File.WriteAllBytes(badUtf8, [(byte)'a', 0xC3, 0x28, (byte)'b']);
        var (code, output, err) = Run(Settings([jsonl, binary, badUtf8]));
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains($"eventx: {jsonl}:2:", err);
        Assert.Contains($"eventx: {jsonl}:3:", err);
        Assert.Contains($"eventx: {binary}", err);
        Assert.Contains($"eventx: {badUtf8}", err);
        var docs = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => (string)JObject.Parse(l)["documentId"]!).Distinct().ToList();
        Assert.Equal(["a", "d"], docs);
    }

    [ModelFact]
    public void Unreadable_input_exits_1_after_processing_the_rest()
    {
        var good = Path.Combine(_dir, "good.txt");
        File.WriteAllText(good, Good);
        var (code, output, err) = Run(Settings([Path.Combine(_dir, "missing.txt"), good], date: "2017-03-03"));
        Assert.Equal(ExitCodes.IoFailure, code);
        Assert.Contains("missing.txt", err);
        Assert.Contains("captured", output);
    }

    [ModelFact]
    public void Geojson_says_how_many_events_it_could_not_map()
    {
        var unmapped = Path.Combine(_dir, "unmapped.txt");
        File.WriteAllText(unmapped, "Government forces captured the village of Zzyzxqar from rebels on Monday.");
        var good = Path.Combine(_dir, "good.txt");
        File.WriteAllText(good, Good);

        var jsonl = Run(Settings([unmapped], date: "2017-03-03"));
        Assert.Contains("Zzyzxqar", jsonl.Out);
        Assert.DoesNotContain("not in the", jsonl.Err);

        var (code, output, err) = Run(Settings([unmapped, good], "geojson", date: "2017-03-03"));
        Assert.Equal(ExitCodes.Ok, code);
        Assert.DoesNotContain("Zzyzxqar", output);
        Assert.NotEmpty((JArray)JObject.Parse(output)["features"]!);
        Assert.Contains("eventx: 1 event(s) with no coordinates", err);
    }

    [ModelFact]
    public void Output_is_identical_for_1_and_4_threads()
    {
        var lines = Enumerable.Range(0, 40).Select(i => new JObject { ["id"] = $"doc{i}", ["date"] = "2017-03-03", ["text"] = i % 2 == 0 ? Good : File.ReadAllText(TestData.SeedArticlePath) }.ToString(Newtonsoft.Json.Formatting.None));
        var input = Path.Combine(_dir, "many.jsonl");
        File.WriteAllLines(input, lines);
        var one = Run(Settings([input], threads: 1));
        var four = Run(Settings([input], threads: 4));
        Assert.Equal(0, one.Code);
        Assert.NotEmpty(one.Out);
        Assert.Equal(one.Out, four.Out);
    }

    [ModelFact]
    public void Every_format_parses()
    {
        var input = TestData.SeedArticlePath;
        var json = JArray.Parse(Run(Settings([input], "json")).Out);
        Assert.NotEmpty(json);
        var geo = JObject.Parse(Run(Settings([input], "geojson")).Out);
        Assert.Equal("FeatureCollection", (string?)geo["type"]);
        Assert.NotEmpty((JArray)geo["features"]!);
        var csv = Run(Settings([input], "csv")).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(csv.Length > 1);
        var header = csv[0].Split(',').Length;
        Assert.All(csv.Skip(1), row => Assert.Equal(header, CsvFields(row)));
        var predicates = Run(Settings([input], "predicates")).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(predicates, p => Assert.Matches(@"^(captured|withdrew|controls|contested)\(.*\)$", p));
        foreach (var l in Run(Settings([input])).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            Assert.Equal("control-event/1", (string?)JObject.Parse(l)["schema"]);
    }

    [ModelFact]
    public void Min_confidence_filters()
    {
        var all = Run(Settings([TestData.SeedArticlePath])).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var high = Run(Settings([TestData.SeedArticlePath], min: 0.9)).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(high.Length < all.Length);
        Assert.All(high, l => Assert.True((double)JObject.Parse(l)["confidence"]! >= 0.9));
    }

    /// <summary>Fields of one RFC 4180 row (quotes may hold commas).</summary>
    private static int CsvFields(string row)
    {
        int n = 1;
        bool quoted = false;
        foreach (var ch in row)
        {
            if (ch == '"') quoted = !quoted;
            else if (ch == ',' && !quoted) n++;
        }
        return n;
    }
}
