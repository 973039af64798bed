using EventExtractor.Input;

namespace EventExtractor.Tests.Extraction;

/// <summary>
/// A place inside an actor mention ("Hayat" in Hayat Tahrir al-Sham, a village of that name in Aleppo; "Turkistan" in the
/// Turkistan Islamic Party; "Hadi" in pro-Hadi forces) names the actor: no event is placed there.
/// </summary>
public class ActorNamePlacesTests
{
    private static IReadOnlyList<(string Type, string Place)> Extract(string text) =>
        ExtractorFixture.Extractor!.Extract(new Article("t", text, new DateOnly(2018, 2, 1), null, "test"))
            .Select(e => (e.Type, e.Place.Text)).ToList();

    [ModelFact]
    public void A_place_word_inside_an_actors_name_is_no_events_place()
    {
        var events = Extract("Heavy fighting pitted government troops against Hayat Tahrir al-Sham and its allies around Zzyzxqar on Monday.");
        Assert.Contains(events, e => e.Place == "Zzyzxqar");
        Assert.DoesNotContain(events, e => e.Place == "Hayat");
    }

    [ModelFact]
    public void A_place_word_inside_a_patterned_actor_is_no_events_place()
    {
        // "Hadi" is a village in Sa'dah and, here, Yemen's president in "pro-Hadi forces".
        var events = Extract("Pro-Hadi soldiers seized Zzyzxqar from Houthi fighters after heavy fighting on Monday. "
            + "Houthi fighters then struck pro-Hadi soldiers on the northern edge of Zzyzxqar.");
        Assert.Contains(events, e => e.Place == "Zzyzxqar");
        Assert.DoesNotContain(events, e => e.Place == "Hadi");
    }

    [ModelFact]
    public void A_place_named_on_its_own_beside_such_an_actor_still_counts()
    {
        var events = Extract("Hayat Tahrir al-Sham fighters captured Saraqib from regime forces on Monday.");
        Assert.Contains(("captured", "Saraqib"), events);
    }
}
