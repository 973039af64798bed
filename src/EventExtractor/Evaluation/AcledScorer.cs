using EventExtractor.Classification;
using EventExtractor.Text;

namespace EventExtractor.Evaluation;

/// <summary>Control-change detection scored against ACLED rows: counts and place accuracy.</summary>
public sealed record AcledScore(int Rows, int TruePositive, int FalsePositive, int FalseNegative, int TrueNegative, int PlaceChecked, int PlaceCorrect, int PlaceByCoordinates)
{
    /// <summary>Detection as one label: transfers (support), rows with a change event (predicted), both (correct).</summary>
    private LabelMetrics Detection => new("change", TruePositive + FalseNegative, TruePositive + FalsePositive, TruePositive);

    public double Precision => Detection.Precision;
    public double Recall => Detection.Recall;
    public double F1 => Detection.F1;
    public double PlaceAccuracy => PlaceChecked == 0 ? 0 : (double)PlaceCorrect / PlaceChecked;

    /// <summary>
    /// Pipeline only: detected rows where some change event of the note (not only the most confident) is at the row's
    /// place. A note naming several captured villages is one ACLED row per village; this counts the row as found when
    /// its village is among the events. -1 when not measured.
    /// </summary>
    public int PlaceInAnyEvent { get; init; } = -1;

    /// <summary>
    /// Pipeline only: detected rows and those with the place right, by the row's geo_precision (0 when the export has
    /// none). A row of precision 2 or 3 is coded at a nearby town or the province's capital, not the village its note names.
    /// </summary>
    public IReadOnlyDictionary<int, (int Detected, int PlaceCorrect)> ByGeoPrecision { get; init; } = new Dictionary<int, (int, int)>();

    /// <summary>
    /// Pipeline only: detected rows whose most confident event has its place right, counting a place the gazetteer lacks
    /// as located at its <c>near</c> place (within 25 km of the row's coordinates). -1 when not measured.
    /// </summary>
    public int PlaceCorrectWithNear { get; init; } = -1;
}

/// <summary>
/// Each ACLED row's notes is a document (its event date the publication date); the row is detected positive when
/// the classifier yields any captured or withdrew candidate, and expected positive when it is a territory transfer.
/// </summary>
public static class AcledScorer
{
    public const double PlaceToleranceKm = 25;

    public static AcledScore Score(IReadOnlyList<AcledRow> rows, ControlClassifier classifier, IMentionFinder finder, TextWriter? progress = null)
    {
        var extractor = new FeatureExtractor();
        int tp = 0, fp = 0, fn = 0, tn = 0, checkedPlaces = 0, correct = 0, byCoord = 0;
        for (int i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var doc = Document.Create(row.Id, row.Notes, row.EventDate);
            var candidates = CandidateBuilder.Build(doc, finder.Find(doc));
            var predictions = classifier.Predict(candidates.Select(c => extractor.Extract(doc, c)).ToList());
            int best = -1;
            for (int k = 0; k < candidates.Count; k++)
            {
                if (!ControlLabels.IsChange(predictions[k].Label)) continue;
                if (best < 0 || predictions[k].Confidence > predictions[best].Confidence) best = k;
            }
            bool detected = best >= 0, expected = row.IsTerritoryTransfer;
            if (detected && expected)
            {
                tp++;
                checkedPlaces++;
                var (ok, coord) = PlaceMatches(candidates[best].Target, row);
                if (ok) correct++;
                if (coord) byCoord++;
            }
            else if (detected) fp++;
            else if (expected) fn++;
            else tn++;
            if (progress is not null && (i + 1) % 500 == 0) progress.WriteLine($"  {i + 1}/{rows.Count} rows");
        }
        return new AcledScore(rows.Count, tp, fp, fn, tn, checkedPlaces, correct, byCoord);
    }

