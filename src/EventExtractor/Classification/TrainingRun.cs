using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using EventExtractor.Text;

namespace EventExtractor.Classification;

/// <summary>Candidates and their features for a set of corpus documents.</summary>
public sealed record FeaturizedCorpus(IReadOnlyList<Document> Documents, IReadOnlyList<Candidate> Candidates, IReadOnlyList<CandidateFeatures> Rows, CandidateStats Stats);

/// <summary>What <c>eventx train</c> was asked to do.</summary>
public sealed record TrainingRequest(string CorpusDirectory, string OutputDirectory, int Seed = 1, TrainerKind? Trainer = null, bool Compare = false, int Folds = 5)
{
    /// <summary>Extra training rows (already featurised), e.g. from a user's ACLED export; never used for the shipped model.</summary>
    public IReadOnlyList<CandidateFeatures> ExtraRows { get; init; } = [];

    /// <summary>The gazetteer's SHA-256 (from models/gazetteer.manifest.json) when one was used.</summary>
    public string? GazetteerSha256 { get; init; }

    /// <summary>Where to write the chosen trainer's out-of-fold predictions (TSV) for error analysis, or null.</summary>
    public string? OutOfFoldPath { get; init; }
}

/// <summary>Corpus → candidates → features → trainer comparison → final model and manifest.</summary>
public static class TrainingRun
{
    public const string ModelFileName = "control-classifier.zip";

    public static FeaturizedCorpus Featurize(IEnumerable<CorpusDocument> docs, IMentionFinder finder, FeatureExtractor? extractor = null)
    {
        extractor ??= new FeatureExtractor();
        var stats = new CandidateStats();
        var documents = new List<Document>();
        var candidates = new List<Candidate>();
        var rows = new List<CandidateFeatures>();
        foreach (var cd in docs)
        {
            var doc = Document.Create(cd.Id, cd.Text, cd.Date);
            documents.Add(doc);
            foreach (var c in CandidateBuilder.Build(doc, finder.Find(doc), cd.Events, cd.ArticleId, stats))
            {
                candidates.Add(c);
                rows.Add(extractor.Extract(doc, c));
            }
        }
        return new FeaturizedCorpus(documents, candidates, rows, stats);
    }

