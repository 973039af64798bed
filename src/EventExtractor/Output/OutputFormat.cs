namespace EventExtractor.Output;

/// <summary>The output formats of <c>eventx extract --format</c>.</summary>
public enum OutputFormat
{
    /// <summary>JSON Lines, one event a line (the default; the contract's schema).</summary>
    Jsonl,

    /// <summary>One JSON array of events.</summary>
    Json,

    /// <summary>ACLED-like columns, one event a row.</summary>
    Csv,

    /// <summary>A GeoJSON FeatureCollection of the events whose place has coordinates (QGIS, kepler.gl).</summary>
    Geojson,

    /// <summary>One <c>captured(Syrian army, Albu Kamal, 2017-11-09)</c> a line.</summary>
    Predicates,
}

public static class OutputFormats
{
    public static bool TryParse(string? value, out OutputFormat format) =>
        Enum.TryParse(value, ignoreCase: true, out format) && Enum.IsDefined(format);

    public static string Names => string.Join("|", Enum.GetNames<OutputFormat>().Select(n => n.ToLowerInvariant()));
}
