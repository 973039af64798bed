using System.Globalization;
using EventExtractor.Extraction;
using Newtonsoft.Json;

namespace EventExtractor.Output;

/// <summary>
/// Writes events in one output format, streaming: each event is written as it comes, so memory stays
/// constant whatever the input size. Call <see cref="Complete"/> once at the end (it closes arrays).
/// </summary>
public abstract class EventWriter(TextWriter output)
{
    protected TextWriter Output { get; } = output;

    /// <summary>Events that this format could not show (GeoJSON leaves out events with no point to map, see <see cref="EventPlace.MapPoint"/>).</summary>
    public int LeftOut { get; protected set; }

    public abstract void Write(ControlEvent e);

    public virtual void Complete() => Output.Flush();

    public static EventWriter Create(OutputFormat format, TextWriter output) => format switch
    {
        OutputFormat.Jsonl => new JsonLinesEventWriter(output),
        OutputFormat.Json => new JsonArrayEventWriter(output),
        OutputFormat.Csv => new CsvEventWriter(output),
        OutputFormat.Geojson => new GeoJsonEventWriter(output),
        OutputFormat.Predicates => new PredicateEventWriter(output),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown output format"),
    };

    /// <summary>Confidence is rounded so that output is stable across platforms and easy to read.</summary>
    protected static double Round(double confidence) => Math.Round(confidence, 4, MidpointRounding.ToEven);
}

/// <summary>The contract's JSON for one event, with its fields always in the same order.</summary>
public static class EventJson
{
    public static string Serialize(ControlEvent e, Formatting formatting = Formatting.None)
    {
        var sw = new StringWriter(CultureInfo.InvariantCulture);
        using (var json = new JsonTextWriter(sw) { Formatting = formatting, Culture = CultureInfo.InvariantCulture })
        {
            Write(json, e);
        }
        return sw.ToString();
    }

    public static void Write(JsonWriter json, ControlEvent e)
    {
        json.WriteStartObject();
        Property(json, "schema", e.Schema);
        Property(json, "id", e.Id);
        Property(json, "documentId", e.DocumentId);
        Property(json, "type", e.Type);
        json.WritePropertyName("actor");
        WriteActor(json, e.Actor);
        json.WritePropertyName("counterpart");
        WriteActor(json, e.Counterpart);
        json.WritePropertyName("place");
        WritePlace(json, e.Place, withNear: true);
        Property(json, "date", e.Date);
        Property(json, "datePrecision", e.DatePrecision);
        json.WritePropertyName("confidence"); json.WriteValue(Math.Round(e.Confidence, 4, MidpointRounding.ToEven));
        json.WritePropertyName("evidence");
        json.WriteStartArray();
        foreach (var ev in e.Evidence)
        {
            json.WriteStartObject();
            json.WritePropertyName("sentence"); json.WriteValue(ev.Sentence);
            json.WritePropertyName("start"); json.WriteValue(ev.Start);
            json.WritePropertyName("end"); json.WriteValue(ev.End);
            Property(json, "text", ev.Text);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        Property(json, "predicate", e.Predicate);
        Property(json, "model", e.Model);
        json.WriteEndObject();
    }

    /// <summary>A place object; a place the gazetteer lacks may carry "near": the named place the text puts it in or near.</summary>
    private static void WritePlace(JsonWriter json, EventPlace place, bool withNear)
    {
        json.WriteStartObject();
        Property(json, "text", place.Text);
        Property(json, "name", place.Name);
        json.WritePropertyName("geonameId"); json.WriteValue(place.GeonameId);
        json.WritePropertyName("lat"); json.WriteValue(place.Lat);
        json.WritePropertyName("lon"); json.WriteValue(place.Lon);
        Property(json, "country", place.Country);
        Property(json, "admin1", place.Admin1);
        Property(json, "featureCode", place.FeatureCode);
        if (withNear)
        {
            json.WritePropertyName("near");
            if (place.Near is { } near) WritePlace(json, near, withNear: false);
            else json.WriteNull();
        }
        json.WriteEndObject();
    }

    private static void WriteActor(JsonWriter json, EventActor? actor)
    {
        if (actor is null)
        {
            json.WriteNull();
            return;
        }
        json.WriteStartObject();
        Property(json, "text", actor.Text);
        Property(json, "name", actor.Name);
        Property(json, "id", actor.Id);
        Property(json, "country", actor.Country);
        Property(json, "kind", actor.Kind);
        json.WriteEndObject();
    }

    private static void Property(JsonWriter json, string name, string? value)
    {
        json.WritePropertyName(name);
        json.WriteValue(value);
    }
}

internal sealed class JsonLinesEventWriter(TextWriter output) : EventWriter(output)
{
    // One JSON writer for the whole stream, writing straight to the output: no string per event.
    private readonly JsonTextWriter _json = new(output) { Formatting = Formatting.None, Culture = CultureInfo.InvariantCulture, CloseOutput = false };

    public override void Write(ControlEvent e)
    {
        EventJson.Write(_json, e);
        _json.WriteWhitespace("\n");
    }

    public override void Complete()
    {
        _json.Flush();
        base.Complete();
    }
}

internal sealed class JsonArrayEventWriter(TextWriter output) : EventWriter(output)
{
    private bool _any;

    public override void Write(ControlEvent e)
    {
        Output.Write(_any ? ",\n  " : "[\n  ");
        Output.Write(EventJson.Serialize(e));
        _any = true;
    }

