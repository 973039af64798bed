using System.Diagnostics;
using EventExtractor.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace EventExtractor.Classification;

/// <summary>The role of an actor mention in a candidate's event, as the pairwise role model predicts it.</summary>
public static class RoleLabels
{
    public const string Agent = "agent";
    public const string Counterpart = "counterpart";
    public const string Neither = "neither";

    /// <summary>All labels, in the order of the model's score vector.</summary>
    public static readonly IReadOnlyList<string> All = [Agent, Counterpart, Neither];
}

/// <summary>One (candidate, actor) pair as ML.NET sees it: the role label and the hashed sparse features.</summary>
public sealed class RolePairRow
{
    public string Label { get; set; } = RoleLabels.Neither;

    [VectorType(RoleFeatures.Dimension)]
    public VBuffer<float> Features { get; set; }
}

/// <summary>Grouped cross-validation of the role model against the heuristic on the same gold-event candidates.</summary>
public sealed record RoleCrossValidation(
    int Items, int Pairs, int Folds,
    double ModelAgent, double ModelCounterpart, double HeuristicAgent, double HeuristicCounterpart,
    int GoldWithoutAgent, int GoldAgentNotAmongActors, double Seconds)
{
    /// <summary>The model is used instead of the heuristic only when it is right more often on both roles' sum and worse on neither.</summary>
    public bool ModelBeatsHeuristic =>
        ModelAgent + ModelCounterpart > HeuristicAgent + HeuristicCounterpart && ModelAgent >= HeuristicAgent && ModelCounterpart >= HeuristicCounterpart;
}

/// <summary>
/// The pairwise role model: for a candidate and each actor of its sentence (and of the previous sentence), the
/// probability that the actor is the agent, the counterpart or neither (L-BFGS maximum entropy on
/// <see cref="RoleFeatures"/>). Decoding: the agent is the actor with the highest agent probability when it reaches
/// <see cref="AgentThreshold"/> (else none); the counterpart is the highest counterpart probability among the others
/// when it reaches <see cref="CounterpartThreshold"/>. The thresholds are chosen by cross-validation on the training
/// data (nested inside each fold when the model is scored, so the figures are not tuned on their own test folds).
/// </summary>
public sealed class RoleModel : IRoleAssigner
{
    public const string FileName = "role-classifier.zip";

    /// <summary>The trainer's options as recorded in the manifest.</summary>
    public const string TrainerOptions = "LbfgsMaximumEntropy(threads=1, l1=0.0, l2=3.0, optTol=1e-5)";

    /// <summary>The thresholds tried for the agent and the counterpart probability.</summary>
    public static readonly IReadOnlyList<float> AgentThresholds = [0.1f, 0.2f, 0.3f, 0.4f, 0.5f];
    public static readonly IReadOnlyList<float> CounterpartThresholds = [0.3f, 0.4f, 0.5f, 0.6f];

    public const float L2 = 3f;
    public const float Tolerance = 1e-5f;

    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly RoleFeatures _features;
    private readonly ThreadLocal<PredictionEngine<RolePairRow, ScoredPair>> _engines;
    private readonly LinearScorer? _linear;

    public RoleModel(ITransformer model, float agentThreshold, float counterpartThreshold, RoleFeatures? features = null, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(model);
        AgentThreshold = agentThreshold;
        CounterpartThreshold = counterpartThreshold;
        _ml = new MLContext(seed);
        _model = model;
        _features = features ?? new RoleFeatures();
        _engines = new ThreadLocal<PredictionEngine<RolePairRow, ScoredPair>>(() => _ml.Model.CreatePredictionEngine<RolePairRow, ScoredPair>(_model));
        _linear = LinearScorer.TryCreate(model, RoleLabels.All.Count);
    }

    /// <summary>The least agent probability for an actor to be the agent.</summary>
    public float AgentThreshold { get; }

    /// <summary>The least counterpart probability for an actor to be the counterpart.</summary>
    public float CounterpartThreshold { get; }

    /// <summary>Agent and counterpart of a candidate with the given type. Safe to call from many threads.</summary>
    public RoleAssignment Assign(Document doc, Candidate c, string label)
    {
        var pairs = _features.Extract(doc, c, label, names: false);
        return Decode(pairs, Score(pairs.Pairs), AgentThreshold, CounterpartThreshold);
    }

