using EventExtractor.Classification;
using EventExtractor.Cli.Commands;

namespace EventExtractor.Tests.Cli;

/// <summary>
/// <c>eventx train --acled FILE</c>: a user's ACLED export adds training rows (territory-transfer rows label the
/// candidate named like their location captured, the rest none). The rows here are invented, in ACLED's columns.
/// </summary>
public class TrainAcledTests
{
    private const string Header = "data_id,event_date,event_type,actor1,actor2,location,latitude,longitude,notes";

    private static readonly string[] Rows =
    [
        "1,2016-03-27,Battle-Government regains territory,Military Forces of Syria,ISIS,Palmyra,34.56,38.27,\"Syrian government forces recaptured Palmyra from ISIS after clashes.\"",
        "2,2016-12-11,Battle-Non-state actor overtakes territory,ISIS,Military Forces of Syria,Palmyra,34.56,38.27,\"ISIS fighters seized Palmyra again, pushing government forces out of the city.\"",
        "3,2016-05-02,Battle-No change of territory,Military Forces of Syria,ISIS,Deir ez-Zor,35.33,40.14,\"Clashes took place between government forces and ISIS in Deir ez-Zor.\"",
    ];

    private static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "eventx-train-acled-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>A small corpus: the first eight documents of one annotated article (all in the train split).</summary>
    private static string SmallCorpus()
    {
        var dir = TempDir();
        var source = Path.Combine(TestData.RepoRoot, "corpus", "documents", "2014_eastern_syria_offensive.jsonl");
        File.WriteAllLines(Path.Combine(dir, "small.jsonl"), File.ReadLines(source).Take(8));
        return dir;
    }

    private static ModelManifest Train(string corpus, string? acled)
    {
        var output = TempDir();
        var errors = new StringWriter();
        int code = TrainCommand.Run(corpus, output, seed: 1, "LbfgsMaximumEntropy", compare: false, acled, errors);
        Assert.True(code == 0, errors.ToString());
        return ModelManifest.FromJson(File.ReadAllText(Path.Combine(output, "control-classifier.manifest.json")));
    }

    [Fact]
    public void Acled_rows_are_added_as_labelled_training_candidates()
    {
        var corpus = SmallCorpus();
        var acled = Path.Combine(TempDir(), "export.csv");
        File.WriteAllLines(acled, Rows.Prepend(Header));

        var without = Train(corpus, null);
        var with = Train(corpus, acled);

        Assert.Equal(0, without.Corpus.ExtraAcledRows);
        Assert.True(with.Corpus.ExtraAcledRows >= 3, $"{with.Corpus.ExtraAcledRows} ACLED candidates");
        Assert.Equal(without.Corpus.Candidates + with.Corpus.ExtraAcledRows, with.Corpus.Candidates);
        // The two transfer rows name Palmyra in their notes: two more captured candidates; the battle row adds none.
        Assert.Equal(without.Corpus.CandidatesPerLabel["captured"] + 2, with.Corpus.CandidatesPerLabel["captured"]);
    }
}
