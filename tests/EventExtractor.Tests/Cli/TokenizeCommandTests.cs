using EventExtractor.Cli.Commands;
using Newtonsoft.Json.Linq;

namespace EventExtractor.Tests.Cli;

public sealed class TokenizeCommandTests
{
    [Fact]
    public void Prints_one_json_line_a_sentence_whose_offsets_index_the_original_text()
    {
        var path = TestData.SeedArticlePath;
        var text = File.ReadAllText(path);
        var output = new StringWriter();

        int exit = TokenizeCommand.Run(path, output, TextWriter.Null);

        Assert.Equal(0, exit);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(14, lines.Length);
        foreach (var line in lines)
        {
            var sentence = JObject.Parse(line);
            int start = (int)sentence["start"]!, end = (int)sentence["end"]!;
            Assert.Equal(text[start..end], (string)sentence["text"]!);
            foreach (var token in (JArray)sentence["tokens"]!)
                Assert.Equal(text[(int)token["start"]!..(int)token["end"]!], (string)token["text"]!);
        }
        var first = JObject.Parse(lines[2])["tokens"]!.Take(2).Select(t => (string)t["text"]!);
        Assert.Equal(["Syria", "'s"], first);
    }

    [Fact]
    public void A_missing_file_is_a_clear_message_and_a_usage_exit_code()
    {
        var errors = new StringWriter();
        int exit = TokenizeCommand.Run("/no/such/file.txt", TextWriter.Null, errors);
        Assert.Equal(2, exit);
        Assert.Contains("/no/such/file.txt", errors.ToString());
    }
}
