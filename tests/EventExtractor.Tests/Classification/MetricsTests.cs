using EventExtractor.Classification;

namespace EventExtractor.Tests.Classification;

public class MetricsTests
{
    [Fact]
    public void Precision_recall_f1_and_confusion_on_a_hand_made_set()
    {
        var pairs = new (string, string)[]
        {
            ("captured", "captured"), ("captured", "captured"), ("captured", "withdrew"), ("captured", "none"),
            ("withdrew", "withdrew"),
            ("controls", "controls"), ("controls", "contested"),
            ("contested", "contested"),
            ("none", "captured"), ("none", "none"), ("none", "none"),
        };
        var m = ClassificationMetrics.Compute(pairs);
        var cap = m.PerLabel.Single(l => l.Label == "captured");
        Assert.Equal(4, cap.Support);
        Assert.Equal(3, cap.Predicted);
        Assert.Equal(2 / 3.0, cap.Precision, 6);
        Assert.Equal(0.5, cap.Recall, 6);
        Assert.Equal(2 * (2 / 3.0) * 0.5 / (2 / 3.0 + 0.5), cap.F1, 6);
        var wd = m.PerLabel.Single(l => l.Label == "withdrew");
        Assert.Equal(0.5, wd.Precision, 6);
        Assert.Equal(1.0, wd.Recall, 6);
        Assert.Equal(1, m.Confusion[0, 1]); // gold captured, predicted withdrew
        Assert.Equal(1, m.Confusion[4, 0]); // gold none, predicted captured
        Assert.Equal(11, m.Total);
        double con = 2 * 1.0 * 0.5 / 1.5, cst = 2 * 0.5 * 1.0 / 1.5;
        Assert.Equal((cap.F1 + wd.F1 + con + cst) / 4, m.MacroF1, 6);
        // micro over events: 5 correct of 8 predicted events, 8 gold events.
        Assert.Equal(5 / 8.0, m.MicroPrecision, 6);
        Assert.Equal(5 / 8.0, m.MicroRecall, 6);
    }

    [Fact]
    public void Unknown_label_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ClassificationMetrics.Compute([("captured", "seized")]));
    }
}
