using System.Globalization;
using EventExtractor.Text;

namespace EventExtractor.Places;

/// <summary>One row of the place gold table: where the mention is, and the entry it must resolve to.</summary>
/// <param name="Article">The article's path, relative to the data root (the folder that holds <c>data/</c> and <c>seeds/</c>).</param>
/// <param name="Fragment">A fragment of the sentence, copied from the article, that holds the mention (locates it).</param>
/// <param name="Mention">The place words as written, inside the fragment.</param>
/// <param name="Expected">The expected entry: a GeoNames id (digits) or a gazetteer id (<c>supp:…</c>, <c>country:SY</c>, <c>ucdp:…</c>).</param>
public sealed record PlaceGoldRow(string Article, string Fragment, string Mention, string Expected, int Line);

/// <summary>The outcome for one gold row.</summary>
public sealed record PlaceGoldResult(PlaceGoldRow Row, PlaceMention? Found, bool Correct, string Note);

/// <summary>
/// Scores the geoparser against a gold table: a mention is resolved correctly when the entry found has the expected id, or lies
/// within 25 km of the expected entry's coordinates.
/// </summary>
public static class PlaceEvaluation
{
    public const double ToleranceKm = 25;

    /// <summary>Reads the tab-separated gold table (article, fragment, mention, expected id); '#' lines are comments.</summary>
    public static List<PlaceGoldRow> ReadGold(string path)
    {
        var rows = new List<PlaceGoldRow>();
        int line = 0;
        foreach (var raw in File.ReadLines(path))
        {
            line++;
            if (raw.Length == 0 || raw[0] == '#' || raw.StartsWith("article\t", StringComparison.Ordinal)) continue;
            var f = raw.Split('\t');
            if (f.Length < 4) throw new InvalidDataException($"{path}:{line}: expected 4 tab-separated columns (article, fragment, mention, expected id).");
            rows.Add(new PlaceGoldRow(f[0], f[1], f[2], f[3].Trim(), line));
        }
        return rows;
    }

    /// <summary>
    /// Runs the geoparser over each article named in <paramref name="rows"/> (read from <paramref name="dataRoot"/>) and scores
    /// every row; with <paramref name="actors"/>, the actors found give their countries to the geoparser, as in extraction.
    /// </summary>
    public static List<PlaceGoldResult> Evaluate(Geoparser parser, IReadOnlyList<PlaceGoldRow> rows, string dataRoot, Actors.ActorRecognizer? actors = null)
    {
        var docs = new Dictionary<string, (Document Doc, IReadOnlyList<PlaceMention> Mentions)>(StringComparer.Ordinal);
        var results = new List<PlaceGoldResult>(rows.Count);
        var g = parser.Gazetteer;
        foreach (var row in rows)
        {
            if (!docs.TryGetValue(row.Article, out var parsed))
            {
                var path = Path.Combine(dataRoot, row.Article);
                var doc = Document.Create(row.Article, File.ReadAllText(path));
                parsed = (doc, parser.Parse(doc, actors?.Find(doc)));
                docs[row.Article] = parsed;
            }
            int at = parsed.Doc.Text.IndexOf(row.Fragment, StringComparison.Ordinal);
            int inFragment = at < 0 ? -1 : row.Fragment.IndexOf(row.Mention, StringComparison.Ordinal);
            if (at < 0 || inFragment < 0)
            {
                results.Add(new PlaceGoldResult(row, null, false, at < 0 ? "fragment not found in the article" : "mention not found in the fragment"));
                continue;
            }
            var span = new TextSpan(at + inFragment, at + inFragment + row.Mention.Length);
            var found = parsed.Mentions.FirstOrDefault(m => m.Span.Overlaps(span));
            var expected = ExpectedEntry(g, row.Expected);
            if (found?.Entry is null)
            {
                results.Add(new PlaceGoldResult(row, found, false, found is null ? "not found" : "found, not resolved"));
                continue;
            }
            bool idMatch = SameId(found.Entry, row.Expected);
            double? km = expected is null ? null : GazetteerEntry.DistanceKm(found.Entry.Lat, found.Entry.Lon, expected.Lat, expected.Lon);
            bool ok = idMatch || km is <= ToleranceKm;
            var note = ok ? (idMatch ? "id" : $"within {km:F1} km") : $"got {found.Entry.Id} {found.Entry.Name} ({found.Entry.CountryCode})" + (km is { } d ? $", {d:F0} km away" : "");
            results.Add(new PlaceGoldResult(row, found, ok, note));
        }
        return results;
    }

    /// <summary>"resolved correctly: N/M (P%)".</summary>
    public static string Summary(IReadOnlyList<PlaceGoldResult> results)
    {
        int n = results.Count(r => r.Correct), m = results.Count;
        return string.Create(CultureInfo.InvariantCulture, $"resolved correctly: {n}/{m} ({(m == 0 ? 0 : 100.0 * n / m):F1}%)");
    }

    private static bool SameId(GazetteerEntry e, string expected) =>
        long.TryParse(expected, NumberStyles.None, CultureInfo.InvariantCulture, out var gn) ? e.GeonameId == gn : e.Id == expected;

    private static GazetteerEntry? ExpectedEntry(Gazetteer g, string expected) =>
        long.TryParse(expected, NumberStyles.None, CultureInfo.InvariantCulture, out var gn) ? g.ByGeonameId(gn) : g.ById(expected);
}
