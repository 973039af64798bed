using System.CommandLine;
using System.Text;
using EventExtractor.Input;
using EventExtractor.Places;
using EventExtractor.Text;
using Newtonsoft.Json;

namespace EventExtractor.Cli.Commands;

/// <summary>
/// <c>eventx geoparse [INPUT...]</c>: one JSON line per place mention (documentId, text, start, end, name, geonameId, lat, lon,
/// country, admin1, featureCode, score). <c>eventx geoparse --evaluate GOLD</c>: scores the gold table and prints
/// "resolved correctly: N/M (P%)".
/// </summary>
public static class GeoparseCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("INPUT") { Description = "Files (.txt, .jsonl, .jsonl.gz), directories, or - for JSON Lines on standard input.", Arity = ArgumentArity.ZeroOrMore };
        var gazetteer = new Option<string?>("--gazetteer") { Description = "The gazetteer file (default: models/gazetteer.bin.gz)." };
        var evaluate = new Option<string?>("--evaluate") { Description = "A gold table (article, fragment, mention, expected id) to score instead of parsing INPUT." };
        var dataRoot = new Option<string>("--data") { Description = "With --evaluate: the folder the gold table's article paths are relative to.", DefaultValueFactory = _ => "../shared" };
        var command = new Command("geoparse", "Find and resolve place names: one JSON line per place mention.");
        command.Arguments.Add(inputs);
        command.Options.Add(gazetteer); command.Options.Add(evaluate); command.Options.Add(dataRoot);
        command.SetAction(p => Run(p.GetValue(inputs) ?? [], p.GetValue(gazetteer), p.GetValue(evaluate), p.GetValue(dataRoot)!, Console.Out, Console.Error));
        return command;
    }

    public static int Run(IReadOnlyList<string> inputs, string? gazetteerPath, string? evaluate, string dataRoot, TextWriter output, TextWriter errors)
    {
        Gazetteer gazetteer;
        try
        {
            gazetteer = gazetteerPath is null ? Gazetteer.LoadDefault() : Gazetteer.Load(gazetteerPath);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            errors.WriteLine($"eventx geoparse: cannot load the gazetteer: {e.Message}");
            return ExitCodes.UsageError;
        }
        var parser = new Geoparser(gazetteer);
        var actors = new Actors.ActorRecognizer(); // actors' countries help choose between same-named places, as in eventx extract

        if (evaluate is not null)
        {
            try
            {
                var results = PlaceEvaluation.Evaluate(parser, PlaceEvaluation.ReadGold(evaluate), dataRoot, actors);
                foreach (var r in results.Where(r => !r.Correct))
                    errors.WriteLine($"miss {evaluate}:{r.Row.Line}: {r.Row.Mention} expected {r.Row.Expected}: {r.Note}");
                output.WriteLine(PlaceEvaluation.Summary(results));
                return ExitCodes.Ok;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                errors.WriteLine($"eventx geoparse --evaluate: {e.Message}");
                return ExitCodes.UsageError;
            }
        }

        foreach (var item in ArticleReader.Read(inputs, Console.OpenStandardInput))
        {
            if (item.Problem is { } problem)
            {
                errors.WriteLine($"eventx geoparse: {problem}");
                continue;
            }
            var article = item.Article!;
            var doc = Document.Create(article.Id, article.Text, article.Date);
            foreach (var m in parser.Parse(doc, actors.Find(doc))) output.WriteLine(ToJson(doc.Id, m));
        }
        return ExitCodes.Ok;
    }

    /// <summary>One mention as a JSON line.</summary>
    public static string ToJson(string documentId, PlaceMention m)
    {
        var sb = new StringBuilder();
        using (var json = new JsonTextWriter(new StringWriter(sb)) { Formatting = Formatting.None })
        {
            var e = m.Entry;
            json.WriteStartObject();
            json.WritePropertyName("documentId"); json.WriteValue(documentId);
            json.WritePropertyName("text"); json.WriteValue(m.Text);
            json.WritePropertyName("start"); json.WriteValue(m.Span.Start);
            json.WritePropertyName("end"); json.WriteValue(m.Span.End);
            json.WritePropertyName("name"); json.WriteValue(e?.Name ?? m.Text);
            json.WritePropertyName("geonameId"); json.WriteValue(e?.GeonameId);
            json.WritePropertyName("lat"); json.WriteValue(e?.Lat);
            json.WritePropertyName("lon"); json.WriteValue(e?.Lon);
            json.WritePropertyName("country"); json.WriteValue(e?.CountryCode);
            json.WritePropertyName("admin1"); json.WriteValue(e?.Admin1);
            json.WritePropertyName("featureCode"); json.WriteValue(e?.FeatureCode);
            json.WritePropertyName("score"); json.WriteValue(m.Score);
            json.WritePropertyName("id"); json.WriteValue(e?.Id);
            json.WritePropertyName("kind"); json.WriteValue(m.Kind.ToString().ToLowerInvariant());
            json.WritePropertyName("qualifier"); json.WriteValue(m.IsQualifier);
            json.WriteEndObject();
        }
        return sb.ToString();
    }
}