    public override void Complete()
    {
        Output.Write(_any ? "\n]\n" : "[]\n");
        base.Complete();
    }
}

internal sealed class PredicateEventWriter(TextWriter output) : EventWriter(output)
{
    public override void Write(ControlEvent e)
    {
        Output.Write(e.Predicate);
        Output.Write('\n');
    }
}

/// <summary>
/// ACLED-like columns (RFC 4180 quoting), so that the output sits beside ACLED exports in a spreadsheet or database.
/// As in ACLED, latitude, longitude, country and admin1 are where the event is mapped and geo_precision says what that
/// is: 1 the place itself, 2 the town the text puts a village the gazetteer lacks in or near (near_location). location
/// and geonames_id are always the event's own place, so a village is never passed off as its town.
/// </summary>
internal sealed class CsvEventWriter : EventWriter
{
    public static readonly string[] Columns =
    [
        "event_date", "type", "actor1", "actor2", "location", "latitude", "longitude", "geonames_id", "country", "admin1",
        "confidence", "notes", "document_id", "date_precision", "event_id", "geo_precision", "near_location",
    ];

    public CsvEventWriter(TextWriter output) : base(output) => Row(Columns);

    public override void Write(ControlEvent e)
    {
        var map = e.Place.MapPoint;
        var point = map?.Point;
        Row(
        [
            e.Date, e.Type, e.Actor?.Name, e.Counterpart?.Name, e.Place.Name,
            point?.Lat?.ToString("R", CultureInfo.InvariantCulture), point?.Lon?.ToString("R", CultureInfo.InvariantCulture),
            e.Place.GeonameId?.ToString(CultureInfo.InvariantCulture), point?.Country ?? e.Place.Country, point?.Admin1 ?? e.Place.Admin1,
            Round(e.Confidence).ToString("0.####", CultureInfo.InvariantCulture),
            e.Evidence.Count > 0 ? e.Evidence[0].Text : null, e.DocumentId, e.DatePrecision, e.Id,
            map?.GeoPrecision.ToString(CultureInfo.InvariantCulture), map?.GeoPrecision == 2 ? point!.Name : null,
        ]);
    }

    private void Row(IReadOnlyList<string?> values)
    {
        for (int i = 0; i < values.Count; i++)
        {
            if (i > 0) Output.Write(',');
            Output.Write(Quote(values[i]));
        }
        Output.Write("\r\n");
    }

    private static string Quote(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        bool needs = value.AsSpan().IndexOfAny("\",\r\n") >= 0 || value[0] == ' ' || value[^1] == ' ';
        return needs ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}

/// <summary>
/// A GeoJSON FeatureCollection (RFC 7946) of the events with a point to map (<see cref="EventPlace.MapPoint"/>: the place,
/// or at geoPrecision 2 the town the text puts it near, named in "near"); the rest are counted in <see cref="EventWriter.LeftOut"/>.
/// </summary>
internal sealed class GeoJsonEventWriter(TextWriter output) : EventWriter(output)
{
    private bool _any;

    public override void Write(ControlEvent e)
    {
        if (e.Place.MapPoint is not ({ Lat: double lat, Lon: double lon } point, int geoPrecision))
        {
            LeftOut++;
            return;
        }
        Output.Write(_any ? ",\n" : "{\"type\":\"FeatureCollection\",\"features\":[\n");
        _any = true;
        var sw = new StringWriter(CultureInfo.InvariantCulture);
        using (var json = new JsonTextWriter(sw) { Formatting = Formatting.None, Culture = CultureInfo.InvariantCulture })
        {
            json.WriteStartObject();
            json.WritePropertyName("type"); json.WriteValue("Feature");
            json.WritePropertyName("id"); json.WriteValue(e.Id);
            json.WritePropertyName("geometry");
            json.WriteStartObject();
            json.WritePropertyName("type"); json.WriteValue("Point");
            json.WritePropertyName("coordinates");
            json.WriteStartArray(); json.WriteValue(lon); json.WriteValue(lat); json.WriteEndArray();
            json.WriteEndObject();
            json.WritePropertyName("properties");
            json.WriteStartObject();
            Prop(json, "type", e.Type);
            Prop(json, "actor", e.Actor?.Name);
            Prop(json, "actorId", e.Actor?.Id);
            Prop(json, "counterpart", e.Counterpart?.Name);
            Prop(json, "place", e.Place.Name);
            json.WritePropertyName("geonameId"); json.WriteValue(e.Place.GeonameId);
            Prop(json, "country", point.Country);
            Prop(json, "admin1", point.Admin1);
            json.WritePropertyName("geoPrecision"); json.WriteValue(geoPrecision);
            Prop(json, "near", geoPrecision == 2 ? point.Name : null);
            Prop(json, "date", e.Date);
            Prop(json, "datePrecision", e.DatePrecision);
            json.WritePropertyName("confidence"); json.WriteValue(Round(e.Confidence));
            Prop(json, "documentId", e.DocumentId);
            Prop(json, "evidence", e.Evidence.Count > 0 ? e.Evidence[0].Text : null);
            Prop(json, "predicate", e.Predicate);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        Output.Write(sw.ToString());
    }

    public override void Complete()
    {
        Output.Write(_any ? "\n]}\n" : "{\"type\":\"FeatureCollection\",\"features\":[]}\n");
        base.Complete();
    }

    private static void Prop(JsonWriter json, string name, string? value)
    {
        json.WritePropertyName(name);
        json.WriteValue(value);
    }
}
