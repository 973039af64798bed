using EventExtractor.Extraction;
using EventExtractor.Places;
using EventExtractor.Text;

namespace EventExtractor.Tests.Extraction;

/// <summary>The document assembly rules on hand-made classified candidates (no model needed).</summary>
public class DocumentAssemblerTests
{
    private const string Model = "test-model";

    private static readonly EventActor SyrianArmy = new("Syria's army", "Syrian army", "SYR-GOV-MIL", "SY", "state");
    private static readonly EventActor Isis = new("ISIS", "ISIS", "ISIS", null, "non-state");
    private static readonly EventActor IraqiForces = new("Iraqi forces", "Iraqi forces", "IRQ-GOV-MIL", "IQ", "state");

    private static TextSpan Find(Document doc, string text, int from = 0)
    {
        int i = doc.Text.IndexOf(text, from, StringComparison.Ordinal);
        Assert.True(i >= 0, $"'{text}' not in the test text");
        return new TextSpan(i, i + text.Length);
    }

    private static ActorRef Actor(Document doc, string text, EventActor actor, int from = 0) => new(Find(doc, text, from), actor with { Text = text });

    private static PlaceRef Named(Document doc, string text, long id, PlaceKind kind = PlaceKind.Settlement, int from = 0) =>
        PlaceRef.Named(Find(doc, text, from), text, new EventPlace(text, text, id, 1, 2, "SY", null, "PPL"), kind);

    private static SentenceEvent Event(Document doc, string type, PlaceRef place, ActorRef? agent = null, ActorRef? counterpart = null, string? date = null, double confidence = 0.9) =>
        new(type, confidence, doc.SentenceAt(place.Span.Start), place, agent, counterpart, date, date is null ? null : "day");

    [Fact]
    public void Rule1_the_town_takes_the_named_place_before_it()
    {
        var doc = Document.Create("d", "Rebels attacked the town of Foo on Monday. Later the army retook the town.");
        var foo = Named(doc, "Foo", 1);
        var army = Actor(doc, "the army", SyrianArmy);
        var placeholder = PlaceRef.Placeholder(Find(doc, "the town."), "the town", PlaceKind.Settlement);
        var events = new[]
        {
            Event(doc, EventTypes.Contested, foo, date: "2017-01-02"),
            Event(doc, EventTypes.Captured, placeholder, army, date: "2017-01-03"),
        };
        var result = DocumentAssembler.Assemble(doc, events, [army], null, Model);
        Assert.Contains(result, e => e.Predicate == "captured(Syrian army, Foo, 2017-01-03)");
        Assert.Equal(2, result.Count);
    }

    [Fact]
    public void Rule1_headline_placeholder_takes_the_first_later_place_with_the_same_date()
    {
        var doc = Document.Create("d", "The army announced the capture of the last town held by ISIS. Fighting went on. The army captured Bar on that day.");
        var army = Actor(doc, "The army", SyrianArmy);
        var placeholder = PlaceRef.Placeholder(Find(doc, "the last town held by ISIS"), "the last town held by ISIS", PlaceKind.Settlement);
        var bar = Named(doc, "Bar", 2);
        var army2 = Actor(doc, "The army", SyrianArmy, 70);
        var result = DocumentAssembler.Assemble(doc,
            [Event(doc, EventTypes.Captured, placeholder, army, date: "2017-11-09"), Event(doc, EventTypes.Captured, bar, army2, date: "2017-11-09")],
            [army, army2], null, Model);
        var e = Assert.Single(result);
        Assert.Equal("captured(Syrian army, Bar, 2017-11-09)", e.Predicate);
        Assert.Equal([0, 2], e.Evidence.Select(x => x.Sentence));
    }

    [Fact]
    public void Unresolved_placeholder_is_not_reported()
    {
        var doc = Document.Create("d", "The army took the town.");
        var army = Actor(doc, "The army", SyrianArmy);
        var placeholder = PlaceRef.Placeholder(Find(doc, "the town"), "the town", PlaceKind.Settlement);
        Assert.Empty(DocumentAssembler.Assemble(doc, [Event(doc, EventTypes.Captured, placeholder, army)], [army], null, Model));
    }

