using System.CommandLine;
using System.Text;
using EventExtractor.Text;
using Newtonsoft.Json;

namespace EventExtractor.Cli.Commands;

/// <summary>
/// <c>eventx tokenize FILE</c>: prints each sentence with its tokens and offsets as one JSON line,
/// for checking what the later stages see.
/// </summary>
public static class TokenizeCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "A UTF-8 text file, or - for standard input." };
        var command = new Command("tokenize", "Print the sentences and tokens of a text, with their character offsets, as JSON Lines.");
        command.Arguments.Add(file);
        command.SetAction(parse => Run(parse.GetValue(file)!, Console.Out, Console.Error));
        return command;
    }

    public static int Run(string path, TextWriter output, TextWriter errors)
    {
        string text;
        try
        {
            text = path == "-" ? Console.In.ReadToEnd() : File.ReadAllText(path, new UTF8Encoding(false, false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.WriteLine($"eventx tokenize: cannot read {path}: {e.Message}");
            return e is FileNotFoundException or DirectoryNotFoundException ? ExitCodes.UsageError : ExitCodes.IoFailure;
        }

        var doc = Document.Create(path, text);
        Write(doc, output);
        return ExitCodes.Ok;
    }

    /// <summary>One JSON line a sentence: its index, offsets, text and tokens.</summary>
    public static void Write(Document doc, TextWriter output)
    {
        for (int s = 0; s < doc.Sentences.Length; s++)
        {
            var sentence = doc.Sentences[s];
            var sb = new StringBuilder();
            using (var json = new JsonTextWriter(new StringWriter(sb)) { Formatting = Formatting.None })
            {
                json.WriteStartObject();
                json.WritePropertyName("sentence"); json.WriteValue(s);
                json.WritePropertyName("start"); json.WriteValue(sentence.Start);
                json.WritePropertyName("end"); json.WriteValue(sentence.End);
                json.WritePropertyName("text"); json.WriteValue(doc.SentenceText(s));
                json.WritePropertyName("tokens");
                json.WriteStartArray();
                for (int t = sentence.FirstToken; t < sentence.EndToken; t++)
                {
                    var token = doc.Tokens[t];
                    json.WriteStartObject();
                    json.WritePropertyName("i"); json.WriteValue(t);
                    json.WritePropertyName("start"); json.WriteValue(token.Start);
                    json.WritePropertyName("end"); json.WriteValue(token.End);
                    json.WritePropertyName("text"); json.WriteValue(doc.TokenText(t).ToString());
                    json.WritePropertyName("kind"); json.WriteValue(token.Kind.ToString().ToLowerInvariant());
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            output.WriteLine(sb.ToString());
        }
    }
}
