using EventExtractor.Text;

namespace EventExtractor.Places;

/// <summary>
/// A place named in a document: the words as written, the gazetteer entry they resolve to (null when the words are a
/// place by their pattern, "the village of X", but not in the gazetteer), and a confidence in [0, 1].
/// </summary>
/// <param name="Span">Character offsets in the document's text (end exclusive).</param>
/// <param name="Text">The words as written.</param>
/// <param name="Entry">The resolved entry, or null.</param>
/// <param name="Score">Confidence in the resolution, 0 to 1.</param>
/// <param name="Kind">Country, province, district, settlement, facility or natural feature (from the entry, or the pattern word).</param>
/// <param name="IsQualifier">The place only qualifies something else ("the Damascus government", "Syria's army").</param>
public sealed record PlaceMention(TextSpan Span, string Text, GazetteerEntry? Entry, double Score, PlaceKind Kind, bool IsQualifier)
{
    /// <summary>For a place the gazetteer lacks: the named place the text puts it in or near ("X village near Y"), else null. See <see cref="NearbyPlaces"/>.</summary>
    public PlaceMention? Near { get; init; }
}
