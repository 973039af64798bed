using System.Globalization;
using EventExtractor.Extraction;
using System.CommandLine;
using System.Text;
using EventExtractor.Classification;
using EventExtractor.Evaluation;
using Newtonsoft.Json;

namespace EventExtractor.Cli.Commands;

/// <summary>
/// <c>eventx evaluate [--corpus DIR | --acled FILE.csv] [--model FILE] [--json FILE]</c>: scores the model on the
/// corpus' held-out test split (per-type P/R/F1, macro F1, confusion matrix), or control-change detection on an
/// ACLED export read at run time.
/// </summary>
public static class EvaluateCommand
{
    public static Command Create()
    {
        var corpus = new Option<string?>("--corpus") { Description = "The compiled corpus directory (default corpus/documents); its test split is scored." };
        var acled = new Option<string?>("--acled") { Description = "An ACLED CSV export: score control-change detection on its rows." };
        var model = new Option<string?>("--model") { Description = "The model zip (default models/control-classifier.zip)." };
        var json = new Option<string?>("--json") { Description = "Also write the figures as JSON to this file." };
        var split = new Option<string?>("--split") { Description = "Corpus split to score (default test)." };
        var pipeline = new Option<bool>("--pipeline") { Description = "Score the whole pipeline (the events eventx extract outputs), not the classifier's candidates alone: on the ACLED rows, or with --corpus on the split's documents." };
        var countries = new Option<string?>("--countries") { Description = "With --pipeline: countries the rows are about, e.g. SY,IQ,YE (as eventx extract --countries)." };
        var command = new Command("evaluate", "Score the control-event classifier on the held-out corpus split or an ACLED export.");
        foreach (var o in new Option[] { corpus, acled, model, json, split, pipeline, countries }) command.Options.Add(o);
        command.SetAction(parse => Run(parse.GetValue(corpus), parse.GetValue(acled), parse.GetValue(model) ?? ControlClassifier.DefaultRelativePath,
            parse.GetValue(json), parse.GetValue(split) ?? "test", Console.Out, Console.Error, parse.GetValue(pipeline), parse.GetValue(countries)));
        return command;
    }