    /// <summary>SHA-256 over the corpus documents in id order (each document's id, split, text and events).</summary>
    public static string CorpusHash(IEnumerable<CorpusDocument> docs)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var d in docs.OrderBy(d => d.Id, StringComparer.Ordinal))
        {
            var sb = new StringBuilder();
            sb.Append(d.Id).Append('\u0001').Append(d.Split).Append('\u0001').Append(d.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Append('\u0001').Append(d.Text);
            foreach (var e in d.Events)
                sb.Append('\u0002').Append(e.Type).Append(':').Append(e.Place.Span.Start).Append('-').Append(e.Place.Span.End)
                  .Append(':').Append(e.Actor?.Span.Start).Append('-').Append(e.Actor?.Span.End)
                  .Append(':').Append(e.Counterpart?.Span.Start).Append('-').Append(e.Counterpart?.Span.End);
            sha.AppendData(Encoding.UTF8.GetBytes(sb.Append('\n').ToString()));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>Runs training; writes the model zip and its manifest into the output directory; returns the manifest.</summary>
    public static ModelManifest Run(TrainingRequest request, IMentionFinder finder, TextWriter progress)
    {
        var total = Stopwatch.StartNew();
        progress.WriteLine($"reading corpus {request.CorpusDirectory}");
        var all = CorpusReader.ReadDirectory(request.CorpusDirectory);
        var train = all.Where(d => !d.IsTest).ToList();
        if (train.Count == 0) throw new InvalidDataException($"no training documents (split != test) in {request.CorpusDirectory}");
        progress.WriteLine($"{all.Count} documents ({train.Count} train, {all.Count - train.Count} held-out test); building candidates with {finder.Name}");
        var data = Featurize(train, finder);
        var rows = data.Rows.Concat(request.ExtraRows).ToList();
        progress.WriteLine($"{rows.Count} candidates ({string.Join(", ", ControlLabels.All.Select(l => $"{l} {rows.Count(r => r.Label == l)}"))}); "
            + $"gold places {data.Stats.GoldPlaces}, missed by the mention finder {data.Stats.GoldPlacesMissedByFinder}; "
            + $"gold events told in another sentence than their place's (left out) {data.Stats.AnaphoricGoldEvents}");

        var manifest = new ModelManifest
        {
            Seed = request.Seed,
            LexiconSha256 = TriggerLexicon.DefaultHash(),
            MentionFinder = finder.Name,
            GazetteerSha256 = request.GazetteerSha256,
        };
        var kinds = request.Compare ? Enum.GetValues<TrainerKind>() : [request.Trainer ?? ControlClassifierTrainer.DefaultTrainer];
        var results = new List<TrainerResult>();
        foreach (var kind in kinds)
        {
            progress.WriteLine($"cross-validating {kind} ({request.Folds} folds grouped by article)");
            var r = ControlClassifierTrainer.CrossValidate(rows, kind, request.Seed, request.Folds, progress);
            progress.WriteLine($"  {kind}: macro F1 {r.Metrics.MacroF1:F3}, event micro F1 {r.Metrics.MicroF1:F3} ({r.Seconds:F1} s)");
            results.Add(r);
        }
        var chosenKind = request.Trainer ?? results.OrderByDescending(r => r.Metrics.MacroF1).First().Trainer;
        var chosen = results.First(r => r.Trainer == chosenKind);
        if (request.OutOfFoldPath is not null)
        {
            var sb = new StringBuilder("group\tlabel\tpredicted\tmasked\tgovernor\n");
            for (int i = 0; i < rows.Count; i++)
                sb.Append(rows[i].GroupId).Append('\t').Append(rows[i].Label).Append('\t').Append(chosen.OutOfFold[i]).Append('\t')
                  .Append(rows[i].Masked.Replace('\t', ' ')).Append('\t').Append(rows[i].Governor).Append('\n');
            File.WriteAllText(request.OutOfFoldPath, sb.ToString(), new UTF8Encoding(false));
        }
        progress.WriteLine($"training {chosenKind} on all {rows.Count} training candidates");
        var model = ControlClassifierTrainer.Fit(rows, chosenKind, request.Seed);

        Directory.CreateDirectory(request.OutputDirectory);
        var modelPath = Path.Combine(request.OutputDirectory, ModelFileName);
        ControlClassifierTrainer.SaveDeterministic(model, modelPath);

        // The pairwise role model (role-classifier.zip), trained on gold types; the manifest says whether it beat the heuristic.
        manifest.RoleModel = RoleModel.TrainAndSave(data.Documents, data.Candidates, request.OutputDirectory, request.Seed, request.Folds, progress);

        var roles = new RoleAssigner();
        var roleItems = data.Candidates.Where(c => c.Gold is not null)
            .Select(c => (c, roles.Assign(data.Documents.First(d => d.Id == c.DocumentId), c, c.Label)));
        var (agentAcc, counterAcc, roleN) = RoleAssigner.Score(roleItems);

        manifest.Trainer = chosenKind.ToString();
        manifest.TrainerOptions = ControlClassifierTrainer.DescribeOptions(chosenKind);
        manifest.Corpus = new ModelManifest.CorpusInfo
        {
            Sha256 = CorpusHash(all),
            Documents = all.Count,
            TrainDocuments = train.Count,
            TestDocuments = all.Count - train.Count,
            Candidates = rows.Count,
            GoldPlaces = data.Stats.GoldPlaces,
            GoldPlacesMissedByFinder = data.Stats.GoldPlacesMissedByFinder,
            MultiLabelCandidates = data.Stats.MultiLabelCandidates,
            AnaphoricGoldEvents = data.Stats.AnaphoricGoldEvents,
            ExtraAcledRows = request.ExtraRows.Count,
        };
        foreach (var l in ControlLabels.All) manifest.Corpus.CandidatesPerLabel[l] = rows.Count(r => r.Label == l);
        manifest.CrossValidation = results.Select(ModelManifest.Entry).ToList();
        manifest.ConfusionMatrix = ModelManifest.ConfusionArray(chosen.Metrics);
        manifest.RoleAccuracy = new Dictionary<string, double>
        {
            ["heuristicAgent"] = Math.Round(agentAcc, 4),
            ["heuristicCounterpart"] = Math.Round(counterAcc, 4),
            ["goldEventCandidates"] = roleN,
        };
        manifest.TrainingSeconds = Math.Round(total.Elapsed.TotalSeconds, 1);
        manifest.Model = new ModelManifest.ModelFileInfo
        {
            File = ModelFileName,
            Sha256 = ModelManifest.Sha256OfFile(modelPath),
            Bytes = new FileInfo(modelPath).Length,
        };
        File.WriteAllText(ModelManifest.PathFor(modelPath), manifest.ToJson(), new UTF8Encoding(false));
        progress.WriteLine($"wrote {modelPath} ({manifest.Model.Bytes} bytes) and its manifest in {total.Elapsed.TotalSeconds:F1} s");
        return manifest;
    }
}
