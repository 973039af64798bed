using System.Globalization;
using System.IO.Compression;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace EventExtractor.Input;

/// <summary>One article to process: its id (given, or the file path), text and publication date.</summary>
/// <param name="Origin">Where it came from, as "path" or "path:line", for messages.</param>
public sealed record Article(string Id, string Text, DateOnly? Date, string? Title, string Origin);

/// <summary>How bad a problem with the input is: a bad record is skipped; an I/O failure may be cured by retrying.</summary>
public enum ProblemKind
{
    /// <summary>A record was kept but something in it was ignored (e.g. an unreadable date).</summary>
    Warning,

    /// <summary>A record was skipped (malformed JSON, no text, invalid UTF-8, binary, too large).</summary>
    BadRecord,

    /// <summary>A file or directory could not be read at all.</summary>
    IoFailure,
}

/// <summary>A problem found in the input, naming where it is.</summary>
public sealed record InputProblem(string Location, string Message, ProblemKind Kind)
{
    public override string ToString() => $"{Location}: {Message}";
}

/// <summary>One item of the input stream: an article, or a problem to report. Exactly one is set.</summary>
public readonly record struct InputItem(Article? Article, InputProblem? Problem);

/// <summary>Options for reading input.</summary>
public sealed record ArticleReaderOptions
{
    /// <summary>Publication date for articles that carry none (the CLI's --date).</summary>
    public DateOnly? DefaultDate { get; init; }

    /// <summary>Articles longer than this many characters are skipped with a message: no news article is that long.</summary>
    public int MaxArticleChars { get; init; } = 5_000_000;
}

