using System.Reflection;
using System.Security.Cryptography;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace EventExtractor.Classification;

/// <summary>
/// What a trained model was made from and how well it did: written beside the model zip by <c>eventx train</c>
/// and checked by <see cref="ControlClassifier.Load"/>.
/// </summary>
public sealed class ModelManifest
{
    public const string CurrentSchema = "control-classifier-manifest/1";

    public string Schema { get; set; } = CurrentSchema;
    public string Tool { get; set; } = "eventx";
    public string ToolVersion { get; set; } = ToolVersionString();
    public string MlNetVersion { get; set; } = MlNetVersionString();
    public int FeatureSetVersion { get; set; } = FeatureExtractor.FeatureSetVersion;
    public string LexiconSha256 { get; set; } = "";
    public string Trainer { get; set; } = "";
    public string TrainerOptions { get; set; } = "";
    public int Seed { get; set; }
    public string MentionFinder { get; set; } = "";
    public string? GazetteerSha256 { get; set; }
    public CorpusInfo Corpus { get; set; } = new();
    public IReadOnlyList<string> Labels { get; set; } = ControlLabels.All;
    public List<CrossValidationEntry> CrossValidation { get; set; } = [];
    public int[][] ConfusionMatrix { get; set; } = [];
    public Dictionary<string, double> RoleAccuracy { get; set; } = [];
    public double TrainingSeconds { get; set; }
    public ModelFileInfo Model { get; set; } = new();

    /// <summary>The pairwise role model beside the classifier (<c>role-classifier.zip</c>), or null when none was trained.</summary>
    public RoleModelInfo? RoleModel { get; set; }

    public sealed class CorpusInfo
    {
        public string Sha256 { get; set; } = "";
        public int Documents { get; set; }
        public int TrainDocuments { get; set; }
        public int TestDocuments { get; set; }
        public int Candidates { get; set; }
        public SortedDictionary<string, int> CandidatesPerLabel { get; set; } = new(StringComparer.Ordinal);
        public int GoldPlaces { get; set; }
        public int GoldPlacesMissedByFinder { get; set; }
        public int MultiLabelCandidates { get; set; }
        public int AnaphoricGoldEvents { get; set; }
        public int ExtraAcledRows { get; set; }
    }

    public sealed class CrossValidationEntry
    {
        public string Trainer { get; set; } = "";
        public string Options { get; set; } = "";
        public double MacroF1 { get; set; }
        public double MicroF1 { get; set; }
        public Dictionary<string, double[]> PerLabelPrf { get; set; } = [];
        public int[][] Confusion { get; set; } = [];
        public double Seconds { get; set; }
    }

    public sealed class ModelFileInfo
    {
        public string File { get; set; } = "";
        public string Sha256 { get; set; } = "";
        public long Bytes { get; set; }
    }

    /// <summary>
    /// How the role model was made and how it compared with the heuristic (<see cref="RoleAssigner"/>) in grouped
    /// cross-validation on the same gold-event candidates; <see cref="Used"/> says whether extraction uses it.
    /// </summary>
    public sealed class RoleModelInfo
    {
        public string File { get; set; } = "";
        public string Sha256 { get; set; } = "";
        public long Bytes { get; set; }
        public int FeatureSetVersion { get; set; }
        public string Trainer { get; set; } = "";
        public string TrainerOptions { get; set; } = "";
        public int Seed { get; set; }
        public double AgentThreshold { get; set; }
        public double CounterpartThreshold { get; set; }
        public int Folds { get; set; }
        public int GoldEventCandidates { get; set; }
        public int Pairs { get; set; }
        public double CvModelAgent { get; set; }
        public double CvModelCounterpart { get; set; }
        public double CvHeuristicAgent { get; set; }
        public double CvHeuristicCounterpart { get; set; }
        public int GoldWithoutAgent { get; set; }
        public int GoldAgentNotAmongActors { get; set; }
        public bool Used { get; set; }
        public double TrainingSeconds { get; set; }
    }

    private static readonly JsonSerializerSettings Settings = new()
    {
        ContractResolver = new DefaultContractResolver { NamingStrategy = new CamelCaseNamingStrategy { ProcessDictionaryKeys = false } },
        Formatting = Formatting.Indented,
        FloatFormatHandling = FloatFormatHandling.DefaultValue,
    };

    /// <summary>The manifest path beside a model: <c>X.zip</c> → <c>X.manifest.json</c>.</summary>
    public static string PathFor(string modelPath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(modelPath))!, Path.GetFileNameWithoutExtension(modelPath) + ".manifest.json");

    public string ToJson() => JsonConvert.SerializeObject(this, Settings) + "\n";

    public static ModelManifest FromJson(string json) =>
        JsonConvert.DeserializeObject<ModelManifest>(json, Settings) ?? throw new InvalidDataException("empty manifest");

    public static string Sha256OfFile(string path)
    {
        using var s = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(s));
    }

    public static string ToolVersionString() =>
        typeof(ModelManifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public static string MlNetVersionString() =>
        typeof(Microsoft.ML.MLContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0] ?? "unknown";

    public static CrossValidationEntry Entry(TrainerResult r) => new()
    {
        Trainer = r.Trainer.ToString(),
        Options = r.Options,
        MacroF1 = Math.Round(r.Metrics.MacroF1, 4),
        MicroF1 = Math.Round(r.Metrics.MicroF1, 4),
        PerLabelPrf = r.Metrics.PerLabel.ToDictionary(m => m.Label, m => new[] { Math.Round(m.Precision, 4), Math.Round(m.Recall, 4), Math.Round(m.F1, 4) }),
        Confusion = ConfusionArray(r.Metrics),
        Seconds = Math.Round(r.Seconds, 1),
    };

    public static int[][] ConfusionArray(ClassificationMetrics m) =>
        Enumerable.Range(0, m.Labels.Count).Select(i => Enumerable.Range(0, m.Labels.Count).Select(j => m.Confusion[i, j]).ToArray()).ToArray();
}

/// <summary>A model that cannot be used: missing or mismatched manifest, wrong feature set, or altered file.</summary>
public sealed class ModelMismatchException(string message) : Exception(message);
