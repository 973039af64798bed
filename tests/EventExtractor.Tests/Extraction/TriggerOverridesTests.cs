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
    [InlineData("Rebels retook control of al-Amriyah village from the army.", "al-Amriyah", "controls", "captured")]
    [InlineData("The army established full control over al-Amriyah village.", "al-Amriyah", "controls", "captured")]
    [InlineData("The army is in full control of al-Amriyah village.", "al-Amriyah", "contested", "controls")]
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

    /// <summary>News wordings of a change of control: the result of an action (established control), implicative verbs
    /// (managed to, was able to), an advance's result, and a later clause whose control phrase has no object of its own.</summary>
    [Theory]
    [InlineData("Regime forces established control of Tadmur town following clashes with ISIL.", "Tadmur", "controls", "captured")]
    [InlineData("Following clashes, the army established control over the town of Maskanah.", "Maskanah", "controls", "captured")]
    [InlineData("The army managed to control al-Sukhnah village after clashes with ISIL.", "al-Sukhnah", "controls", "captured")]
    [InlineData("Rebels were able to control the town of Maskanah.", "Maskanah", "controls", "captured")]
    [InlineData("Government forces advanced to control Arak village in eastern Homs.", "Arak", "contested", "captured")]
    [InlineData("Loyalist militias advanced to establish control over Tiyas in Homs.", "Tiyas", "controls", "captured")]
    [InlineData("The army took back the Shaer gas field from ISIL.", "Shaer", "none", "captured")]
    [InlineData("The Syrian army controlled southern Arak after fighting with ISIL.", "Arak", "controls", "captured")] // direction word between
    [InlineData("The Syrian army controlled Arak village following clashes with ISIL.", "Arak", "controls", "captured")] // "following", not only "after"
    [InlineData("Clashes took place between the army and ISIL in Arak town in eastern Homs, where the army took control.", "Arak", "contested", "captured")]
    [InlineData("Clashes took place between the army and ISIL in Arak town in eastern Homs, where the army took control.", "Homs", "contested", "contested")] // a qualifier of Arak
    [InlineData("ISIL clashed with the rebels in al-Qaryatayn village, taking control of the village.", "al-Qaryatayn", "none", "captured")]
    [InlineData("ISIL clashed with the rebels in al-Qaryatayn village in the southern countryside of Homs, taking control of the village.", "Homs", "contested", "contested")]
    [InlineData("ISIL clashed with the rebels in the vicinity of al-Qaryatayn town, where ISIL took control.", "al-Qaryatayn", "contested", "captured")]
    [InlineData("Clashes took place in the town of Arak, where the army took control.", "Arak", "contested", "captured")]
    // Unnamed villages where the clause puts them, around a town, are told of the town (corpus rule 9), not of a region (rule 10).
    [InlineData("Clashes took place in the vicinity of Arak town, where the rebels established control of two villages.", "Arak", "contested", "captured")]
    [InlineData("Clashes took place in southern Idlib, where the rebels established control of two villages.", "Idlib", "contested", "contested")]
    [InlineData("Clashes took place in Arak town, where the rebels established control of the Shaer gas field.", "Arak", "contested", "contested")] // a named object
    [InlineData("Clashes took place between the army and HTS at Abu al-Duhur airbase, where the army managed to take control.", "Abu al-Duhur", "contested", "captured")]
    [InlineData("Rebel forces took control of a YPG camp north of Manbij.", "Manbij", "none", "captured")]
    [InlineData("Clashes took place in Arak town, where the rebels hold control.", "Arak", "contested", "contested")] // a state, not a change
    [InlineData("ISIL vowed to establish control over Tadmur.", "Tadmur", "controls", "controls")] // a plan: no past-tense phrase
    [InlineData("ISIL controlled Tadmur until 2016.", "Tadmur", "controls", "controls")]
    [InlineData("Tadmur was taken by the army.", "Tadmur", "captured", "captured")] // the place opens the document
    [InlineData("Government troops entered the al-Waer neighbourhood of Homs after an agreement with the rebels.", "al-Waer", "contested", "captured")]
    [InlineData("The Kurdish forces moved into the town of Manbij after ISIL withdrew.", "Manbij", "contested", "captured")]
    [InlineData("Government troops entered the al-Waer neighbourhood after heavy fighting.", "al-Waer", "contested", "contested")] // no consent or departure stated
    [InlineData("Rebels took control of a village near Suluk on Monday.", "Suluk", "none", "captured")]
    [InlineData("The army took control of the hills to the west of Suluk.", "Suluk", "contested", "captured")]
    [InlineData("Rebels claimed to recapture the village of Suluk from the army.", "Suluk", "none", "captured")]
    [InlineData("The army claims to have retaken Suluk.", "Suluk", "none", "captured")]
    [InlineData("The army vowed to recapture the village of Suluk.", "Suluk", "none", "none")] // a vow, not a claim
    [InlineData("The wounded fighters were evacuated to Suluk.", "Suluk", "none", "none")] // a destination, not a place given up
    public void Relabels_news_wordings_of_a_change_of_control(string text, string place, string label, string expected) =>
        Assert.Equal(expected, Relabel(text, place, label));

    [Theory]
    [InlineData("ISIS is present in the Yarmuk camp just south of the capital Damascus.", "Damascus", true)]
    [InlineData("Fighting near Aleppo went on.", "Aleppo", true)]
    [InlineData("The army took Aleppo.", "Aleppo", false)]
    // An unnamed place located by P is told of P (corpus rule 9): P is the event's place, not a landmark.
    [InlineData("The army took control of two villages near Suluk.", "Suluk", false)]
    [InlineData("Rebels seized a camp 5 km north of Suluk.", "Suluk", false)]
    [InlineData("Rebels seized Tal Qarzoun, 5 km north of Suluk.", "Suluk", true)]
    [InlineData("Rebels seized a YPG camp north of Suluk.", "Suluk", false)] // initials say whose the camp is, not its name
    [InlineData("Rebels seized the Yarmuk camp north of Suluk.", "Suluk", true)]
    public void Reference_points(string text, string place, bool expected)
    {
        var doc = Document.Create("d", text);
        int i = text.IndexOf(place, StringComparison.Ordinal);
        Assert.Equal(expected, TriggerOverrides.IsReferencePoint(doc, 0, new TextSpan(i, i + place.Length)));
    }
}
