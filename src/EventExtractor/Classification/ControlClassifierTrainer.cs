using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.LightGbm;

namespace EventExtractor.Classification;

/// <summary>The multiclass trainers compared by cross-validation.</summary>
public enum TrainerKind
{
    SdcaMaximumEntropy,
    LbfgsMaximumEntropy,
    LightGbm,
    AveragedPerceptronOva,
}

/// <summary>Cross-validated result of one trainer: metrics over the pooled out-of-fold predictions.</summary>
public sealed record TrainerResult(TrainerKind Trainer, string Options, ClassificationMetrics Metrics, double Seconds)
{
    /// <summary>The out-of-fold prediction of each row, in row order.</summary>
    public IReadOnlyList<string> OutOfFold { get; init; } = [];
}

/// <summary>
/// Builds, cross-validates and fits the control-event classifier. The ML.NET pipeline is standard transforms only
/// (key mapping and a trainer over the library's feature vector), so the saved model loads without custom factories.
/// </summary>
public static class ControlClassifierTrainer
{
    /// <summary>The trainer used when none is named: the best of the comparison recorded in README.md (Classification).</summary>
    public const TrainerKind DefaultTrainer = TrainerKind.LbfgsMaximumEntropy;

    public static string DescribeOptions(TrainerKind kind) => kind switch
    {
        TrainerKind.SdcaMaximumEntropy => "SdcaMaximumEntropy(threads=1, maxIterations=100, l2=default, balanced label weights)",
        TrainerKind.LbfgsMaximumEntropy => "LbfgsMaximumEntropy(threads=1, l1=0.0, l2=0.1, optTol=1e-5, balanced label weights)",
        TrainerKind.LightGbm => "LightGbm(multiclass, threads=1, iterations=100, leaves=16, minLeaf=5, lr=0.1, deterministic, balanced label weights)",
        TrainerKind.AveragedPerceptronOva => "OneVersusAll(AveragedPerceptron(iterations=20), calibrated; unweighted: the perceptron takes no weights)",
        _ => kind.ToString(),
    };