    /// <summary>The (agent, counterpart, neither) probabilities of each pair.</summary>
    public float[][] Score(IReadOnlyList<RolePair> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        // The weights straight (as the classifier does): a prediction engine per pair cost most of the roles stage.
        if (_linear is not null) return pairs.Select(p => _linear.Probabilities(RoleFeatures.Vector(p))).ToArray();
        return ScoreWithEngine(pairs);
    }

    /// <summary>The same probabilities through an ML.NET prediction engine: the reference for the direct scorer.</summary>
    public float[][] ScoreWithEngine(IReadOnlyList<RolePair> pairs)
    {
        var engine = _engines.Value!;
        var result = new float[pairs.Count][];
        var scored = new ScoredPair();
        for (int i = 0; i < pairs.Count; i++)
        {
            engine.Predict(new RolePairRow { Features = RoleFeatures.Vector(pairs[i]) }, ref scored);
            result[i] = scored.Score.ToArray();
        }
        return result;
    }

    /// <summary>At most one agent (highest agent probability at or above the threshold), then the best other actor as counterpart.</summary>
    public static RoleAssignment Decode(RolePairs pairs, IReadOnlyList<float[]> scores, float agentThreshold, float counterpartThreshold)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(scores);
        int agent = Best(scores, 0, agentThreshold, -1);
        int counterpart = Best(scores, 1, counterpartThreshold, agent);
        return new RoleAssignment(agent >= 0 ? pairs.Pairs[agent].Actor : null, counterpart >= 0 ? pairs.Pairs[counterpart].Actor : null, pairs.TriggerStart);
    }

    private static int Best(IReadOnlyList<float[]> scores, int column, float threshold, int except)
    {
        int best = -1;
        for (int i = 0; i < scores.Count; i++)
        {
            if (i == except || scores[i][column] < threshold) continue;
            if (best < 0 || scores[i][column] > scores[best][column]) best = i;
        }
        return best;
    }

    /// <summary>Training rows of a gold-event candidate: each pair labelled by the gold actor and counterpart it matches.</summary>
    public static IEnumerable<RolePairRow> TrainingRows(RoleFeatures features, Document doc, Candidate c)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (c.Gold is null) yield break;
        foreach (var p in features.Extract(doc, c, c.Label).Pairs)
            yield return new RolePairRow { Label = GoldRole(c.Gold, p.Actor), Features = RoleFeatures.Vector(p.Features) };
    }

    /// <summary>The gold role of an actor mention (a match with the gold actor wins over one with the counterpart).</summary>
    public static string GoldRole(AnnotatedEvent gold, ActorSpan actor)
    {
        ArgumentNullException.ThrowIfNull(gold);
        if (gold.Actor is not null && RoleAssigner.Matches(gold.Actor, actor)) return RoleLabels.Agent;
        if (gold.Counterpart is not null && RoleAssigner.Matches(gold.Counterpart, actor)) return RoleLabels.Counterpart;
        return RoleLabels.Neither;
    }

    /// <summary>Fits the role model with a fresh seeded context on one thread (deterministic).</summary>
    public static ITransformer Fit(IEnumerable<RolePairRow> rows, int seed, float l2 = L2, float tolerance = Tolerance)
    {
        var ml = new MLContext(seed);
        var pipeline = ModelZip.MapLabels(ml, RoleLabels.All)
            .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                NumberOfThreads = 1, L1Regularization = 0f, L2Regularization = l2, OptimizationTolerance = tolerance,
            }));
        return pipeline.Fit(ml.Data.LoadFromEnumerable(rows.ToList()));
    }

    /// <summary>Saves the model as a zip whose bytes depend only on the model.</summary>
    public static void Save(ITransformer model, string path) =>
        ModelZip.SaveDeterministic(model, new MLContext(0).Data.LoadFromEnumerable(Array.Empty<RolePairRow>()).Schema, path);

    /// <summary>
    /// The role model beside a loaded classifier when its manifest says to use one (<c>roleModel.used</c>), else null
    /// (the heuristic is used). A manifest that names a role model whose file is missing or altered is refused.
    /// </summary>
    public static RoleModel? LoadBeside(ControlClassifier classifier)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        if (classifier.Manifest.RoleModel is not { Used: true } info) return null;
        var path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(classifier.ModelPath))!, info.File.Length > 0 ? info.File : FileName);
        if (!File.Exists(path))
            throw new ModelMismatchException($"role model {path} named by {ModelManifest.PathFor(classifier.ModelPath)} is missing; run `eventx train`");
        return Load(path, info);
    }

    /// <summary>Loads a role model after checking its SHA-256 and feature-set version against the classifier manifest's section.</summary>
    public static RoleModel Load(string path, ModelManifest.RoleModelInfo info)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(info);
        if (info.FeatureSetVersion != RoleFeatures.Version)
            throw new ModelMismatchException($"{path}: the role model was trained on role feature set {info.FeatureSetVersion}, this build computes {RoleFeatures.Version}; run `eventx train`");
        var sha = ModelManifest.Sha256OfFile(path);
        if (!string.Equals(sha, info.Sha256, StringComparison.OrdinalIgnoreCase))
            throw new ModelMismatchException($"{path}: SHA-256 {sha} does not match the manifest's roleModel ({info.Sha256}); run `eventx train`");
        var ml = new MLContext(info.Seed);
        ITransformer model;
        using (var s = File.OpenRead(path)) model = ml.Model.Load(s, out _);
        return new RoleModel(model, (float)info.AgentThreshold, (float)info.CounterpartThreshold, null, info.Seed);
    }

    /// <summary>The role-model training data of a corpus: the gold-event candidates with their pairs and labelled rows.</summary>
    public sealed class TrainingData
    {
        public TrainingData(IReadOnlyList<Document> documents, IReadOnlyList<Candidate> candidates, RoleFeatures? features = null)
        {
            ArgumentNullException.ThrowIfNull(documents);
            ArgumentNullException.ThrowIfNull(candidates);
            Features = features ?? new RoleFeatures();
            var byId = documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
            AllGroups = candidates.Select(c => c.GroupId).ToList();
            Items = candidates.Where(c => c.Gold is not null).ToList();
            Documents = Items.Select(c => byId[c.DocumentId]).ToList();
            Pairs = Items.Select((c, i) => Features.Extract(Documents[i], c, c.Label)).ToList();
            Rows = Items.Select((c, i) => Pairs[i].Pairs.Select(p => new RolePairRow { Label = GoldRole(c.Gold!, p.Actor), Features = RoleFeatures.Vector(p.Features) }).ToList()).ToList();
        }

        public RoleFeatures Features { get; }

        /// <summary>The group of every candidate (events and not), from which folds are assigned as for the classifier.</summary>
        public IReadOnlyList<string> AllGroups { get; }

        /// <summary>The gold-event candidates (the items scored), their documents, pairs and rows, index-aligned.</summary>
        public IReadOnlyList<Candidate> Items { get; }

        public IReadOnlyList<Document> Documents { get; }

        public IReadOnlyList<RolePairs> Pairs { get; }

        public IReadOnlyList<List<RolePairRow>> Rows { get; }

        public IEnumerable<RolePairRow> RowsOf(IEnumerable<int> items) => items.SelectMany(i => Rows[i]);
    }

    /// <summary>Out-of-fold pair scores for <paramref name="subset"/> (item indexes), folds grouped by article.</summary>
    private static float[][][] ScoreOutOfFold(TrainingData data, IReadOnlyList<int> subset, Dictionary<string, int> fold, int folds, int seed, float[][][] into)
    {
        for (int k = 0; k < folds; k++)
        {
            var train = subset.Where(i => fold[data.Items[i].GroupId] != k).ToList();
            var test = subset.Where(i => fold[data.Items[i].GroupId] == k).ToList();
            if (train.Count == 0 || test.Count == 0) continue;
            var model = new RoleModel(Fit(data.RowsOf(train), seed), 0.5f, 0.5f, data.Features, seed);
            foreach (var i in test) into[i] = model.Score(data.Pairs[i].Pairs);
        }
        return into;
    }

    /// <summary>The thresholds (from the grids) that get most agents, then most counterparts, right on scored items.</summary>
    public static (float Agent, float Counterpart) ChooseThresholds(TrainingData data, IReadOnlyList<int> items, float[][][] scores)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(scores);
        var scored = items.Where(i => scores[i] is not null).ToList();
        (double, double, int) ScoreAt(float ta, float tc) =>
            RoleAssigner.Score(scored.Select(i => (data.Items[i], Decode(data.Pairs[i], scores[i], ta, tc))));
        float bestA = AgentThresholds[^1];
        double best = -1;
        foreach (var ta in AgentThresholds)
        {
            var (a, _, _) = ScoreAt(ta, 0.5f);
            if (a > best + 1e-12) { best = a; bestA = ta; }
        }
        float bestC = 0.5f;
        best = -1;
        foreach (var tc in CounterpartThresholds)
        {
            var (_, c, _) = ScoreAt(bestA, tc);
            if (c > best + 1e-12) { best = c; bestC = tc; }
        }
        return (bestA, bestC);
    }

    /// <summary>
    /// Grouped k-fold cross-validation over the gold-event candidates (folds from
    /// <see cref="ControlClassifierTrainer.AssignFolds"/> over all candidates' groups, as the classifier's), scoring the
    /// model and the heuristic with <see cref="RoleAssigner.Score"/> on exactly the same items. Each fold's thresholds
    /// are chosen by an inner 3-fold grouped cross-validation of its training part; the thresholds returned for the
    /// final model are those that do best on the pooled out-of-fold scores.
    /// </summary>
    public static (RoleCrossValidation Result, float AgentThreshold, float CounterpartThreshold) CrossValidate(TrainingData data, int seed, int folds = 5, TextWriter? progress = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var sw = Stopwatch.StartNew();
        var heuristic = new RoleAssigner(TriggerLexicon.LoadDefault());
        var fold = ControlClassifierTrainer.AssignFolds(data.AllGroups, folds);
        int n = data.Items.Count;
        var all = Enumerable.Range(0, n).ToList();
        var outer = ScoreOutOfFold(data, all, fold, folds, seed, new float[n][][]);
        var modelOut = new List<(Candidate, RoleAssignment)>();
        var heuristicOut = new List<(Candidate, RoleAssignment)>();
        for (int k = 0; k < folds; k++)
        {
            var train = all.Where(i => fold[data.Items[i].GroupId] != k).ToList();
            var test = all.Where(i => fold[data.Items[i].GroupId] == k).ToList();
            if (train.Count == 0 || test.Count == 0) continue;
            var innerFold = ControlClassifierTrainer.AssignFolds(train.Select(i => data.Items[i].GroupId), 3);
            var inner = ScoreOutOfFold(data, train, innerFold, 3, seed, new float[n][][]);
            var (ta, tc) = ChooseThresholds(data, train, inner);
            foreach (var i in test)
            {
                modelOut.Add((data.Items[i], Decode(data.Pairs[i], outer[i], ta, tc)));
                heuristicOut.Add((data.Items[i], heuristic.Assign(data.Documents[i], data.Items[i], data.Items[i].Label)));
            }
            progress?.WriteLine($"  role model fold {k + 1}/{folds}: {train.Count} train, {test.Count} test candidates, thresholds {ta}/{tc} ({sw.Elapsed.TotalSeconds:F1} s)");
        }
        var (ma, mc, scoredN) = RoleAssigner.Score(modelOut);
        var (ha, hc, _) = RoleAssigner.Score(heuristicOut);
        var (fa, fc) = ChooseThresholds(data, all, outer);
        int noAgent = data.Items.Count(c => c.Gold!.Actor is null);
        int unreachable = data.Items.Count(c => c.Gold!.Actor is { } g && !c.SentenceActors.Concat(c.PreviousActors).Any(a => RoleAssigner.Matches(g, a)));
        var result = new RoleCrossValidation(scoredN, data.Rows.Sum(r => r.Count), folds, ma, mc, ha, hc, noAgent, unreachable, sw.Elapsed.TotalSeconds);
        return (result, fa, fc);
    }

    /// <summary>
    /// Cross-validates the role model against the heuristic, fits it on all gold-event candidates and writes
    /// <see cref="FileName"/> into <paramref name="outputDirectory"/>; returns the manifest section.
    /// </summary>
    public static ModelManifest.RoleModelInfo TrainAndSave(IReadOnlyList<Document> documents, IReadOnlyList<Candidate> candidates, string outputDirectory, int seed, int folds = 5, TextWriter? progress = null)
    {
        var sw = Stopwatch.StartNew();
        var data = new TrainingData(documents, candidates);
        progress?.WriteLine($"role model: {data.Items.Count} gold-event candidates, {data.Rows.Sum(r => r.Count)} (candidate, actor) pairs; cross-validating ({folds} folds grouped by article)");
        var (cv, ta, tc) = CrossValidate(data, seed, folds, progress);
        progress?.WriteLine($"  role model: agent {cv.ModelAgent:F3} (heuristic {cv.HeuristicAgent:F3}), counterpart {cv.ModelCounterpart:F3} (heuristic {cv.HeuristicCounterpart:F3}) on {cv.Items} candidates; "
            + (cv.ModelBeatsHeuristic ? "the model is used" : "the heuristic is kept"));
        var model = Fit(data.RowsOf(Enumerable.Range(0, data.Items.Count)), seed);
        Directory.CreateDirectory(outputDirectory);
        var path = Path.Combine(outputDirectory, FileName);
        Save(model, path);
        return new ModelManifest.RoleModelInfo
        {
            File = FileName,
            Sha256 = ModelManifest.Sha256OfFile(path),
            Bytes = new FileInfo(path).Length,
            FeatureSetVersion = RoleFeatures.Version,
            Trainer = "LbfgsMaximumEntropy",
            TrainerOptions = TrainerOptions,
            Seed = seed,
            AgentThreshold = Math.Round((double)ta, 2),
            CounterpartThreshold = Math.Round((double)tc, 2),
            Folds = folds,
            GoldEventCandidates = cv.Items,
            Pairs = cv.Pairs,
            CvModelAgent = Math.Round(cv.ModelAgent, 4),
            CvModelCounterpart = Math.Round(cv.ModelCounterpart, 4),
            CvHeuristicAgent = Math.Round(cv.HeuristicAgent, 4),
            CvHeuristicCounterpart = Math.Round(cv.HeuristicCounterpart, 4),
            GoldWithoutAgent = cv.GoldWithoutAgent,
            GoldAgentNotAmongActors = cv.GoldAgentNotAmongActors,
            Used = cv.ModelBeatsHeuristic,
            TrainingSeconds = Math.Round(sw.Elapsed.TotalSeconds, 1),
        };
    }

    /// <summary>
    /// Trains only the role model on the train split of <paramref name="corpusDirectory"/> and records it in the
    /// classifier manifest already in <paramref name="outputDirectory"/> (<c>eventx train --roles-only</c>): adds a role
    /// model to a classifier trained without one, leaving the classifier and the rest of its manifest as they are.
    /// </summary>
    public static ModelManifest.RoleModelInfo TrainBesideClassifier(string corpusDirectory, string outputDirectory, int seed, IMentionFinder finder, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(finder);
        ArgumentNullException.ThrowIfNull(progress);
        var manifestPath = ModelManifest.PathFor(Path.Combine(outputDirectory, TrainingRun.ModelFileName));
        if (!File.Exists(manifestPath))
            throw new FileNotFoundException($"no classifier manifest {manifestPath}: run `eventx train` (which trains the role model too)", manifestPath);
        var manifest = ModelManifest.FromJson(File.ReadAllText(manifestPath));
        var all = CorpusReader.ReadDirectory(corpusDirectory);
        if (TrainingRun.CorpusHash(all) != manifest.Corpus.Sha256)
            progress.WriteLine($"warning: the corpus differs from the one the classifier in {outputDirectory} was trained on");
        var documents = new List<Document>();
        var candidates = new List<Candidate>();
        foreach (var cd in all.Where(d => !d.IsTest))
        {
            var doc = Document.Create(cd.Id, cd.Text, cd.Date);
            documents.Add(doc);
            candidates.AddRange(CandidateBuilder.Build(doc, finder.Find(doc), cd.Events, cd.ArticleId));
        }
        var info = TrainAndSave(documents, candidates, outputDirectory, seed, 5, progress);
        manifest.RoleModel = info;
        File.WriteAllText(manifestPath, manifest.ToJson(), new System.Text.UTF8Encoding(false));
        progress.WriteLine($"wrote {Path.Combine(outputDirectory, FileName)} ({info.Bytes} bytes) and its section of {manifestPath}");
        return info;
    }

    private sealed class ScoredPair
    {
        public float[] Score { get; set; } = [];
    }
}
