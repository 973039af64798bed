namespace EventExtractor.Classification;

/// <summary>Precision, recall and F1 of one label, with the counts they come from.</summary>
public sealed record LabelMetrics(string Label, int Support, int Predicted, int Correct)
{
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;
    public double Recall => Support == 0 ? 0 : (double)Correct / Support;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>
/// Metrics computed from (gold, predicted) label pairs: a confusion matrix over <see cref="ControlLabels.All"/>,
/// per-label P/R/F1, macro F1 over the four event types, and micro P/R/F1 of "an event of the right type".
/// </summary>
public sealed class ClassificationMetrics
{
    public ClassificationMetrics(IReadOnlyList<string> labels, IEnumerable<(string Gold, string Predicted)> pairs)
    {
        Labels = labels;
        Confusion = new int[labels.Count, labels.Count];
        foreach (var (g, p) in pairs)
        {
            int gi = IndexOf(g), pi = IndexOf(p);
            Confusion[gi, pi]++;
            Total++;
        }
        PerLabel = labels.Select((l, i) =>
        {
            int support = 0, predicted = 0;
            for (int j = 0; j < labels.Count; j++) { support += Confusion[i, j]; predicted += Confusion[j, i]; }
            return new LabelMetrics(l, support, predicted, Confusion[i, i]);
        }).ToList();
    }

    /// <summary>Metrics over the standard label set (four types and none).</summary>
    public static ClassificationMetrics Compute(IEnumerable<(string Gold, string Predicted)> pairs) => new(ControlLabels.All, pairs);

    public IReadOnlyList<string> Labels { get; }

    /// <summary>Rows are gold labels, columns predicted labels, both in <see cref="Labels"/> order.</summary>
    public int[,] Confusion { get; }

    public int Total { get; }

    public IReadOnlyList<LabelMetrics> PerLabel { get; }

    /// <summary>The mean F1 of the event types (every label but <c>none</c>).</summary>
    public double MacroF1 => PerLabel.Where(m => m.Label != ControlLabels.None).Select(m => m.F1).DefaultIfEmpty(0).Average();

    /// <summary>Micro precision over event predictions: a predicted event is right when its type is the gold type.</summary>
    public double MicroPrecision
    {
        get
        {
            var ev = PerLabel.Where(m => m.Label != ControlLabels.None).ToList();
            int pred = ev.Sum(m => m.Predicted);
            return pred == 0 ? 0 : (double)ev.Sum(m => m.Correct) / pred;
        }
    }

    public double MicroRecall
    {
        get
        {
            var ev = PerLabel.Where(m => m.Label != ControlLabels.None).ToList();
            int sup = ev.Sum(m => m.Support);
            return sup == 0 ? 0 : (double)ev.Sum(m => m.Correct) / sup;
        }
    }

    public double MicroF1 => MicroPrecision + MicroRecall == 0 ? 0 : 2 * MicroPrecision * MicroRecall / (MicroPrecision + MicroRecall);

    public double Accuracy
    {
        get
        {
            int c = 0;
            for (int i = 0; i < Labels.Count; i++) c += Confusion[i, i];
            return Total == 0 ? 0 : (double)c / Total;
        }
    }

    private int IndexOf(string label)
    {
        for (int i = 0; i < Labels.Count; i++) if (Labels[i] == label) return i;
        throw new ArgumentException($"unknown label '{label}'; expected one of {string.Join(", ", Labels)}");
    }

    /// <summary>A plain-text report: per-label table and confusion matrix.</summary>
    public string Format()
    {
        var sb = new System.Text.StringBuilder();
        sb.AppendLine(System.FormattableString.Invariant($"{"label",-10} {"P",6} {"R",6} {"F1",6} {"support",8} {"predicted",9}"));
        foreach (var m in PerLabel)
            sb.AppendLine(System.FormattableString.Invariant($"{m.Label,-10} {m.Precision,6:F3} {m.Recall,6:F3} {m.F1,6:F3} {m.Support,8} {m.Predicted,9}"));
        sb.AppendLine(System.FormattableString.Invariant($"macro F1 (4 types) {MacroF1:F3}; events micro P {MicroPrecision:F3} R {MicroRecall:F3} F1 {MicroF1:F3}; accuracy {Accuracy:F3} over {Total}"));
        sb.AppendLine("confusion (rows gold, columns predicted):");
        sb.Append(new string(' ', 10));
        foreach (var l in Labels) sb.Append(System.FormattableString.Invariant($" {l,9}"));
        sb.AppendLine();
        for (int i = 0; i < Labels.Count; i++)
        {
            sb.Append(System.FormattableString.Invariant($"{Labels[i],-10}"));
            for (int j = 0; j < Labels.Count; j++) sb.Append(System.FormattableString.Invariant($" {Confusion[i, j],9}"));
            sb.AppendLine();
        }
        return sb.ToString();
    }

    /// <summary>A JSON-friendly object: per label, macro/micro, confusion as nested arrays.</summary>
    public object ToJsonObject() => new
    {
        labels = Labels,
        perLabel = PerLabel.Select(m => new { label = m.Label, precision = Math.Round(m.Precision, 4), recall = Math.Round(m.Recall, 4), f1 = Math.Round(m.F1, 4), support = m.Support, predicted = m.Predicted }),
        macroF1 = Math.Round(MacroF1, 4),
        microPrecision = Math.Round(MicroPrecision, 4),
        microRecall = Math.Round(MicroRecall, 4),
        microF1 = Math.Round(MicroF1, 4),
        accuracy = Math.Round(Accuracy, 4),
        total = Total,
        confusion = Enumerable.Range(0, Labels.Count).Select(i => Enumerable.Range(0, Labels.Count).Select(j => Confusion[i, j]).ToArray()).ToArray(),
    };
}