    [Fact]
    public void Rule2_missing_agent_comes_from_the_previous_sentence()
    {
        var doc = Document.Create("d", "Iraqi forces are waging a final offensive. The capture of the key town of Al-Qaim on November 3 left ISIS with little.");
        var iraqi = Actor(doc, "Iraqi forces", IraqiForces);
        var isis = Actor(doc, "ISIS", Isis);
        var qaim = Named(doc, "Al-Qaim", 3);
        var result = DocumentAssembler.Assemble(doc, [Event(doc, EventTypes.Captured, qaim, null, isis, "2017-11-03")], [iraqi, isis], null, Model);
        var e = Assert.Single(result);
        Assert.Equal("captured(Iraqi forces, Al-Qaim, 2017-11-03)", e.Predicate);
        Assert.Equal("ISIS", e.Counterpart?.Name);
    }

    [Fact]
    public void Rule2_takes_the_nearest_actor_of_the_previous_sentence()
    {
        var doc = Document.Create("d", "After ISIS attacks, Iraqi forces advanced. The capture of Foo followed.");
        var isis = Actor(doc, "ISIS", Isis);
        var iraqi = Actor(doc, "Iraqi forces", IraqiForces);
        var foo = Named(doc, "Foo", 1);
        var e = Assert.Single(DocumentAssembler.Assemble(doc, [Event(doc, EventTypes.Captured, foo, date: "2017-01-01")], [isis, iraqi], null, Model));
        Assert.Equal("Iraqi forces", e.Actor?.Name);
    }

    [Fact]
    public void Rule3_loss_of_P_joins_the_capture_of_the_same_date()
    {
        var doc = Document.Create("d", "Syria's army announced Thursday the capture of the last town held by ISIS. After Thursday's loss of the town of Albu Kamal, ISIS is left with villages.");
        var army = Actor(doc, "Syria's army", SyrianArmy);
        var isis1 = Actor(doc, "ISIS", Isis);
        var isis2 = Actor(doc, "ISIS", Isis, 80);
        var placeholder = PlaceRef.Placeholder(Find(doc, "the last town held by ISIS"), "the last town held by ISIS", PlaceKind.Settlement);
        var albu = Named(doc, "Albu Kamal", 174448);
        var result = DocumentAssembler.Assemble(doc,
            [Event(doc, EventTypes.Captured, placeholder, army, isis1, "2017-11-09", 0.7), Event(doc, EventTypes.Withdrew, albu, isis2, null, "2017-11-09", 0.8)],
            [army, isis1, isis2], null, Model);
        var e = Assert.Single(result);
        Assert.Equal("captured(Syrian army, Albu Kamal, 2017-11-09)", e.Predicate);
        Assert.Equal("ISIS", e.Counterpart?.Name);
        Assert.Equal(174448, e.Place.GeonameId);
        Assert.Equal([0, 1], e.Evidence.Select(x => x.Sentence));
    }

    [Fact]
    public void Rule3_loss_on_another_date_stays_a_withdrawal()
    {
        var doc = Document.Create("d", "The army announced the capture of the town. ISIS lost Foo last year.");
        var army = Actor(doc, "The army", SyrianArmy);
        var isis = Actor(doc, "ISIS", Isis);
        var placeholder = PlaceRef.Placeholder(Find(doc, "the town"), "the town", PlaceKind.Settlement);
        var foo = Named(doc, "Foo", 1);
        var result = DocumentAssembler.Assemble(doc,
            [Event(doc, EventTypes.Captured, placeholder, army, date: "2017-11-09"), Event(doc, EventTypes.Withdrew, foo, isis, date: "2016-01-01")],
            [army, isis], null, Model);
        var e = Assert.Single(result);
        Assert.Equal("withdrew(ISIS, Foo, 2016-01-01)", e.Predicate);
    }

