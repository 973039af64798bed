using Microsoft.ML;
using Microsoft.ML.Data;

namespace EventExtractor.Classification;

/// <summary>A classifier decision for one candidate: the label and the probability-like score of each label.</summary>
public sealed record ControlPrediction(string Label, float Confidence, IReadOnlyList<float> Scores);

/// <summary>
/// The trained control-event classifier, loaded from a model zip whose manifest beside it matches this build's
/// feature set and the zip's bytes.
/// </summary>
public sealed class ControlClassifier
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly ThreadLocal<PredictionEngine<CandidateFeatures, ScoredRow>> _engines;
    private readonly LinearScorer? _linear;

    private ControlClassifier(MLContext ml, ITransformer model, ModelManifest manifest, string path)
    {
        _ml = ml;
        _model = model;
        _engines = new ThreadLocal<PredictionEngine<CandidateFeatures, ScoredRow>>(() => _ml.Model.CreatePredictionEngine<CandidateFeatures, ScoredRow>(_model));
        _linear = LinearScorer.TryCreate(model, ControlLabels.All.Count);
        Manifest = manifest;
        ModelPath = path;
    }

    /// <summary>True when predictions come from the model's weights directly rather than an ML.NET prediction engine.</summary>
    public bool ScoresDirectly => _linear is not null;

    public ModelManifest Manifest { get; }

    public string ModelPath { get; }

    /// <summary>The default model location relative to a repository root or the current directory.</summary>
    public const string DefaultRelativePath = "models/control-classifier.zip";

    /// <summary>
    /// Loads a model after checking its manifest: refuses (with <see cref="ModelMismatchException"/>) a missing manifest,
    /// another schema or feature-set version, or a zip whose SHA-256 differs from the manifest's.
    /// </summary>
    public static ControlClassifier Load(string modelPath)
    {
        ArgumentNullException.ThrowIfNull(modelPath);
        if (!File.Exists(modelPath))
            throw new ModelMismatchException($"model file {modelPath} not found; run `eventx train` to create it");
        var manifestPath = ModelManifest.PathFor(modelPath);
        if (!File.Exists(manifestPath))
            throw new ModelMismatchException($"model manifest {manifestPath} is missing beside {modelPath}; run `eventx train` to rebuild the model");
        ModelManifest manifest;
        try { manifest = ModelManifest.FromJson(File.ReadAllText(manifestPath)); }
        catch (Newtonsoft.Json.JsonException e) { throw new ModelMismatchException($"model manifest {manifestPath} is not valid JSON ({e.Message}); run `eventx train`"); }
        Check(manifest, manifestPath, modelPath);

        var ml = new MLContext(manifest.Seed);
        ITransformer model;
        using (var s = File.OpenRead(modelPath)) model = ml.Model.Load(s, out _);
        return new ControlClassifier(ml, model, manifest, modelPath);
    }

    /// <summary>The manifest checks of <see cref="Load"/>, separately testable.</summary>
    public static void Check(ModelManifest manifest, string manifestPath, string modelPath)
    {
        if (manifest.Schema != ModelManifest.CurrentSchema)
            throw new ModelMismatchException($"{manifestPath}: manifest schema '{manifest.Schema}' is not '{ModelManifest.CurrentSchema}'; run `eventx train` to rebuild the model");
        if (manifest.FeatureSetVersion != FeatureExtractor.FeatureSetVersion)
            throw new ModelMismatchException($"{manifestPath}: the model was trained on feature set {manifest.FeatureSetVersion}, this build computes feature set {FeatureExtractor.FeatureSetVersion}; run `eventx train` to retrain");
        var sha = ModelManifest.Sha256OfFile(modelPath);
        if (!string.Equals(sha, manifest.Model.Sha256, StringComparison.OrdinalIgnoreCase))
            throw new ModelMismatchException($"{modelPath}: SHA-256 {sha} does not match {manifestPath} ({manifest.Model.Sha256}); the model and its manifest are from different runs: run `eventx train`");
        if (!manifest.Labels.SequenceEqual(ControlLabels.All))
            throw new ModelMismatchException($"{manifestPath}: labels [{string.Join(", ", manifest.Labels)}] differ from [{string.Join(", ", ControlLabels.All)}]; run `eventx train`");
    }

    /// <summary>Predictions for a batch of candidates, in order. Safe to call from many threads.</summary>
    public IReadOnlyList<ControlPrediction> Predict(IReadOnlyList<CandidateFeatures> rows)
    {
        if (rows.Count == 0) return [];
        if (_linear is not null) return rows.Select(r => Prediction(_linear.Probabilities(r.Features))).ToArray();
        return PredictWithEngine(rows);
    }

    /// <summary>Predictions through an ML.NET prediction engine: any trainer's model, and the reference for the direct scorer.</summary>
    public IReadOnlyList<ControlPrediction> PredictWithEngine(IReadOnlyList<CandidateFeatures> rows)
    {
        if (rows.Count == 0) return [];
        // One prediction engine per thread, made once: building a data view and running the pipeline per
        // article cost most of the extraction time. A PredictionEngine is not thread-safe, hence ThreadLocal.
        var engine = _engines.Value!;
        var result = new ControlPrediction[rows.Count];
        var scored = new ScoredRow();
        for (int i = 0; i < rows.Count; i++)
        {
            engine.Predict(rows[i], ref scored);
            var label = scored.PredictedLabel;
            var scores = scored.Score.ToArray();
            int li = ControlLabels.IndexOf(label);
            result[i] = new ControlPrediction(label, li >= 0 && li < scores.Length ? scores[li] : scores.Max(), scores);
        }
        return result;
    }

    private static ControlPrediction Prediction(float[] scores)
    {
        int best = 0;
        for (int i = 1; i < scores.Length; i++) if (scores[i] > scores[best]) best = i;
        return new ControlPrediction(ControlLabels.All[best], scores[best], scores);
    }

    /// <summary>The two columns prediction reads from the scored row.</summary>
    private sealed class ScoredRow
    {
        public string PredictedLabel { get; set; } = "";

        public float[] Score { get; set; } = [];
    }
}
