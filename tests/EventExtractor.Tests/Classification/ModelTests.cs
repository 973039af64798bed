using EventExtractor.Classification;

namespace EventExtractor.Tests.Classification;

/// <summary>Training, saving and loading on a tiny made-up corpus (a few sentences, seconds to train).</summary>
public class ModelTests
{
    private static List<CandidateFeatures> TinyRows()
    {
        var fx = new FeatureExtractor();
        var cases = new (string Text, string Place, string Actor, string Label)[]
        {
            ("The army captured Tadmur on Monday.", "Tadmur", "The army", "captured"),
            ("Rebels seized Kafr Nabl after clashes.", "Kafr Nabl", "Rebels", "captured"),
            ("ISIL withdrew from Sukhnah overnight.", "Sukhnah", "ISIL", "withdrew"),
            ("The militants retreated from Qaryatayn.", "Qaryatayn", "The militants", "withdrew"),
            ("ISIL held Raqqa for years.", "Raqqa", "ISIL", "controls"),
            ("The town of Dabiq remained under ISIL control.", "Dabiq", "ISIL", "controls"),
            ("The army attacked Maskanah again.", "Maskanah", "The army", "contested"),
            ("Rebels besieged Fu'ah all year.", "Fu'ah", "Rebels", "contested"),
            ("Reinforcements from Homs arrived, the army said.", "Homs", "the army", "none"),
            ("Rebels vowed to retake Idlib soon.", "Idlib", "Rebels", "none"),
        };
        var rows = new List<CandidateFeatures>();
        int g = 0;
        foreach (var (text, place, actor, label) in cases)
        {
            var (doc, c) = FeatureExtractorTests.Make(text, place, [], [actor], label);
            var f = fx.Extract(doc, c);
            f.GroupId = "g" + (g++ % 5);
            rows.Add(f);
        }
        return rows;
    }

    private static string TrainTo(string dir, int seed)
    {
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, TrainingRun.ModelFileName);
        var model = ControlClassifierTrainer.Fit(TinyRows(), TrainerKind.LbfgsMaximumEntropy, seed);
        ControlClassifierTrainer.SaveDeterministic(model, path);
        var manifest = new ModelManifest
        {
            Seed = seed,
            Trainer = nameof(TrainerKind.LbfgsMaximumEntropy),
            Model = new ModelManifest.ModelFileInfo { File = TrainingRun.ModelFileName, Sha256 = ModelManifest.Sha256OfFile(path), Bytes = new FileInfo(path).Length },
        };
        File.WriteAllText(ModelManifest.PathFor(path), manifest.ToJson());
        return path;
    }

    private static string TempDir() => Path.Combine(Path.GetTempPath(), "eventx-tests-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Same_rows_and_seed_give_a_byte_identical_model_file()
    {
        var a = TrainTo(TempDir(), 7);
        var b = TrainTo(TempDir(), 7);
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
    }

    [Fact]
    public void A_saved_model_loads_and_predicts_its_training_labels()
    {
        var path = TrainTo(TempDir(), 3);
        var classifier = ControlClassifier.Load(path);
        var rows = TinyRows();
        var predictions = classifier.Predict(rows);
        Assert.Equal(rows.Count, predictions.Count);
        Assert.True(rows.Zip(predictions).Count(p => p.First.Label == p.Second.Label) >= 8);
        Assert.All(predictions, p => Assert.Equal(ControlLabels.All.Count, p.Scores.Count));
    }

    [Fact]
    public void Missing_manifest_is_refused_with_a_message_naming_the_file_and_the_fix()
    {
        var path = TrainTo(TempDir(), 3);
        File.Delete(ModelManifest.PathFor(path));
        var e = Assert.Throws<ModelMismatchException>(() => ControlClassifier.Load(path));
        Assert.Contains("control-classifier.manifest.json", e.Message, StringComparison.Ordinal);
        Assert.Contains("eventx train", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_feature_set_version_is_refused()
    {
        var path = TrainTo(TempDir(), 3);
        var m = ModelManifest.FromJson(File.ReadAllText(ModelManifest.PathFor(path)));
        m.FeatureSetVersion = FeatureExtractor.FeatureSetVersion + 1;
        File.WriteAllText(ModelManifest.PathFor(path), m.ToJson());
        var e = Assert.Throws<ModelMismatchException>(() => ControlClassifier.Load(path));
        Assert.Contains("feature set", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Model_file_that_differs_from_its_manifest_is_refused()
    {
        var path = TrainTo(TempDir(), 3);
        var other = TrainTo(TempDir(), 4);
        var m = ModelManifest.FromJson(File.ReadAllText(ModelManifest.PathFor(path)));
        m.Model.Sha256 = ModelManifest.Sha256OfFile(other) == m.Model.Sha256 ? new string('0', 64) : m.Model.Sha256;
        File.AppendAllText(path, "x");
        var e = Assert.Throws<ModelMismatchException>(() => ControlClassifier.Load(path));
        Assert.Contains("SHA-256", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_direct_linear_scorer_gives_the_prediction_engines_probabilities()
    {
        var classifier = ControlClassifier.Load(TrainTo(TempDir(), 5));
        Assert.True(classifier.ScoresDirectly);
        var rows = TinyRows();
        var direct = classifier.Predict(rows);
        var engine = classifier.PredictWithEngine(rows);
        for (int i = 0; i < rows.Count; i++)
        {
            Assert.Equal(engine[i].Label, direct[i].Label);
            for (int k = 0; k < ControlLabels.All.Count; k++) Assert.Equal(engine[i].Scores[k], direct[i].Scores[k], 4);
        }
    }

    [Fact]
    public void Balanced_weights_make_every_label_weigh_as_much_as_the_largest()
    {
        var rows = TinyRows().Take(3).ToList(); // captured, captured, withdrew
        ControlClassifierTrainer.BalanceWeights(rows);
        Assert.Equal([1f, 1f, 2f], rows.Select(r => r.Weight));
    }
}