    [Fact]
    public void Rule4_same_type_actor_place_and_date_merge_with_all_evidence()
    {
        var doc = Document.Create("d", "The army captured Foo on Monday. Foo fell to the army after a week. Residents of Foo fled.");
        var army1 = Actor(doc, "The army", SyrianArmy);
        var army2 = Actor(doc, "the army", SyrianArmy);
        var foo1 = Named(doc, "Foo", 7);
        var foo2 = Named(doc, "Foo", 7, from: 30);
        var result = DocumentAssembler.Assemble(doc,
            [Event(doc, EventTypes.Captured, foo1, army1, date: "2017-01-02", confidence: 0.6), Event(doc, EventTypes.Captured, foo2, army2, date: "2017-01-02", confidence: 0.95)],
            [army1, army2], null, Model);
        var e = Assert.Single(result);
        Assert.Equal([0, 1], e.Evidence.Select(x => x.Sentence));
        Assert.Equal(0.95, e.Confidence);
        Assert.Equal(doc.Sentences[1].Start, e.Evidence[1].Start);
    }

    [Fact]
    public void Rule4_different_dates_do_not_merge()
    {
        var doc = Document.Create("d", "The army captured Foo in 2015. The army captured Foo again in 2017.");
        var army1 = Actor(doc, "The army", SyrianArmy);
        var army2 = Actor(doc, "The army", SyrianArmy, 20);
        var result = DocumentAssembler.Assemble(doc,
            [Event(doc, EventTypes.Captured, Named(doc, "Foo", 7), army1, date: "2015-01-01"), Event(doc, EventTypes.Captured, Named(doc, "Foo", 7, from: 40), army2, date: "2017-01-01")],
            [army1, army2], null, Model);
        Assert.Equal(2, result.Count);
    }

    [Fact]
    public void Rule5_undated_event_takes_the_document_date_with_precision_document()
    {
        var doc = Document.Create("d", "ISIS retains a presence in the Yarmuk camp.");
        var isis = Actor(doc, "ISIS", Isis);
        var e = Assert.Single(DocumentAssembler.Assemble(doc, [Event(doc, EventTypes.Controls, Named(doc, "Yarmuk", 9, PlaceKind.Facility), isis)], [isis], "2017-11-10", Model));
        Assert.Equal("2017-11-10", e.Date);
        Assert.Equal("document", e.DatePrecision);
        var none = Assert.Single(DocumentAssembler.Assemble(doc, [Event(doc, EventTypes.Controls, Named(doc, "Yarmuk", 9, PlaceKind.Facility), isis)], [isis], null, Model));
        Assert.Null(none.Date);
    }

    [Fact]
    public void Rule5_time_mention_goes_to_the_nearest_event_of_its_sentence()
    {
        var doc = Document.Create("d", "The capture of Al-Qaim on November 3 left the outpost of Rawa as all that remains under ISIS control.");
        var qaim = Named(doc, "Al-Qaim", 3);
        var rawa = Named(doc, "Rawa", 4);
        var span = Find(doc, "on November 3");
        var mention = new EventExtractor.Time.TimeMention(span, "on November 3", EventExtractor.Time.TimeKind.Explicit, new DateOnly(2017, 11, 3), new DateOnly(2017, 11, 3), EventExtractor.Time.DatePrecision.Day, null);
        var dated = ControlEventExtractor.AssignDates(doc, [Event(doc, EventTypes.Captured, qaim), Event(doc, EventTypes.Controls, rawa)], [mention]);
        Assert.Equal("2017-11-03", dated[0].Date);
        Assert.Equal("day", dated[0].DatePrecision);
        Assert.Null(dated[1].Date);
    }

    [Fact]
    public void None_label_is_dropped_and_output_is_deterministic()
    {
        var doc = Document.Create("d", "ISIS holds Foo. The army shelled Bar.");
        var isis = Actor(doc, "ISIS", Isis);
        var army = Actor(doc, "The army", SyrianArmy);
        SentenceEvent[] events = [Event(doc, EventTypes.Contested, Named(doc, "Bar", 2), army), Event(doc, EventTypes.None, Named(doc, "Foo", 1), isis), Event(doc, EventTypes.Controls, Named(doc, "Foo", 1), isis)];
        var a = DocumentAssembler.Assemble(doc, events, [isis, army], "2017-01-01", Model);
        var b = DocumentAssembler.Assemble(doc, events.Reverse().ToArray(), [isis, army], "2017-01-01", Model);
        Assert.Equal(["controls(ISIS, Foo, 2017-01-01)", "contested(Syrian army, Bar, 2017-01-01)"], a.Select(e => e.Predicate));
        Assert.Equal(a.Select(e => e.Id), b.Select(e => e.Id));
    }
}
