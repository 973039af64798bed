using EventExtractor.Classification;

namespace EventExtractor.Evaluation;

/// <summary>Scores a trained classifier on the corpus' held-out test split (or any split), with the role baseline.</summary>
public static class CorpusEvaluation
{
    public sealed record Result(ClassificationMetrics Metrics, int Documents, double AgentAccuracy, double CounterpartAccuracy, int RoleN, CandidateStats Stats);

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
        return new Result(metrics, selected.Count, agent, counter, n, data.Stats);
    }
}
