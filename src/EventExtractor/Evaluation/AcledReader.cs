using System.Globalization;
using System.Text;

namespace EventExtractor.Evaluation;

/// <summary>One ACLED row, reduced to the fields control-change scoring reads.</summary>
public sealed record AcledRow(
    int Line, string Id, DateOnly? EventDate, string EventType, string? SubEventType,
    string Actor1, string Actor2, string Location, double? Latitude, double? Longitude, string Notes)
{
    /// <summary>
    /// ACLED's geo_precision: 1 when the coordinates are the named place's own, 2 when the event was near it or in a
    /// part of a region (coded at the nearest town the coder could locate), 3 a province's capital; null when absent.
    /// </summary>
    public int? GeoPrecision { get; init; }

    /// <summary>Whether the row is a territory transfer (captured or withdrew expected).</summary>
    public bool IsTerritoryTransfer => AcledReader.IsTerritoryTransfer(EventType) || SubEventType is not null && AcledReader.IsTerritoryTransfer(SubEventType);
}

/// <summary>
/// Reads an ACLED CSV export (RFC 4180: quoted fields may hold commas, quotes and newlines) at run time.
/// Bad rows are reported on the error writer, one line each, and skipped. Nothing read here is stored.
/// </summary>
public static class AcledReader
{
    private static readonly string[] Transfers =
    [
        "government regains territory",
        "non-state actor overtakes territory",
        "non-violent transfer of territory",
    ];

    /// <summary>"Battle-Government regains territory", "Non-violent transfer of territory"... (with or without "Battle-").</summary>
    public static bool IsTerritoryTransfer(string eventType)
    {
        var t = eventType.Trim().ToLowerInvariant();
        if (t.StartsWith("battle", StringComparison.Ordinal))
        {
            t = t[6..].TrimStart();
            if (t.StartsWith('-')) t = t[1..].TrimStart();
        }
        return Transfers.Contains(t);
    }

    public static List<AcledRow> Read(string path, TextWriter errors)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        return Read(reader, path, errors);
    }

    public static List<AcledRow> Read(TextReader reader, string name, TextWriter errors)
    {
        var rows = new List<AcledRow>();
        var records = Input.CsvRecords.Read(reader).GetEnumerator();
        if (!records.MoveNext()) return rows;
        var header = records.Current.Fields;
        int Col(string n) => Array.FindIndex(header, h => string.Equals(h.Trim(), n, StringComparison.OrdinalIgnoreCase));
        int notes = Col("notes"), type = Col("event_type"), sub = Col("sub_event_type"), date = Col("event_date"),
            a1 = Col("actor1"), a2 = Col("actor2"), loc = Col("location"), lat = Col("latitude"), lon = Col("longitude"), id = Col("data_id"),
            precision = Col("geo_precision");
        if (id < 0) id = Col("event_id_cnty");
        if (notes < 0 || type < 0 && sub < 0)
            throw new InvalidDataException($"{name}: not an ACLED export (needs notes and event_type or sub_event_type columns)");
        while (records.MoveNext())
        {
            var (line, f) = records.Current;
            if (f.Length == 1 && f[0].Length == 0) continue;
            if (f.Length != header.Length)
            {
                errors.WriteLine($"{name}:{line}: {f.Length} fields where the header has {header.Length}; row skipped");
                continue;
            }
            string Get(int i) => i >= 0 ? f[i] : "";
            if (string.IsNullOrWhiteSpace(Get(notes)))
            {
                errors.WriteLine($"{name}:{line}: empty notes; row skipped");
                continue;
            }
            rows.Add(new AcledRow(line, id >= 0 ? Get(id) : line.ToString(CultureInfo.InvariantCulture), ParseDate(Get(date)),
                Get(type), sub >= 0 ? Get(sub) : null, Get(a1), Get(a2), Get(loc), ParseDouble(Get(lat)), ParseDouble(Get(lon)), Get(notes))
            {
                GeoPrecision = int.TryParse(Get(precision), NumberStyles.Integer, CultureInfo.InvariantCulture, out var gp) ? gp : null,
            });
        }
        return rows;
    }

    private static DateOnly? ParseDate(string s)
    {
        string[] formats = ["yyyy-MM-dd", "d MMMM yyyy", "dd MMMM yyyy", "d-MMM-yy", "dd-MMM-yy", "M/d/yyyy", "yyyy/MM/dd"];
        return DateOnly.TryParseExact(s.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    private static double? ParseDouble(string s) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
}
