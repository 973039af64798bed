using System.Globalization;
using System.Text;
using EventExtractor.Text;
using Newtonsoft.Json.Linq;

namespace EventExtractor.Classification;

/// <summary>A span of an annotation: character offsets into the document's text and the words there.</summary>
public sealed record AnnotatedSpan(TextSpan Span, string Text);

/// <summary>
/// One annotated line of the corpus: a control event (or an explicit <c>none</c>) at one place mention.
/// <see cref="Evidence"/> is the sentence the annotator read the event in; it need not hold <see cref="Place"/>
/// (corpus rule 1: "the city" is annotated on the nearest earlier mention of its name).
/// </summary>
public sealed record AnnotatedEvent(
    string Type,
    AnnotatedSpan Place,
    AnnotatedSpan? Trigger,
    AnnotatedSpan? Actor,
    AnnotatedSpan? Counterpart,
    AnnotatedSpan? Time,
    TextSpan? Evidence = null)
{
    /// <summary>True when the event's place lies outside its evidence span (an event read in another sentence than its place's).</summary>
    public bool IsAnaphoric => Evidence is { } e && !e.Contains(Place.Span);
}

/// <summary>One document of <c>corpus/documents/*.jsonl</c>: text, split and its exhaustive annotations.</summary>
public sealed record CorpusDocument(string Id, DateOnly? Date, string Split, string Text, IReadOnlyList<AnnotatedEvent> Events)
{
    /// <summary>The source article the document (a section) was cut from: the id before <c>#</c>.</summary>
    public string ArticleId => Id.IndexOf('#') is var i and >= 0 ? Id[..i] : Id;

    public bool IsTest => string.Equals(Split, "test", StringComparison.Ordinal);
}

/// <summary>Reads the compiled corpus (<c>corpus/documents/*.jsonl</c>) in a stable order: documents sorted by id.</summary>
public static class CorpusReader
{
    /// <summary>Every document under <paramref name="directory"/> (all <c>*.jsonl</c> files), sorted by id (ordinal).</summary>
    public static IReadOnlyList<CorpusDocument> ReadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"corpus directory not found: {directory}");
        var docs = new List<CorpusDocument>();
        foreach (var file in Directory.GetFiles(directory, "*.jsonl", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
        {
            int lineNo = 0;
            foreach (var line in File.ReadLines(file, Encoding.UTF8))
            {
                lineNo++;
                if (string.IsNullOrWhiteSpace(line)) continue;
                try { docs.Add(Parse(line)); }
                catch (Exception e) when (e is Newtonsoft.Json.JsonException or FormatException or InvalidDataException)
                {
                    throw new InvalidDataException($"{file}:{lineNo}: bad corpus document: {e.Message}", e);
                }
            }
        }
        docs.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return docs;
    }

    /// <summary>Parses one JSON line of the corpus.</summary>
    public static CorpusDocument Parse(string jsonLine)
    {
        var o = JObject.Parse(jsonLine);
        string id = (string?)o["id"] ?? throw new InvalidDataException("document without id");
        string text = (string?)o["text"] ?? throw new InvalidDataException($"document {id} without text");
        string split = (string?)o["split"] ?? "train";
        DateOnly? date = null;
        if (o["date"] is JValue { Type: not JTokenType.Null } dv)
        {
            var s = dv.Type == JTokenType.Date ? ((DateTime)dv).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : dv.ToString(CultureInfo.InvariantCulture);
            if (s.Length >= 10 && DateOnly.TryParseExact(s[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) date = d;
        }
        var events = new List<AnnotatedEvent>();
        if (o["events"] is JArray arr)
        {
            foreach (var e in arr.OfType<JObject>())
            {
                string type = (string?)e["type"] ?? throw new InvalidDataException($"event without type in {id}");
                var place = SpanOf(e["place"], text) ?? throw new InvalidDataException($"event without place in {id}");
                events.Add(new AnnotatedEvent(type, place, SpanOf(e["trigger"], text), SpanOf(e["actor"], text), SpanOf(e["counterpart"], text), SpanOf(e["time"], text), SpanOf(e["evidence"], text)?.Span));
            }
        }
        return new CorpusDocument(id, date, split, text, events);
    }

    private static AnnotatedSpan? SpanOf(JToken? token, string text)
    {
        if (token is not JObject o) return null;
        int start = (int?)o["start"] ?? -1, end = (int?)o["end"] ?? -1;
        if (start < 0 || end < start || end > text.Length) throw new InvalidDataException($"span [{start},{end}) outside the text");
        return new AnnotatedSpan(new TextSpan(start, end), text.Substring(start, end - start));
    }
}
