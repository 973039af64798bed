using EventExtractor.Places;
using EventExtractor.Text;

namespace EventExtractor.Extraction;

/// <summary>
/// The place of a sentence-level event: a named place (with its gazetteer entry when known), or a placeholder
/// noun phrase ("the town", "the last town held by X") that document assembly resolves to a named place.
/// </summary>
public sealed record PlaceRef(TextSpan Span, string Text, EventPlace? Place, PlaceKind Kind, bool IsPlaceholder)
{
    /// <summary>The merge key of the place: the GeoNames id when known, else the name; null for an unresolved placeholder.</summary>
    public string? Key => IsPlaceholder ? null : Place?.GeonameId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Place?.Name ?? Text;

    public static PlaceRef Named(TextSpan span, string text, EventPlace place, PlaceKind kind = PlaceKind.Settlement) => new(span, text, place, kind, false);

    public static PlaceRef Placeholder(TextSpan span, string text, PlaceKind kind) => new(span, text, null, kind, true);
}

/// <summary>An actor mention: where it is and who it is.</summary>
public sealed record ActorRef(TextSpan Span, EventActor Actor)
{
    public string Key => Actor.Id ?? Actor.Name;
}

/// <summary>
/// One classified candidate: a (place, sentence) pair the classifier labelled with an event type, its parties,
/// its own date (null when its sentence gives none) and the classifier's probability for the type.
/// </summary>
public sealed record SentenceEvent(
    string Type,
    double Confidence,
    int Sentence,
    PlaceRef Place,
    ActorRef? Agent,
    ActorRef? Counterpart,
    string? Date,
    string? DatePrecision);
