using System.CommandLine;
using EventExtractor.Actors;
using EventExtractor.Classification;
using EventExtractor.Evaluation;
using Newtonsoft.Json.Linq;

namespace EventExtractor.Cli.Commands;

/// <summary>
/// <c>eventx train [--corpus DIR] [--out DIR] [--seed N] [--trainer NAME] [--compare] [--acled FILE.csv]</c>:
/// cross-validates the trainer (grouped by article) on the corpus' train split, fits it on all of it, and writes
/// <c>control-classifier.zip</c> with its manifest. <c>--compare</c> cross-validates all four trainers and keeps the
/// best (about 11 minutes, mostly LightGBM). Progress goes to standard error.
/// </summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var corpus = new Option<string>("--corpus") { Description = "The compiled corpus directory (default corpus/documents)." };
        var output = new Option<string>("--out") { Description = "Where to write control-classifier.zip and its manifest (default models)." };
        var seed = new Option<int>("--seed") { Description = "Random seed (default 1): same corpus and seed give the same model file.", DefaultValueFactory = _ => 1 };
        var trainer = new Option<string?>("--trainer") { Description = "SdcaMaximumEntropy, LbfgsMaximumEntropy, LightGbm or AveragedPerceptronOva (default: LbfgsMaximumEntropy, the best of the comparison in README.md; with --compare, the best by cross-validation)." };
        var compare = new Option<bool>("--compare") { Description = "Cross-validate all four trainers and keep the best (about 11 minutes on 2 cores)." };
        var oof = new Option<string?>("--out-of-fold") { Description = "Write the chosen trainer's out-of-fold predictions on the corpus as TSV (error analysis)." };
        var acled = new Option<string?>("--acled") { Description = "An ACLED export whose rows are added as training data (for a user's own model; never for the shipped one)." };
        var rolesOnly = new Option<bool>("--roles-only") { Description = "Train only the role model (role-classifier.zip) beside the classifier already in --out, and record it in its manifest." };
        var command = new Command("train", "Train the control-event classifier on the annotated corpus and write the model with its manifest.");
        foreach (var o in new Option[] { corpus, output, seed, trainer, compare, acled, oof, rolesOnly }) command.Options.Add(o);
        command.SetAction(parse => Run(
            parse.GetValue(corpus) ?? Path.Combine("corpus", "documents"),
            parse.GetValue(output) ?? "models",
            parse.GetValue(seed),
            parse.GetValue(trainer),
            parse.GetValue(compare),
            parse.GetValue(acled),
            Console.Error,
            parse.GetValue(oof),
            parse.GetValue(rolesOnly)));
        return command;
    }

    public static int Run(string corpus, string output, int seed, string? trainerName, bool compare, string? acledPath, TextWriter errors, string? outOfFoldPath = null, bool rolesOnly = false)
    {
        TrainerKind? trainer = null;
        if (trainerName is not null)
        {
            if (!Enum.TryParse<TrainerKind>(trainerName, ignoreCase: true, out var k))
            {
                errors.WriteLine($"eventx train: unknown trainer '{trainerName}'; use one of {string.Join(", ", Enum.GetNames<TrainerKind>())}");
                return ExitCodes.UsageError;
            }
            trainer = k;
        }
        return ExitCodes.Guard("train", errors, () =>
        {
            var finder = MentionFinders.CreateDefault(errors);
            if (rolesOnly)
            {
                RoleModel.TrainBesideClassifier(corpus, output, seed, finder, errors);
                return ExitCodes.Ok;
            }
            var extra = new List<CandidateFeatures>();
            if (acledPath is not null)
            {
                errors.WriteLine($"adding ACLED rows from {acledPath} as training data (this model is yours, not the shipped one)");
                extra.AddRange(AcledScorer.TrainingRows(AcledReader.Read(acledPath, errors), finder));
            }
            var request = new TrainingRequest(corpus, output, seed, trainer, compare)
            {
                ExtraRows = extra,
                GazetteerSha256 = GazetteerHash(),
                OutOfFoldPath = outOfFoldPath,
            };
            var manifest = TrainingRun.Run(request, finder, errors);
            errors.WriteLine($"trainer {manifest.Trainer}; cross-validated macro F1 {manifest.CrossValidation.First(c => c.Trainer == manifest.Trainer).MacroF1:F3}");
            return ExitCodes.Ok;
        });
    }

    /// <summary>The gazetteer's SHA-256 from models/gazetteer.manifest.json when present, else null.</summary>
    public static string? GazetteerHash()
    {
        var path = Path.Combine("models", "gazetteer.manifest.json");
        if (!File.Exists(path)) return null;
        try { return (string?)JObject.Parse(File.ReadAllText(path))["sha256"]; }
        catch (Newtonsoft.Json.JsonException) { return null; }
    }
}
