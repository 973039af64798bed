using EventExtractor.Classification;

namespace EventExtractor.Evaluation;

/// <summary>Scores a trained classifier on the corpus' held-out test split (or any split), with the role baseline.</summary>
public static class CorpusEvaluation
{
    public sealed record Result(ClassificationMetrics Metrics, int Documents, double AgentAccuracy, double CounterpartAccuracy, int RoleN, CandidateStats Stats)
    {
        /// <summary>Agent and counterpart accuracy of the role model on the same candidates, when the classifier has one.</summary>
        public (double Agent, double Counterpart)? RoleModelAccuracy { get; init; }
    }

    public static Result Evaluate(IReadOnlyList<CorpusDocument> docs, ControlClassifier classifier, IMentionFinder finder, string split = "test")
    {
        var selected = docs.Where(d => string.Equals(d.Split, split, StringComparison.Ordinal)).ToList();
        var data = TrainingRun.Featurize(selected, finder);
        var predictions = classifier.Predict(data.Rows);
        var metrics = ClassificationMetrics.Compute(data.Rows.Select((r, i) => (r.Label, predictions[i].Label)));
        var roles = new RoleAssigner();
        var byId = data.Documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var (agent, counter, n) = RoleAssigner.Score(data.Candidates.Where(c => c.Gold is not null)
            .Select(c => (c, roles.Assign(byId[c.DocumentId], c, c.Label))));
        (double, double)? model = null;
        if (RoleModel.LoadBeside(classifier) is { } roleModel)
        {
            var (ma, mc, _) = RoleAssigner.Score(data.Candidates.Where(c => c.Gold is not null)
                .Select(c => (c, roleModel.Assign(byId[c.DocumentId], c, c.Label))));
            model = (ma, mc);
        }
        return new Result(metrics, selected.Count, agent, counter, n, data.Stats) { RoleModelAccuracy = model };
    }
}
