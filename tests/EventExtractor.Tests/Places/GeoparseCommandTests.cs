using EventExtractor.Cli.Commands;
using Newtonsoft.Json.Linq;

namespace EventExtractor.Tests.Places;

[Collection("Places")]
public class GeoparseCommandTests
{
    private static (int Code, string[] Lines, string Errors) Run(params string[] inputs)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        int code = GeoparseCommand.Run(inputs, null, null, "../shared", output, errors);
        return (code, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), errors.ToString());
    }

    [Fact]
    public void A_text_file_gives_one_json_line_per_place_with_the_contract_fields()
    {
        var dir = Directory.CreateTempSubdirectory();
        try
        {
            var file = Path.Combine(dir.FullName, "a.txt");
            File.WriteAllText(file, "Syria's army captured Albu Kamal.");
            var (code, lines, _) = Run(file);
            Assert.Equal(0, code);
            var places = lines.Select(JObject.Parse).ToList();
            var albu = places.Single(p => (string?)p["text"] == "Albu Kamal");
            Assert.Equal(file, (string?)albu["documentId"]);
            Assert.Equal(174448L, (long?)albu["geonameId"]);
            Assert.Equal("SY", (string?)albu["country"]);
            Assert.Equal("Deir ez-Zor", (string?)albu["admin1"]);
            foreach (var field in new[] { "start", "end", "name", "lat", "lon", "featureCode", "score" }) Assert.NotNull(albu[field]);
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void Bad_lines_are_reported_with_file_and_line_and_the_batch_goes_on()
    {
        var dir = Directory.CreateTempSubdirectory();
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "b.jsonl"),
                "{\"id\":\"one\",\"text\":\"Fighting in Rawa, Iraq.\"}\n{not json\n{\"id\":\"three\"}\n{\"id\":\"four\",\"text\":\"Clashes in Homs, Syria.\"}\n");
            File.WriteAllText(Path.Combine(dir.FullName, "c.txt"), "Troops reached Damascus.");
            var (code, lines, errors) = Run(dir.FullName);
            Assert.Equal(0, code);
            var ids = lines.Select(l => (string?)JObject.Parse(l)["documentId"]).Distinct().ToList();
            Assert.Contains("one", ids);
            Assert.Contains("four", ids);
            Assert.Contains(Path.Combine(dir.FullName, "c.txt"), ids);
            Assert.Contains("b.jsonl:2", errors, StringComparison.Ordinal);
            Assert.Contains("b.jsonl:3", errors, StringComparison.Ordinal);
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void A_missing_file_is_reported_and_does_not_stop_the_batch()
    {
        var dir = Directory.CreateTempSubdirectory();
        try
        {
            var file = Path.Combine(dir.FullName, "a.txt");
            File.WriteAllText(file, "Troops reached Damascus.");
            var (code, lines, errors) = Run(Path.Combine(dir.FullName, "missing.txt"), file);
            Assert.Equal(0, code);
            Assert.Contains("missing.txt", errors, StringComparison.Ordinal);
            Assert.Contains(lines, l => l.Contains("Damascus", StringComparison.Ordinal));
        }
        finally { dir.Delete(true); }
    }
}
