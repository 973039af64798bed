using Newtonsoft.Json.Linq;

namespace EventExtractor.Tests.Corpus;

/// <summary>The annotated corpus is ground truth: every span must point at the words it names, in UTF-16 offsets as .NET counts them.</summary>
public sealed class CorpusIntegrityTests
{
    private static readonly string[] Types = ["captured", "withdrew", "controls", "contested", "none"];

    private static IEnumerable<(string File, int Line, JObject Doc)> Documents()
    {
        var dir = Path.Combine(TestData.RepoRoot, "corpus", "documents");
        foreach (var file in Directory.GetFiles(dir, "*.jsonl").Order(StringComparer.Ordinal))
        {
            int line = 0;
            foreach (var text in File.ReadLines(file))
            {
                line++;
                yield return (Path.GetFileName(file), line, JObject.Parse(text));
            }
        }
    }

    [Fact]
    public void Every_span_names_the_words_at_its_offsets()
    {
        var problems = new List<string>();
        foreach (var (file, line, doc) in Documents())
        {
            var text = (string)doc["text"]!;
            foreach (var e in (JArray)doc["events"]!)
            {
                var type = (string)e["type"]!;
                if (!Types.Contains(type)) problems.Add($"{file}:{line}: unknown type {type}");
                if (e["place"] is not JObject) problems.Add($"{file}:{line}: an event without a place");
                foreach (var name in new[] { "trigger", "actor", "counterpart", "place", "time" })
                {
                    if (e[name] is not JObject span) continue;
                    int start = (int)span["start"]!, end = (int)span["end"]!;
                    if (start < 0 || end > text.Length || start >= end || text[start..end] != (string)span["text"]!)
                        problems.Add($"{file}:{line}: {name} [{start},{end}) is not \"{span["text"]}\"");
                }
                int es = (int)e["evidence"]!["start"]!, ee = (int)e["evidence"]!["end"]!;
                if (es < 0 || ee > text.Length || es >= ee) problems.Add($"{file}:{line}: evidence [{es},{ee}) out of range");
            }
        }
        Assert.Empty(problems);
    }

    [Fact]
    public void Held_out_articles_are_marked_test_and_every_other_document_train()
    {
        var testArticles = File.ReadLines(Path.Combine(TestData.RepoRoot, "corpus", "test-articles.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet();
        foreach (var (file, line, doc) in Documents())
        {
            var article = Path.GetFileNameWithoutExtension(file);
            Assert.True((string)doc["split"]! == (testArticles.Contains(article) ? "test" : "train"), $"{file}:{line}");
        }
    }

    [Fact]
    public void Document_ids_are_unique_and_no_mention_is_both_an_event_and_a_negative_in_the_same_sentence()
    {
        // One mention may carry a none for its own sentence and an event from another sentence that
        // refers back to it ("the city"); it may never be both for the same evidence.
        var ids = new HashSet<string>();
        foreach (var (file, line, doc) in Documents())
        {
            Assert.True(ids.Add((string)doc["id"]!), $"{file}:{line}: duplicate id {doc["id"]}");
            var events = ((JArray)doc["events"]!).Cast<JObject>().ToList();
            foreach (var none in events.Where(e => (string)e["type"]! == "none"))
            {
                foreach (var other in events.Where(e => (string)e["type"]! != "none"))
                {
                    bool samePlace = (int)none["place"]!["start"]! == (int)other["place"]!["start"]!;
                    bool overlap = (int)none["evidence"]!["start"]! < (int)other["evidence"]!["end"]! && (int)other["evidence"]!["start"]! < (int)none["evidence"]!["end"]!;
                    Assert.False(samePlace && overlap, $"{file}:{line}: the place at {none["place"]!["start"]} is both none and {other["type"]} in one sentence");
                }
            }
        }
    }
}
