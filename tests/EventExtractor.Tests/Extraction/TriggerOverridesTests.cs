using EventExtractor.Extraction;
using EventExtractor.Text;

namespace EventExtractor.Tests.Extraction;

/// <summary>The wordings that decide an event type whatever the classifier said.</summary>
public class TriggerOverridesTests
{
    private static string Relabel(string text, string place, string label)
    {
        var doc = Document.Create("d", text);
        int i = text.IndexOf(place, StringComparison.Ordinal);
        return TriggerOverrides.Relabel(doc, doc.SentenceAt(i), new TextSpan(i, i + place.Length), label);
    }

    [Theory]
    [InlineData("After Thursday's loss of the town of Albu Kamal on the border, ISIS is left with villages.", "Albu Kamal", "captured", "withdrew")]
    [InlineData("ISIL fighters abandoned their positions in al-Tamtheel village.", "al-Tamtheel", "contested", "withdrew")]
    [InlineData("Government forces took control of Jabal Hayyal near Palmyra.", "Jabal Hayyal", "none", "captured")]
    [InlineData("The Syrian army controlled al-Amriyah village after clashes with ISIL.", "al-Amriyah", "controls", "captured")]
    [InlineData("The Syrian army controlled al-Amriyah village.", "al-Amriyah", "controls", "controls")]
    [InlineData("ISIS retains a presence in the Yarmuk refugee camp.", "Yarmuk", "contested", "controls")]
    [InlineData("The capture of Al-Qaim on November 3 left the outpost of Rawa as all that remains under ISIS control.", "Rawa", "none", "controls")]
    [InlineData("The capture of Al-Qaim on November 3 left the outpost of Rawa as all that remains under ISIS control.", "Al-Qaim", "captured", "captured")]
    [InlineData("Shells fell on the village of al-Tayyas, damaging houses.", "al-Tayyas", "captured", "none")]
    [InlineData("Security forces seized explosives in the area of Jazal.", "Jazal", "captured", "none")]
    [InlineData("Residents took to the streets in Tadmur.", "Tadmur", "captured", "none")]
    [InlineData("Government forces seized the town of Foo.", "Foo", "captured", "captured")]
    public void Relabels(string text, string place, string label, string expected) => Assert.Equal(expected, Relabel(text, place, label));

    [Theory]
    [InlineData("ISIS is present in the Yarmuk camp just south of the capital Damascus.", "Damascus", true)]
    [InlineData("Fighting near Aleppo went on.", "Aleppo", true)]
    [InlineData("The army took Aleppo.", "Aleppo", false)]
    public void Reference_points(string text, string place, bool expected)
    {
        var doc = Document.Create("d", text);
        int i = text.IndexOf(place, StringComparison.Ordinal);
        Assert.Equal(expected, TriggerOverrides.IsReferencePoint(doc, 0, new TextSpan(i, i + place.Length)));
    }
}
