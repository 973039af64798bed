using EventExtractor.Classification;
using EventExtractor.Cli;
using EventExtractor.Cli.Commands;
using EventExtractor.Tests.Extraction;
using Newtonsoft.Json.Linq;

namespace EventExtractor.Tests.Cli;

/// <summary><c>eventx evaluate --acled FILE [--pipeline]</c> end to end. The rows are invented, in ACLED's columns.</summary>
public sealed class EvaluateCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "eventx-evaluate-" + Guid.NewGuid().ToString("N"));

    public EvaluateCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string AcledFile()
    {
        var path = Path.Combine(_dir, "rows.csv");
        File.WriteAllLines(path,
        [
            "data_id,event_date,event_type,actor1,actor2,location,latitude,longitude,geo_precision,notes",
            "1,2016-03-27,Battle-Government regains territory,Military Forces of Syria,ISIS,Palmyra,34.56,38.27,1,\"Syrian government forces recaptured Palmyra from ISIS fighters after heavy clashes.\"",
            "2,2016-05-02,Battle-No change of territory,Military Forces of Syria,ISIS,Deir ez-Zor,35.33,40.14,1,\"Clashes took place between government forces and ISIS in Deir ez-Zor.\"",
        ]);
        return path;
    }

    [ModelFact]
    public void Pipeline_mode_scores_the_rows_and_names_the_extractors_model()
    {
        var model = DefaultModel();
        var json = Path.Combine(_dir, "report.json");
        var output = new StringWriter();
        var errors = new StringWriter();

        int code = EvaluateCommand.Run(null, AcledFile(), model, json, "test", output, errors, pipeline: true);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("whole pipeline", output.ToString());
        var report = JObject.Parse(File.ReadAllText(json));
        Assert.Equal("acled-pipeline", (string)report["source"]!);
        Assert.Equal(1, (int)report["truePositive"]!);
        Assert.Equal(1, (int)report["placeCorrect"]!);
        Assert.Equal(ControlClassifier.Load(model).Manifest.Model.Sha256, (string)report["model"]!);
    }

    [Fact]
    public void A_missing_model_is_a_usage_error_in_both_modes()
    {
        foreach (bool pipeline in new[] { false, true })
        {
            var errors = new StringWriter();
            int code = EvaluateCommand.Run(null, AcledFile(), Path.Combine(_dir, "missing.zip"), null, "test", new StringWriter(), errors, pipeline);
            Assert.Equal(ExitCodes.UsageError, code);
            Assert.Contains("missing.zip", errors.ToString());
        }
    }

    private static string DefaultModel() => EventExtractor.Extraction.ControlEventExtractor.FindDefaultModelPath()!;
}