    /// <summary>
    /// The whole pipeline (<c>eventx extract</c>) scored on ACLED rows: each row's notes is an article dated by its
    /// event date; the row is detected positive when any captured or withdrew event comes out, and the place of
    /// the most confident such event is checked against the row's.
    /// </summary>
    public static AcledScore ScorePipeline(IReadOnlyList<AcledRow> rows, Func<Input.Article, IReadOnlyList<Extraction.ControlEvent>> extract, TextWriter? progress = null)
    {
        var results = new Extraction.ControlEvent?[rows.Count];
        var changes = new List<Extraction.ControlEvent>[rows.Count];
        int done = 0;
        Parallel.For(0, rows.Count, i =>
        {
            var row = rows[i];
            var article = new Input.Article(row.Id, row.Notes, row.EventDate, null, $"acled row {row.Id}");
            changes[i] = extract(article).Where(e => Extraction.EventTypes.IsControlChange(e.Type)).ToList();
            results[i] = changes[i].OrderByDescending(e => e.Confidence).ThenBy(e => e.Id, StringComparer.Ordinal).FirstOrDefault();
            int n = Interlocked.Increment(ref done);
            if (progress is not null && n % 1000 == 0) lock (progress) progress.WriteLine($"  {n}/{rows.Count} rows");
        });
        int tp = 0, fp = 0, fn = 0, tn = 0, correct = 0, byCoord = 0, inAny = 0, withNear = 0;
        var byPrecision = new SortedDictionary<int, (int Detected, int PlaceCorrect)>();
        for (int i = 0; i < rows.Count; i++)
        {
            bool detected = results[i] is not null, expected = rows[i].IsTerritoryTransfer;
            if (detected && expected)
            {
                tp++;
                var place = results[i]!.Place;
                var (ok, coord) = PlaceMatches(place.Name, place.Text, place.Lat, place.Lon, rows[i]);
                if (ok) correct++;
                if (ok || place.Near is { } near && PlaceMatches(near.Name, near.Text, near.Lat, near.Lon, rows[i]).ByCoordinates) withNear++;
                if (coord) byCoord++;
                if (changes[i].Exists(e => PlaceMatches(e.Place.Name, e.Place.Text, e.Place.Lat, e.Place.Lon, rows[i]).Correct)) inAny++;
                int precision = rows[i].GeoPrecision ?? 0;
                var (d, c) = byPrecision.GetValueOrDefault(precision);
                byPrecision[precision] = (d + 1, c + (ok ? 1 : 0));
            }
            else if (detected) fp++;
            else if (expected) fn++;
            else tn++;
        }
        return new AcledScore(rows.Count, tp, fp, fn, tn, tp, correct, byCoord) { PlaceInAnyEvent = inAny, ByGeoPrecision = byPrecision, PlaceCorrectWithNear = withNear };
    }

    /// <summary>Within 25 km of the row's coordinates (when the place is resolved), or the same name as the row's location; ByCoordinates says which.</summary>
    public static (bool Correct, bool ByCoordinates) PlaceMatches(PlaceSpan place, AcledRow row) =>
        PlaceMatches(place.Name, place.Text, place.Lat, place.Lon, row);

    public static (bool Correct, bool ByCoordinates) PlaceMatches(string? name, string text, double? lat, double? lon, AcledRow row)
    {
        if (lat is { } la && lon is { } lo && row.Latitude is { } rlat && row.Longitude is { } rlon
            && HaversineKm(la, lo, rlat, rlon) <= PlaceToleranceKm)
            return (true, true);
        return (SameName(name ?? text, row.Location) || SameName(text, row.Location), false);
    }

    public static bool SameName(string a, string b)
    {
        static string N(string s)
        {
            var chars = s.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray();
            var t = new string(chars);
            foreach (var p in new[] { "al", "el", "ar", "as", "ash", "ad", "az", "an", "at" })
                if (t.StartsWith(p, StringComparison.Ordinal) && (s.TrimStart().StartsWith(p + "-", StringComparison.OrdinalIgnoreCase) || s.TrimStart().StartsWith(p + " ", StringComparison.OrdinalIgnoreCase))) return t[p.Length..];
            return t;
        }
        var x = N(a);
        var y = N(b);
        return x.Length > 0 && (x == y || y.Length > 3 && x.Contains(y, StringComparison.Ordinal) || x.Length > 3 && y.Contains(x, StringComparison.Ordinal))
            || SameSkeleton(a, b);
    }

    /// <summary>Transliterations of one Arabic name ("Saraqib", "Sraqeb"; "Manbij", "Menbij"): the same consonant skeleton, of three letters or more.</summary>
    private static bool SameSkeleton(string a, string b)
    {
        if (Places.PlaceNormalizer.NameKey(a) is not { } ka || Places.PlaceNormalizer.NameKey(b) is not { } kb) return false;
        var x = Places.PlaceNormalizer.Skeleton(ka);
        return x.Replace(" ", "").Length >= 3 && x == Places.PlaceNormalizer.Skeleton(kb);
    }

    public static double HaversineKm(double lat1, double lon1, double lat2, double lon2)
    {
        const double R = 6371.0;
        double dLat = (lat2 - lat1) * Math.PI / 180, dLon = (lon2 - lon1) * Math.PI / 180;
        double a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(lat1 * Math.PI / 180) * Math.Cos(lat2 * Math.PI / 180) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * R * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>
    /// Training rows from a user's ACLED export: in a territory-transfer row, candidates named like the row's location
    /// are labelled captured; every other candidate is none. For a user's own model only.
    /// </summary>
    public static List<CandidateFeatures> TrainingRows(IReadOnlyList<AcledRow> rows, IMentionFinder finder)
    {
        var extractor = new FeatureExtractor();
        var result = new List<CandidateFeatures>();
        foreach (var row in rows)
        {
            var doc = Document.Create("acled/" + row.Id, row.Notes, row.EventDate);
            foreach (var c in CandidateBuilder.Build(doc, finder.Find(doc)))
            {
                var label = row.IsTerritoryTransfer && SameName(c.Target.Text, row.Location) ? ControlLabels.Captured : ControlLabels.None;
                result.Add(extractor.Extract(doc, c with { Label = label, GroupId = "acled/" + row.Id }));
            }
        }
        return result;
    }
}