    public static int Run(string? corpus, string? acled, string modelPath, string? jsonPath, string split, TextWriter output, TextWriter errors, bool pipeline = false, string? countryList = null)
    {
        if (!Places.GeoparserOptions.TryParseCountries(countryList, out var countries) || countries.Count > 0 && !pipeline)
        {
            errors.WriteLine("eventx evaluate: --countries takes two-letter country codes such as SY,IQ,YE, and goes with --pipeline");
            return ExitCodes.UsageError;
        }
        if (corpus is not null && acled is not null)
        {
            errors.WriteLine("eventx evaluate: give --corpus or --acled, not both");
            return ExitCodes.UsageError;
        }
        // The candidate modes score the classifier alone; the pipeline modes load it inside the extractor, once.
        ControlClassifier? classifier = null;
        if (!pipeline)
        {
            try { classifier = ControlClassifier.Load(modelPath); }
            catch (ModelMismatchException e)
            {
                errors.WriteLine($"eventx evaluate: {e.Message}");
                return ExitCodes.UsageError;
            }
        }
        return ExitCodes.Guard("evaluate", errors, () =>
        {
            // The pipeline modes load the extractor, with its own geoparser; the others share one mention finder.
            ControlEventExtractor? LoadExtractor()
            {
                try { return ControlEventExtractor.Load(new ExtractorOptions { ModelPath = modelPath, Countries = countries }); }
                catch (ExtractorLoadException e)
                {
                    errors.WriteLine($"eventx evaluate: {e.Message}");
                    return null;
                }
            }
            object report;
            if (acled is not null)
            {
                var rows = AcledReader.Read(acled, errors);
                errors.WriteLine($"scoring {rows.Count} ACLED rows from {acled}");
                AcledScore s;
                string modelSha;
                if (pipeline)
                {
                    if (LoadExtractor() is not { } extractor) return ExitCodes.UsageError;
                    s = AcledScorer.ScorePipeline(rows, extractor.Extract, errors);
                    modelSha = extractor.ModelSha256;
                }
                else
                {
                    s = AcledScorer.Score(rows, classifier!, MentionFinders.CreateDefault(errors), errors);
                    modelSha = classifier!.Manifest.Model.Sha256;
                }
                output.WriteLine(FormattableString.Invariant($"ACLED control-change detection ({(pipeline ? "whole pipeline, as eventx extract" : "classifier candidates")}) over {s.Rows} rows ({s.TruePositive + s.FalseNegative} territory transfers)"));
                output.WriteLine(FormattableString.Invariant($"  TP {s.TruePositive}  FP {s.FalsePositive}  FN {s.FalseNegative}  TN {s.TrueNegative}"));
                output.WriteLine(FormattableString.Invariant($"  precision {s.Precision:F3}  recall {s.Recall:F3}  F1 {s.F1:F3}"));
                output.WriteLine(FormattableString.Invariant($"  place correct (within {AcledScorer.PlaceToleranceKm} km, or same name) {s.PlaceCorrect}/{s.PlaceChecked} = {s.PlaceAccuracy:F3}; {s.PlaceByCoordinates} of them within {AcledScorer.PlaceToleranceKm} km"));
                if (s.PlaceCorrectWithNear >= 0)
                    output.WriteLine(FormattableString.Invariant($"  place correct, a place the gazetteer lacks taken at its \"near\" place (\"X village near Y\") {s.PlaceCorrectWithNear}/{s.PlaceChecked} = {(s.PlaceChecked == 0 ? 0 : (double)s.PlaceCorrectWithNear / s.PlaceChecked):F3}"));
                if (s.PlaceInAnyEvent >= 0)
                    output.WriteLine(FormattableString.Invariant($"  the row's place among the note's change events (not only the most confident) {s.PlaceInAnyEvent}/{s.PlaceChecked} = {(s.PlaceChecked == 0 ? 0 : (double)s.PlaceInAnyEvent / s.PlaceChecked):F3}"));
                foreach (var (precision, (detected, right)) in s.ByGeoPrecision)
                    output.WriteLine(FormattableString.Invariant($"  place correct where ACLED's geo_precision is {precision}: {right}/{detected} = {(detected == 0 ? 0 : (double)right / detected):F3}"));
                report = new
                {
                    source = pipeline ? "acled-pipeline" : "acled", rows = s.Rows, truePositive = s.TruePositive, falsePositive = s.FalsePositive, falseNegative = s.FalseNegative, trueNegative = s.TrueNegative,
                    precision = Math.Round(s.Precision, 4), recall = Math.Round(s.Recall, 4), f1 = Math.Round(s.F1, 4),
                    placeChecked = s.PlaceChecked, placeCorrect = s.PlaceCorrect, placeAccuracy = Math.Round(s.PlaceAccuracy, 4), placeByCoordinates = s.PlaceByCoordinates, placeInAnyEvent = s.PlaceInAnyEvent, placeCorrectWithNear = s.PlaceCorrectWithNear,
                    placeByGeoPrecision = s.ByGeoPrecision.ToDictionary(p => p.Key.ToString(CultureInfo.InvariantCulture), p => new { detected = p.Value.Detected, placeCorrect = p.Value.PlaceCorrect }),
                    model = modelSha,
                };
            }
            else if (pipeline)
            {
                var dir = corpus ?? Path.Combine("corpus", "documents");
                var docs = CorpusReader.ReadDirectory(dir);
                if (LoadExtractor() is not { } extractor) return ExitCodes.UsageError;
                var r = CorpusPipelineScorer.Score(docs, extractor.Extract, split);
                output.WriteLine($"corpus {dir}, split '{split}': {r.Documents} documents; events of the whole pipeline, as eventx extract (type and place; actors and dates not scored)");
                output.WriteLine("  type        TP    FP    FN  precision  recall     F1");
                foreach (var m in r.ByType.Append(r.All))
                    output.WriteLine(FormattableString.Invariant($"  {m.Label,-10} {m.Correct,4}  {m.Predicted - m.Correct,4}  {m.Support - m.Correct,4}      {m.Precision:F3}   {m.Recall:F3}  {m.F1:F3}"));
                report = new
                {
                    source = "corpus-pipeline", corpus = dir, split, documents = r.Documents,
                    byType = r.ByType.Append(r.All).ToDictionary(m => m.Label, m => new
                    {
                        truePositive = m.Correct, falsePositive = m.Predicted - m.Correct, falseNegative = m.Support - m.Correct,
                        precision = Math.Round(m.Precision, 4), recall = Math.Round(m.Recall, 4), f1 = Math.Round(m.F1, 4),
                    }),
                    model = extractor.ModelSha256,
                };
            }
            else
            {
                var dir = corpus ?? Path.Combine("corpus", "documents");
                var docs = CorpusReader.ReadDirectory(dir);
                var r = CorpusEvaluation.Evaluate(docs, classifier!, MentionFinders.CreateDefault(errors), split);
                output.WriteLine($"corpus {dir}, split '{split}': {r.Documents} documents, {r.Metrics.Total} candidates; model {classifier!.Manifest.Trainer}");
                output.Write(r.Metrics.Format());
                output.WriteLine(FormattableString.Invariant($"roles (heuristic, over {r.RoleN} gold-event candidates): agent {r.AgentAccuracy:F3}, counterpart {r.CounterpartAccuracy:F3}"));
                if (r.RoleModelAccuracy is { } rm)
                    output.WriteLine(FormattableString.Invariant($"roles (role model, same candidates): agent {rm.Agent:F3}, counterpart {rm.Counterpart:F3}"));
                output.WriteLine($"gold places {r.Stats.GoldPlaces}, missed by the mention finder {r.Stats.GoldPlacesMissedByFinder}");
                report = new
                {
                    source = "corpus", corpus = dir, split, documents = r.Documents, metrics = r.Metrics.ToJsonObject(),
                    roles = new { agent = Math.Round(r.AgentAccuracy, 4), counterpart = Math.Round(r.CounterpartAccuracy, 4), n = r.RoleN },
                    roleModel = r.RoleModelAccuracy is { } m ? new { agent = Math.Round(m.Agent, 4), counterpart = Math.Round(m.Counterpart, 4) } : null,
                    goldPlaces = r.Stats.GoldPlaces, goldPlacesMissedByFinder = r.Stats.GoldPlacesMissedByFinder,
                    model = classifier.Manifest.Model.Sha256,
                };
            }
            if (jsonPath is not null)
                File.WriteAllText(jsonPath, JsonConvert.SerializeObject(report, Formatting.Indented) + "\n", new UTF8Encoding(false));
            return ExitCodes.Ok;
        });
    }
}