    public static IEstimator<ITransformer> BuildPipeline(MLContext ml, TrainerKind kind, int seed)
    {
        // Features arrive as one vector computed in the library (FeatureExtractor): the pipeline only maps labels
        // to keys, so the saved model is the trainer's parameters and a label map.
        var pipeline = ModelZip.MapLabels(ml, ControlLabels.All).AppendCacheCheckpoint(ml);
        IEstimator<ITransformer> trainer = kind switch
        {
            TrainerKind.SdcaMaximumEntropy => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                NumberOfThreads = 1, ExampleWeightColumnName = Weight, MaximumNumberOfIterations = 100, Shuffle = true,
            }),
            TrainerKind.LbfgsMaximumEntropy => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                NumberOfThreads = 1, ExampleWeightColumnName = Weight, L1Regularization = 0f, L2Regularization = 0.1f, OptimizationTolerance = 1e-5f,
            }),
            TrainerKind.LightGbm => ml.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
            {
                NumberOfThreads = 1, ExampleWeightColumnName = Weight, NumberOfIterations = 100, NumberOfLeaves = 16, MinimumExampleCountPerLeaf = 5,
                LearningRate = 0.1, Seed = seed, Verbose = false, Silent = true,
            }),
            TrainerKind.AveragedPerceptronOva => ml.MulticlassClassification.Trainers.OneVersusAll(
                ml.BinaryClassification.Trainers.AveragedPerceptron(new AveragedPerceptronTrainer.Options { NumberOfIterations = 20 })),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        return pipeline.Append(trainer).Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
    }

    /// <summary>
    /// Assigns each group to one of <paramref name="folds"/> folds, balancing candidate counts: groups sorted by size
    /// (then id), each to the currently smallest fold. A group is never split.
    /// </summary>
    public static Dictionary<string, int> AssignFolds(IEnumerable<string> groupOfEachRow, int folds)
    {
        var sizes = groupOfEachRow.GroupBy(g => g, StringComparer.Ordinal).Select(g => (Id: g.Key, Count: g.Count()))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Id, StringComparer.Ordinal).ToList();
        var load = new int[folds];
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (id, count) in sizes)
        {
            int f = 0;
            for (int i = 1; i < folds; i++) if (load[i] < load[f]) f = i;
            result[id] = f;
            load[f] += count;
        }
        return result;
    }

    /// <summary>Grouped k-fold cross-validation; metrics over the pooled out-of-fold predictions.</summary>
    public static TrainerResult CrossValidate(IReadOnlyList<CandidateFeatures> rows, TrainerKind kind, int seed, int folds = 5, TextWriter? progress = null)
    {
        var sw = Stopwatch.StartNew();
        var fold = AssignFolds(rows.Select(r => r.GroupId), folds);
        var pairs = new List<(string, string)>(rows.Count);
        var oof = new string[rows.Count];
        var index = new Dictionary<CandidateFeatures, int>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < rows.Count; i++) index[rows[i]] = i;
        for (int k = 0; k < folds; k++)
        {
            var train = rows.Where(r => fold[r.GroupId] != k).ToList();
            var test = rows.Where(r => fold[r.GroupId] == k).ToList();
            if (test.Count == 0 || train.Count == 0) continue;
            var model = Fit(train, kind, seed);
            var predicted = Predict(model, test, seed);
            for (int i = 0; i < test.Count; i++) { pairs.Add((test[i].Label, predicted[i])); oof[index[test[i]]] = predicted[i]; }
            progress?.WriteLine($"  {kind} fold {k + 1}/{folds}: {train.Count} train, {test.Count} test candidates ({sw.Elapsed.TotalSeconds:F1} s)");
        }
        return new TrainerResult(kind, DescribeOptions(kind), ClassificationMetrics.Compute(pairs), sw.Elapsed.TotalSeconds) { OutOfFold = oof };
    }

    /// <summary>Fits the pipeline on <paramref name="rows"/> with a fresh seeded context.</summary>
    public static ITransformer Fit(IReadOnlyList<CandidateFeatures> rows, TrainerKind kind, int seed)
    {
        BalanceWeights(rows);
        var ml = new MLContext(seed);
        var data = ml.Data.LoadFromEnumerable(rows);
        return BuildPipeline(ml, kind, seed).Fit(data);
    }

    /// <summary>
    /// Weighs each row by (size of the largest label) / (size of its label), so every label counts as much in training.
    /// withdrew has 118 candidates against 5,133 none: unweighted, the model rarely dares to predict it (recall 0.32).
    /// Balanced weights raised cross-validated macro F1 from 0.562 to 0.591 (README, Classification).
    /// </summary>
    public static void BalanceWeights(IReadOnlyList<CandidateFeatures> rows)
    {
        var counts = rows.GroupBy(r => r.Label, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        int largest = counts.Values.DefaultIfEmpty(1).Max();
        foreach (var r in rows) r.Weight = (float)largest / counts[r.Label];
    }

    private const string Weight = nameof(CandidateFeatures.Weight);

    /// <summary>The predicted label of every row, in order.</summary>
    public static string[] Predict(ITransformer model, IReadOnlyList<CandidateFeatures> rows, int seed = 0)
    {
        var ml = new MLContext(seed);
        var scored = model.Transform(ml.Data.LoadFromEnumerable(rows));
        return scored.GetColumn<string>("PredictedLabel").ToArray();
    }

    /// <summary>
    /// Saves the model as a zip whose bytes depend only on the model: entries in ordinal name order, each with a fixed
    /// timestamp, so the same corpus and seed give the same file.
    /// </summary>
    public static void SaveDeterministic(ITransformer model, string path) =>
        ModelZip.SaveDeterministic(model, new MLContext(0).Data.LoadFromEnumerable(Array.Empty<CandidateFeatures>()).Schema, path);
}
