using EventExtractor.Input;

namespace EventExtractor.Tests.Extraction;

/// <summary>
/// "The village" after a named place is that place (corpus rule 1), whether or not an event was found at the name
/// itself; the place that only locates it ("X town of Afrin", "northern Aleppo") is not what "the village" means.
/// </summary>
public class AnaphoraTests
{
    private static IReadOnlyList<ControlEventView> Extract(string text) =>
        ExtractorFixture.Extractor!.Extract(new Article("t", text, new DateOnly(2018, 2, 1), null, "test"))
            .Select(e => new ControlEventView(e.Type, e.Place.Name)).ToList();

    private sealed record ControlEventView(string Type, string Place);

    [ModelFact]
    public void The_village_is_the_named_place_not_the_town_that_locates_it()
    {
        var events = Extract("Violent clashes took place between Turkish forces and YPG fighters in Zzyzxqar town of Afrin in northern Aleppo. "
            + "Turkish forces advanced to capture the village and surrounding hills.");
        Assert.Contains(new ControlEventView("captured", "Zzyzxqar"), events);
        Assert.DoesNotContain(events, e => e.Type == "captured" && e.Place != "Zzyzxqar");
    }

    [ModelFact]
    public void The_village_after_a_name_with_no_event_of_its_own_is_that_name()
    {
        var events = Extract("Turkish forces shelled Zzyzxqar Tahtani in northern Aleppo as Turkish forces captured the village after clashes with YPG fighters.");
        Assert.Contains(new ControlEventView("captured", "Zzyzxqar Tahtani"), events);
        Assert.DoesNotContain(events, e => e.Type == "captured" && e.Place != "Zzyzxqar Tahtani");
    }

    [ModelFact]
    public void A_place_that_only_locates_the_captured_village_has_no_event_of_its_own()
    {
        // Corpus rule 6: "Deir ez-Zor province when the event is in one of its villages" is context, not the event's place.
        var events = Extract("Turkish-backed rebels took the hamlet of Zzyzxqar (Jindires) from YPG fighters on Sunday.");
        Assert.Contains(new ControlEventView("captured", "Zzyzxqar"), events);
        Assert.DoesNotContain(events, e => e.Place != "Zzyzxqar");
    }

    [ModelFact]
    public void Two_places_of_a_list_each_keep_their_capture()
    {
        var events = Extract("The SDF captured Zzyzxqar and the town of Suluk from ISIS on Sunday.");
        Assert.Contains(new ControlEventView("captured", "Zzyzxqar"), events);
        Assert.Contains(new ControlEventView("captured", "Suluk"), events);
    }
}
