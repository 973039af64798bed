namespace EventExtractor.Places;

/// <summary>What kind of place an entry is, from its feature class and code.</summary>
public enum PlaceKind : byte
{
    Other,
    Country,
    Province,
    District,
    Settlement,
    Facility,
    Natural,
}

/// <summary>
/// One place in the gazetteer. <see cref="Id"/> is stable across builds: <c>gn:174448</c> for a GeoNames entry,
/// <c>country:SY</c>, <c>admin1:SY.07</c> (a province with no GeoNames id in the sources), <c>wof:…</c>, <c>ucdp:…</c>, <c>supp:…</c>.
/// Coordinates are null when no source gives them; they are never guessed.
/// </summary>
public sealed record GazetteerEntry(
    string Id,
    long? GeonameId,
    string Name,
    double? Lat,
    double? Lon,
    string? CountryCode,
    string? Admin1,
    char FeatureClass,
    string FeatureCode,
    long Population,
    string Source)
{
    /// <summary>
    /// Country, province (first-level division), district, settlement, facility (camp, airbase, dam, crossing) or natural feature.
    /// Computed once (the geoparser reads it for every candidate of every name); entries are never copied with <c>with</c>.
    /// </summary>
    public PlaceKind Kind { get; } = KindOf(FeatureCode, FeatureClass);

    private static PlaceKind KindOf(string featureCode, char featureClass) => featureCode switch
    {
        "PCLI" or "PCL" or "PCLD" or "PCLF" or "PCLS" or "PCLIX" or "TERR" => PlaceKind.Country,
        "ADM1" or "ADM1H" => PlaceKind.Province,
        "ADM2" or "ADM3" or "ADM4" or "ADMD" => PlaceKind.District,
        _ => featureClass switch
        {
            'P' => PlaceKind.Settlement,
            'S' => PlaceKind.Facility,
            'H' or 'T' or 'L' or 'V' or 'U' => PlaceKind.Natural,
            'A' => PlaceKind.District,
            _ => PlaceKind.Other,
        },
    };

    /// <summary>Great-circle distance in kilometres, or null when either side has no coordinates.</summary>
    public static double? DistanceKm(double? lat1, double? lon1, double? lat2, double? lon2)
    {
        if (lat1 is not { } a1 || lon1 is not { } o1 || lat2 is not { } a2 || lon2 is not { } o2) return null;
        const double R = 6371.0088;
        double dLat = (a2 - a1) * Math.PI / 180, dLon = (o2 - o1) * Math.PI / 180;
        double h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
            + Math.Cos(a1 * Math.PI / 180) * Math.Cos(a2 * Math.PI / 180) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * R * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
