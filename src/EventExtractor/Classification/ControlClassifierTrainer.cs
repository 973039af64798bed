using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.LightGbm;
using Microsoft.ML.Transforms.Text;

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
/// (key mapping, text featurisation, concatenation, a trainer), so the saved model loads without custom factories.
/// </summary>
public static class ControlClassifierTrainer
{
    /// <summary>The trainer used when none is named: the best of the comparison recorded in README.md (Classification).</summary>
    public const TrainerKind DefaultTrainer = TrainerKind.LbfgsMaximumEntropy;

    public static string DescribeOptions(TrainerKind kind) => kind switch
    {
        TrainerKind.SdcaMaximumEntropy => "SdcaMaximumEntropy(threads=1, maxIterations=100, l2=default)",
        TrainerKind.LbfgsMaximumEntropy => "LbfgsMaximumEntropy(threads=1, l1=0.0, l2=0.1, optTol=1e-7)",
        TrainerKind.LightGbm => "LightGbm(multiclass, threads=1, iterations=100, leaves=16, minLeaf=5, lr=0.1, deterministic)",
        TrainerKind.AveragedPerceptronOva => "OneVersusAll(AveragedPerceptron(iterations=20), calibrated)",
        _ => kind.ToString(),
    };

    public static IEstimator<ITransformer> BuildPipeline(MLContext ml, TrainerKind kind, int seed)
    {
        var labels = ml.Data.LoadFromEnumerable(ControlLabels.All.Select(l => new LabelRow { Label = l }));
        var words3 = new TextFeaturizingEstimator.Options
        {
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 3, UseAllLengths = true },
            CharFeatureExtractor = null,
            CaseMode = TextNormalizingEstimator.CaseMode.None,
            KeepPunctuations = true,
            KeepNumbers = true,
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        var words2 = new TextFeaturizingEstimator.Options
        {
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
            CharFeatureExtractor = null,
            CaseMode = TextNormalizingEstimator.CaseMode.None,
            KeepPunctuations = true,
            KeepNumbers = true,
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label", "Label", keyData: labels)
            .Append(ml.Transforms.Text.FeaturizeText("MaskedF", words3, nameof(CandidateFeatures.Masked)))
            .Append(ml.Transforms.Text.FeaturizeText("BetweenF", words2, nameof(CandidateFeatures.Between)))
            .Append(ml.Transforms.Text.FeaturizeText("BeforeF", words2, nameof(CandidateFeatures.Before)))
            .Append(ml.Transforms.Text.FeaturizeText("AfterF", words2, nameof(CandidateFeatures.After)))
            .Append(ml.Transforms.Text.FeaturizeText("GovernorF", words2, nameof(CandidateFeatures.Governor)))
            .Append(ml.Transforms.Concatenate("Features", "MaskedF", "BetweenF", "BeforeF", "AfterF", "GovernorF", nameof(CandidateFeatures.Dense)));
        IEstimator<ITransformer> trainer = kind switch
        {
            TrainerKind.SdcaMaximumEntropy => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                NumberOfThreads = 1, MaximumNumberOfIterations = 100, Shuffle = true,
            }),
            TrainerKind.LbfgsMaximumEntropy => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                NumberOfThreads = 1, L1Regularization = 0f, L2Regularization = 0.1f, OptimizationTolerance = 1e-7f,
            }),
            TrainerKind.LightGbm => ml.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
            {
                NumberOfThreads = 1, NumberOfIterations = 100, NumberOfLeaves = 16, MinimumExampleCountPerLeaf = 5,
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
        var ml = new MLContext(seed);
        var data = ml.Data.LoadFromEnumerable(rows);
        return BuildPipeline(ml, kind, seed).Fit(data);
    }

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

    private sealed class LabelRow
    {
        public string Label { get; set; } = "";
    }
}
