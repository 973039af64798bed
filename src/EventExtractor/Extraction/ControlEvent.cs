using System.Security.Cryptography;
using System.Text;

namespace EventExtractor.Extraction;

/// <summary>The four kinds of control event (shared/docs/ontology.md), as the contract spells them.</summary>
public static class EventTypes
{
    public const string Captured = "captured";
    public const string Withdrew = "withdrew";
    public const string Controls = "controls";
    public const string Contested = "contested";
    public const string None = "none";

    public static readonly IReadOnlyList<string> All = [Captured, Withdrew, Controls, Contested];

    /// <summary>Captured and withdrew change who holds a place; controls and contested do not.</summary>
    public static bool IsControlChange(string type) => type is Captured or Withdrew;
}

/// <summary>A party to an event: the words in the article and, when the actor dictionary knows it, who it is.</summary>
public sealed record EventActor(string Text, string Name, string? Id, string? Country, string? Kind);

/// <summary>
/// The place of an event: the words in the article and, when the gazetteer knows it, where it is. <see cref="Near"/>: for a
/// place the gazetteer lacks, the named place the text puts it in or near (an approximate location), else null.
/// </summary>
public sealed record EventPlace(string Text, string Name, long? GeonameId, double? Lat, double? Lon, string? Country, string? Admin1, string? FeatureCode, EventPlace? Near = null)
{
    /// <summary>
    /// Where a map shows the event, with ACLED's geo_precision: 1 at the place itself, 2 at the place the text puts a
    /// village the gazetteer lacks in or near (as ACLED codes such a village at the nearest town it can locate); null
    /// when neither has coordinates.
    /// </summary>
    public (EventPlace Point, int GeoPrecision)? MapPoint =>
        Lat is not null && Lon is not null ? (this, 1)
        : Near is { Lat: not null, Lon: not null } near ? (near, 2)
        : null;
}

/// <summary>A sentence that supports an event, with its offsets into the article's text.</summary>
public sealed record Evidence(int Sentence, int Start, int End, string Text);

/// <summary>
/// One control event, as the output contract (<c>control-event/1</c>) defines it. Immutable; the id is a
/// stable hash of document, type, actor, place and date, so the same event gets the same id in every run.
/// </summary>
public sealed record ControlEvent(
    string DocumentId,
    string Type,
    EventActor? Actor,
    EventActor? Counterpart,
    EventPlace Place,
    string? Date,
    string? DatePrecision,
    double Confidence,
    IReadOnlyList<Evidence> Evidence,
    string Model)
{
    public const string SchemaVersion = "control-event/1";

    public string Schema => SchemaVersion;

    public string Id => StableId(DocumentId, Type, Actor?.Id ?? Actor?.Name, Place.GeonameId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Place.Name, Date);

    /// <summary><c>captured(Syrian army, Albu Kamal, 2017-11-09)</c>; "unknown" stands for a missing actor or date.</summary>
    public string Predicate => $"{Type}({Actor?.Name ?? "unknown"}, {Place.Name}, {Date ?? "unknown"})";

    public static string StableId(string documentId, string type, string? actor, string place, string? date)
    {
        var key = string.Join('\u001F', documentId, type, actor ?? "", place, date ?? "");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return Convert.ToHexStringLower(hash.AsSpan(0, 10));
    }
}