/// <summary>
/// Reads articles from the inputs of the output contract: <c>.txt</c> files (one article each),
/// directories (every .txt, .jsonl, .jsonl.gz below them, in ordinal path order), <c>.jsonl</c> and
/// <c>.jsonl.gz</c> files (one article a line), and <c>-</c> for JSON Lines on standard input.
/// It streams, and it never throws for bad input: every problem becomes an <see cref="InputProblem"/>
/// naming the file and line, and reading goes on with the next record.
/// </summary>
public static class ArticleReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads every input in order; with no inputs, reads JSON Lines from <paramref name="stdin"/>.</summary>
    public static IEnumerable<InputItem> Read(IReadOnlyList<string> inputs, Func<Stream> stdin, ArticleReaderOptions? options = null)
    {
        options ??= new ArticleReaderOptions();
        if (inputs.Count == 0) inputs = ["-"];
        foreach (var input in inputs)
        {
            foreach (var item in ReadOne(input, stdin, options)) yield return item;
        }
    }

    private static IEnumerable<InputItem> ReadOne(string input, Func<Stream> stdin, ArticleReaderOptions options)
    {
        if (input == "-")
        {
            foreach (var item in ReadJsonLines(stdin(), "<stdin>", options)) yield return item;
            yield break;
        }
        if (Directory.Exists(input))
        {
            string[] files;
            string? listError = null;
            try
            {
                files = Directory.EnumerateFiles(input, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = false })
                    .Where(IsArticleFile).ToArray();
                Array.Sort(files, StringComparer.Ordinal);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                files = [];
                listError = e.Message;
            }
            if (listError is not null) yield return Problem(input, $"cannot list directory: {listError}", ProblemKind.IoFailure);
            foreach (var file in files)
            {
                foreach (var item in ReadFile(file, options)) yield return item;
            }
            yield break;
        }
        if (!File.Exists(input))
        {
            yield return Problem(input, "no such file or directory", ProblemKind.IoFailure);
            yield break;
        }
        foreach (var item in ReadFile(input, options)) yield return item;
    }

    private static bool IsArticleFile(string path) =>
        path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".jsonl.gz", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<InputItem> ReadFile(string path, ArticleReaderOptions options)
    {
        bool jsonl = path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".jsonl.gz", StringComparison.OrdinalIgnoreCase);
        if (!jsonl) return [ReadTextFile(path, options)];
        Stream stream;
        try
        {
            stream = File.OpenRead(path);
            if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) stream = new GZipStream(stream, CompressionMode.Decompress);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stream = Stream.Null;
            return [Problem(path, $"cannot read: {e.Message}", ProblemKind.IoFailure)];
        }
        return ReadJsonLines(stream, path, options);
    }

    /// <summary>A .txt file is one article; its id is the path as given.</summary>
    private static InputItem ReadTextFile(string path, ArticleReaderOptions options)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (info.Length > (long)options.MaxArticleChars * 4)
                return Problem(path, $"skipped: {info.Length:N0} bytes is larger than any article ({options.MaxArticleChars:N0} characters at most)", ProblemKind.BadRecord);
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Problem(path, $"cannot read: {e.Message}", ProblemKind.IoFailure);
        }
        if (LooksBinary(bytes)) return Problem(path, "skipped: looks like a binary file (NUL bytes), not text", ProblemKind.BadRecord);
        if (!TryDecode(bytes, 0, bytes.Length, out var text, out var badByte))
            return Problem(path, $"skipped: invalid UTF-8 at byte {badByte}", ProblemKind.BadRecord);
        if (text.Length > options.MaxArticleChars)
            return Problem(path, $"skipped: {text.Length:N0} characters is larger than any article ({options.MaxArticleChars:N0} at most)", ProblemKind.BadRecord);
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        return new InputItem(new Article(path, text, options.DefaultDate, null, path), null);
    }

    /// <summary>JSON Lines, read as raw bytes line by line so that one bad line (invalid UTF-8, broken JSON) costs only that line.</summary>
    private static IEnumerable<InputItem> ReadJsonLines(Stream stream, string path, ArticleReaderOptions options)
    {
        using var lines = new ByteLineReader(stream, maxLineBytes: options.MaxArticleChars * 4 + 65_536);
        int lineNo = 0;
        while (true)
        {
            byte[]? line;
            int length;
            bool tooLong;
            string? ioError = null;
            try
            {
                (line, length, tooLong) = lines.Next();
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                (line, length, tooLong) = (null, 0, false);
                ioError = e.Message;
            }
            if (ioError is not null)
            {
                yield return Problem($"{path}:{lineNo + 1}", $"cannot read further: {ioError}", ProblemKind.IoFailure);
                yield break;
            }
            if (line is null) yield break;
            lineNo++;
            if (tooLong)
            {
                yield return Problem($"{path}:{lineNo}", $"skipped: the line is larger than any article ({options.MaxArticleChars:N0} characters at most)", ProblemKind.BadRecord);
                continue;
            }
            foreach (var item in ParseLine(line, length, path, lineNo, options)) yield return item;
        }
    }

    private static IEnumerable<InputItem> ParseLine(byte[] line, int length, string path, int lineNo, ArticleReaderOptions options)
    {
        string where = $"{path}:{lineNo}";
        if (IsBlank(line, length)) yield break;
        if (ReadPlain(line.AsSpan(0, length), where, options) is { } plain)
        {
            yield return plain;
            yield break;
        }
        if (!TryDecode(line, 0, length, out var json, out var badByte))
        {
            yield return Problem(where, $"skipped: invalid UTF-8 at byte {badByte} of the line", ProblemKind.BadRecord);
            yield break;
        }
        if (json.Length > options.MaxArticleChars + 10_000)
        {
            yield return Problem(where, $"skipped: a line of {json.Length:N0} characters is larger than any article ({options.MaxArticleChars:N0} at most)", ProblemKind.BadRecord);
            yield break;
        }
        JObject obj;
        string? error = null;
        try
        {
            using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
            var token = JToken.ReadFrom(reader);
            obj = token as JObject ?? throw new JsonReaderException($"expected a JSON object, found {token.Type}");
            if (reader.Read() && reader.TokenType != JsonToken.Comment) throw new JsonReaderException("more than one JSON value on the line");
        }
        catch (JsonException e)
        {
            obj = [];
            error = e.Message;
        }
        if (error is not null)
        {
            yield return Problem(where, $"skipped: malformed JSON: {error}", ProblemKind.BadRecord);
            yield break;
        }
        if (obj["text"] is not JValue { Type: JTokenType.String } textValue || string.IsNullOrWhiteSpace((string?)textValue))
        {
            yield return Problem(where, "skipped: no \"text\" (a non-empty string is required)", ProblemKind.BadRecord);
            yield break;
        }
        string text = (string)textValue!;
        if (text.Length > options.MaxArticleChars)
        {
            yield return Problem(where, $"skipped: {text.Length:N0} characters is larger than any article ({options.MaxArticleChars:N0} at most)", ProblemKind.BadRecord);
            yield break;
        }
        string id = obj["id"] is JValue { Value: not null } idValue ? Convert.ToString(idValue.Value, CultureInfo.InvariantCulture)! : where;
        DateOnly? date = options.DefaultDate;
        if (obj["date"] is JValue { Value: not null } dateValue)
        {
            var raw = Convert.ToString(dateValue.Value, CultureInfo.InvariantCulture) ?? "";
            if (TryParseDate(raw, out var parsed)) date = parsed;
            else yield return Problem(where, $"date \"{Truncate(raw)}\" is not an ISO 8601 date; processed without it", ProblemKind.Warning);
        }
        string? title = obj["title"] is JValue { Type: JTokenType.String } t ? (string?)t : null;
        yield return new InputItem(new Article(id, text, date, title, where), null);
    }

    /// <summary>
    /// The article of a plain record (<see cref="PlainJsonRecord"/>) that the general way would take without a word; null
    /// for anything it would skip or warn about, so that it reports that line itself.
    /// </summary>
    private static InputItem? ReadPlain(ReadOnlySpan<byte> line, string where, ArticleReaderOptions options)
    {
        // No more bytes than this, no more characters than the general way takes.
        if (line.Length > options.MaxArticleChars || !PlainJsonRecord.TryRead(line, out var text, out var id, out var rawDate, out var title)) return null;
        if (string.IsNullOrWhiteSpace(text)) return null;
        DateOnly? date = options.DefaultDate;
        if (rawDate is not null)
        {
            if (!TryParseDate(rawDate, out var parsed)) return null;
            date = parsed;
        }
        return new InputItem(new Article(id ?? where, text, date, title, where), null);
    }

    /// <summary>ISO 8601 date or date-time: 2017-11-10, 2017-11-10T08:00:00Z.</summary>
    public static bool TryParseDate(string raw, out DateOnly date)
    {
        raw = raw.Trim();
        if (DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)) return true;
        if (raw.Length > 10 && raw[10] is 'T' or ' ' && DateOnly.TryParseExact(raw[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            && DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
            return true;
        date = default;
        return false;
    }

    private static bool TryDecode(byte[] bytes, int offset, int count, out string text, out long badByte)
    {
        try
        {
            text = StrictUtf8.GetString(bytes, offset, count);
            badByte = -1;
            return true;
        }
        catch (DecoderFallbackException e)
        {
            text = "";
            badByte = e.Index >= 0 ? e.Index : 0;
            return false;
        }
    }

    private static bool LooksBinary(byte[] bytes) => bytes.AsSpan(0, Math.Min(bytes.Length, 8192)).Contains((byte)0);

    private static bool IsBlank(byte[] line, int length)
    {
        for (int i = 0; i < length; i++)
        {
            if (line[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r')) return false;
        }
        return true;
    }

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "...";

    private static InputItem Problem(string where, string message, ProblemKind kind) => new(null, new InputProblem(where, message, kind));
}
