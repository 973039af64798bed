using EventExtractor.Actors;
using EventExtractor.Text;
using Xunit;

namespace EventExtractor.Tests.Actors;

public class ActorDictionaryTests
{
    private static readonly ActorDictionary Dictionary = ActorDictionary.LoadDefault();
    private static readonly ActorRecognizer Recognizer = new(Dictionary);

    [Fact]
    public void Default_dictionary_covers_the_parties_the_issue_names()
    {
        foreach (var id in new[]
        {
            "SYR-GOV-MIL", "IRQ-GOV-MIL", "TUR-GOV-MIL", "RUS-GOV-MIL", "CJTF-OIR", "IRN-GOV-MIL", "SDF", "SYR-YPG", "ISIS", "HTS", "NUSRA",
            "SYR-AHRAR-SHAM", "FSA", "TUR-SNA", "IRQ-PMF", "JKBW", "YEM-HOUTHI", "YEM-GOV-MIL", "YEM-UAE-BACKED", "SOM-SHABAAB", "AFG-TALIBAN",
            "UKR-GOV-MIL",
        })
            Assert.NotNull(Dictionary.Find(id));
        Assert.True(Dictionary.Count >= 100, $"only {Dictionary.Count} actors");
    }

    [Fact]
    public void Ids_are_unique_and_kinds_countries_and_links_valid()
    {
        Assert.Equal(Dictionary.Count, Dictionary.Actors.Select(a => a.Id).Distinct(StringComparer.Ordinal).Count());
        foreach (var a in Dictionary.Actors)
        {
            Assert.Contains(a.KindName, new[] { "state", "non-state", "coalition", "militia" });
            Assert.True(a.Country is null || (a.Country.Length == 2 && a.Country.All(char.IsAsciiLetterUpper)), a.Id);
            Assert.True(a.Parent is null || Dictionary.Find(a.Parent) is not null, a.Id);
            Assert.Equal(a.IsGeneric, a.Id.StartsWith("GEN-", StringComparison.Ordinal) || a.Id is "IRN-BACKED");
            Assert.NotEmpty(a.Aliases);
        }
    }

    [Fact]
    public void No_phrase_is_claimed_by_two_actors() => Assert.Empty(Dictionary.Lexicon.Conflicts);

    public static TheoryData<string, string> EveryAlias()
    {
        var data = new TheoryData<string, string>();
        foreach (var a in ActorDictionary.LoadDefault().Actors)
            foreach (var alias in a.Aliases)
                data.Add(a.Id, alias);
        return data;
    }

    /// <summary>Every alias, run through the recognizer as a sentence, finds its own actor over its whole length.</summary>
    [Theory]
    [MemberData(nameof(EveryAlias))]
    public void Every_alias_finds_its_own_actor(string id, string alias)
    {
        var text = $"Reports said {alias} took the town.";
        var mentions = Recognizer.Find(Document.Create("t", text));
        var hit = mentions.FirstOrDefault(m => m.Span.Start == "Reports said ".Length);
        Assert.True(hit is not null, $"{alias}: no mention ({string.Join(", ", mentions.Select(m => m.Text))})");
        Assert.Equal(alias, hit.Text);
        Assert.Equal(id, hit.Actor?.Id);
    }

    [Fact]
    public void Load_reads_a_user_file_and_rejects_bad_ones()
    {
        var dir = Directory.CreateTempSubdirectory("actors");
        try
        {
            var good = Path.Combine(dir.FullName, "extra.json");
            File.WriteAllText(good, """
                { "actors": [ { "id": "X-1", "name": "Example Brigade", "kind": "militia", "country": "SY", "aliases": ["Example Brigade", "EXB"] } ] }
                """);
            var dictionary = ActorDictionary.Load(good);
            Assert.Equal("Example Brigade", dictionary.Find("X-1")!.Name);
            var mention = Assert.Single(new ActorRecognizer(dictionary).Find(Document.Create("t", "the EXB took it")));
            Assert.Equal("X-1", mention.Actor!.Id);

            var bad = Path.Combine(dir.FullName, "bad.json");
            File.WriteAllText(bad, """[ { "id": "X-1", "name": "A", "kind": "army", "aliases": ["A"] } ]""");
            var e = Assert.Throws<InvalidDataException>(() => ActorDictionary.Load(bad));
            Assert.Contains("kind", e.Message);
            Assert.Throws<InvalidDataException>(() => ActorDictionary.Load(dir.FullName)); // both files: bad kind
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Duplicate_ids_are_rejected()
    {
        var a = Dictionary.Find("ISIS")!;
        Assert.Throws<InvalidDataException>(() => ActorDictionary.FromActors([a, a]));
    }

    [Theory]
    [InlineData("Da’esh", "daesh")]
    [InlineData("Asa'ib", "asaib")]
    [InlineData("Kobanî", "kobani")]
    [InlineData("Ḥayʼat", "hayat")]
    [InlineData("YBŞ", "ybs")]
    public void Tokens_fold_case_diacritics_and_apostrophes(string token, string folded) => Assert.Equal(folded, TokenFold.Fold(token));
}
