using System.IO.Compression;
using System.Text;
using EventExtractor.Input;

namespace EventExtractor.Tests.Input;

public sealed class ArticleReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("eventx-input-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content) => WriteBytes(name, Encoding.UTF8.GetBytes(content));

    private string WriteBytes(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static List<InputItem> Read(params string[] inputs) =>
        ArticleReader.Read(inputs, () => Stream.Null, new ArticleReaderOptions { DefaultDate = new DateOnly(2017, 11, 10) }).ToList();

    [Fact]
    public void A_text_file_is_one_article_with_its_path_as_id_and_the_default_date()
    {
        var path = Write("a.txt", "Syria's army announced Thursday the capture of Albu Kamal.");
        var item = Assert.Single(Read(path));
        Assert.Equal(path, item.Article!.Id);
        Assert.Equal(new DateOnly(2017, 11, 10), item.Article.Date);
        Assert.StartsWith("Syria's army", item.Article.Text);
    }

    [Fact]
    public void Bad_json_lines_are_reported_with_file_and_line_and_the_good_ones_are_kept()
    {
        var bytes = new List<byte>();
        bytes.AddRange(Encoding.UTF8.GetBytes("{\"id\":\"one\",\"date\":\"2017-11-09\",\"text\":\"First.\"}\n"));
        bytes.AddRange(Encoding.UTF8.GetBytes("{not json\n"));
        bytes.AddRange(Encoding.UTF8.GetBytes("{\"id\":\"no-text\"}\n"));
        bytes.AddRange(Encoding.UTF8.GetBytes("{\"text\":\"bad "));
        bytes.AddRange([0xC3, 0x28]); // invalid UTF-8
        bytes.AddRange(Encoding.UTF8.GetBytes("\"}\n\n"));
        bytes.AddRange(Encoding.UTF8.GetBytes("{\"id\":\"two\",\"date\":\"yesterday\",\"text\":\"Second.\"}\r\n"));
        bytes.AddRange(Encoding.UTF8.GetBytes("{\"id\":3,\"date\":\"2017-11-09T08:00:00Z\",\"text\":\"Third.\"}"));
        var path = WriteBytes("b.jsonl", bytes.ToArray());

        var items = Read(path);

        var articles = items.Where(i => i.Article is not null).Select(i => i.Article!).ToList();
        Assert.Equal(["one", "two", "3"], articles.Select(a => a.Id));
        Assert.Equal(new DateOnly(2017, 11, 9), articles[0].Date);
        Assert.Equal(new DateOnly(2017, 11, 10), articles[1].Date); // unreadable date: the default, with a warning
        Assert.Equal(new DateOnly(2017, 11, 9), articles[2].Date);
        var problems = items.Where(i => i.Problem is not null).Select(i => i.Problem!).ToList();
        Assert.Equal([$"{path}:2", $"{path}:3", $"{path}:4", $"{path}:6"], problems.Select(p => p.Location));
        Assert.Contains("malformed JSON", problems[0].Message);
        Assert.Contains("no \"text\"", problems[1].Message);
        Assert.Contains("invalid UTF-8", problems[2].Message);
        Assert.Equal(ProblemKind.Warning, problems[3].Kind);
    }

    // Plain records are read straight from the bytes, the rest by Newtonsoft: both ways must give the same article.
    [Theory]
    [InlineData("""{"text":"A \u00e9 \"quoted\" line","id":"x","title":"T","extra":{"a":[1,2,{"b":null}]}}""", "A é \"quoted\" line", "x", "T")]
    [InlineData("""{"extra":[{"text":"inner"}],"text":"A","title":5}""", "A", null, null)]
    [InlineData("""{"text":"A","id":null,"date":null}""", "A", null, null)]
    [InlineData("""{"text":"first","text":"second"}""", "second", null, null)] // repeated: the last one, as Newtonsoft reads it
    [InlineData("""{"text":"A"} // a comment""", "A", null, null)]
    [InlineData("""{'text':'single quotes'}""", "single quotes", null, null)]
    [InlineData("""{"text":"numeric id","id":7}""", "numeric id", "7", null)]
    public void Plain_and_general_records_read_the_same(string line, string text, string? id, string? title)
    {
        var path = Write("p.jsonl", line + "\n");
        var article = Assert.Single(Read(path)).Article!;
        Assert.Equal(text, article.Text);
        Assert.Equal(id ?? $"{path}:1", article.Id);
        Assert.Equal(title, article.Title);
        Assert.Equal(new DateOnly(2017, 11, 10), article.Date);
    }

    [Fact]
    public void A_directory_is_read_recursively_in_ordinal_order_and_gzip_works()
    {
        Write("dir/b.txt", "B text.");
        Write("dir/a.txt", "A text.");
        Write("dir/ignored.csv", "x,y");
        Directory.CreateDirectory(Path.Combine(_dir, "dir", "sub"));
        using (var gz = new GZipStream(File.Create(Path.Combine(_dir, "dir", "sub", "c.jsonl.gz")), CompressionLevel.Fastest))
        {
            gz.Write(Encoding.UTF8.GetBytes("{\"id\":\"c1\",\"text\":\"C one.\"}\n{\"id\":\"c2\",\"text\":\"C two.\"}\n"));
        }

        var ids = Read(Path.Combine(_dir, "dir")).Select(i => i.Article!.Id).ToList();

        Assert.Equal([Path.Combine(_dir, "dir", "a.txt"), Path.Combine(_dir, "dir", "b.txt"), "c1", "c2"], ids);
    }

    [Fact]
    public void Missing_binary_and_oversized_files_are_reported_and_the_batch_goes_on()
    {
        var binary = WriteBytes("bin.txt", [0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01]);
        var good = Write("good.txt", "Good.");
        var missing = Path.Combine(_dir, "missing.txt");

        var items = ArticleReader.Read([missing, binary, good], () => Stream.Null, new ArticleReaderOptions { MaxArticleChars = 3 }).ToList();

        Assert.Equal(ProblemKind.IoFailure, items[0].Problem!.Kind);
        Assert.Contains("binary", items[1].Problem!.Message);
        Assert.Contains("larger than any article", items[2].Problem!.Message); // "Good." is over 3 characters
        Assert.Equal(3, items.Count);
    }

    [Fact]
    public void No_inputs_means_json_lines_on_standard_input()
    {
        var stdin = new MemoryStream(Encoding.UTF8.GetBytes("{\"text\":\"From stdin.\"}\n"));
        var item = Assert.Single(ArticleReader.Read([], () => stdin));
        Assert.Equal("<stdin>:1", item.Article!.Id);
    }

    [Fact]
    public void An_overlong_line_is_skipped_without_holding_it_and_the_next_line_is_read()
    {
        var big = new string('x', 50_000);
        var path = Write("big.jsonl", $"{{\"text\":\"{big}\"}}\n{{\"id\":\"after\",\"text\":\"ok\"}}\n");
        var items = ArticleReader.Read([path], () => Stream.Null, new ArticleReaderOptions { MaxArticleChars = 1_000 }).ToList();
        Assert.Contains("larger than any article", items[0].Problem!.Message);
        Assert.Equal("after", items[1].Article!.Id);
    }
}
