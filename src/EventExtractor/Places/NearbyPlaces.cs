using EventExtractor.Text;

namespace EventExtractor.Places;

/// <summary>
/// Where the text itself puts a place: "X village, near Manbij", "Jabal X in the Y district of Raqqa", "Tal X (Suluk)",
/// "X, Y and two hills, likely in the vicinity of Tabqa". The first resolved place
/// after it in the same sentence, reached through locative words only, is its container (<see cref="Container"/>). The
/// geoparser uses it twice: to reject a homonym the container contradicts (<see cref="Contradicts"/>), and, for a place
/// the gazetteer lacks, as its <see cref="PlaceMention.Near"/>: an approximate location, as ACLED codes such a village
/// at the nearby town (its geo_precision 2). Provinces are too coarse to stand for a village.
/// </summary>
public static class NearbyPlaces
{
    /// <summary>How far (in tokens) the named place may follow; a list of villages before "in X" counts.</summary>
    private const int MaxGapTokens = 30;

    /// <summary>How far from a named town or district a place it locates may lie.</summary>
    private const double ContainerDistanceKm = 60;

    // Words that may stand between a village and the place that locates it; anything else ("from", "after", a verb) ends the search.
    private static readonly HashSet<string> Connectors = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "the", "of", "in", "near", "at", "around", "outside", "within", "by", "on", "vicinity", "likely", "probably",
        "reportedly", "suspected", "believed", "to", "be", "which", "that", "lies", "lie", "located", "situated", "its", "their",
        "nearby", "surrounding", "as", "well", "same", "outskirts", "edge", "environs", "countryside", "rural",
        "area", "areas", "village", "villages", "town", "towns", "city", "hill", "hills", "mountain", "mountains", "valley", "valleys",
        "farm", "farms", "district", "sub-district", "subdistrict", "township", "region", "neighbourhood", "neighborhood", "camp",
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "northeast", "northwest",
        "southeast", "southwest", "north-east", "north-west", "south-east", "south-west", "northeastern", "northwestern",
        "southeastern", "southwestern", "north-eastern", "north-western", "south-eastern", "south-western", "-",
        "a", "number", "several", "other", "some", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    };

    // At least one of these must link the village to the place: "X, Y" alone may be a list, not a location.
    private static readonly HashSet<string> Locatives = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "near", "at", "around", "outside", "within", "of", "vicinity", "(", "outskirts",
    };

    /// <summary>Sets <see cref="PlaceMention.Near"/> on each unresolved mention the text locates; <paramref name="mentions"/> are in text order.</summary>
    public static void Locate(Document doc, List<PlaceMention> mentions)
    {
        for (int i = 0; i < mentions.Count; i++)
        {
            if (mentions[i].Entry is not null || mentions[i].IsQualifier) continue;
            if (Container(doc, mentions, i) is { Entry: { } e } near && !IsProvinceLevel(doc, near, e)) mentions[i] = mentions[i] with { Near = near };
        }
    }

    /// <summary>
    /// Whether the text's own location of a place contradicts the entry it resolved to: "Tal Hamis village in southern
    /// Hama" read as the Tall Hamis of Hasakah. A province (or a capital named for its province) must hold the entry;
    /// a town or district must lie within 60 km of it.
    /// </summary>
    public static bool Contradicts(Document doc, PlaceMention container, GazetteerEntry entry)
    {
        if (container.Entry is not { } c || c.Kind == PlaceKind.Country || ReferenceEquals(c, entry)) return false;
        if (IsProvinceLevel(doc, container, c))
            return c.CountryCode is not null && entry.CountryCode is not null && (c.CountryCode != entry.CountryCode || c.Admin1 is { } a && entry.Admin1 is { } b && a != b);
        // A district lies inside its province: "Qarzoun in Bazqun district" (Raqqa) rules out a Qarzoun of Aleppo 30 km away.
        if (c.Kind == PlaceKind.District && c.CountryCode == entry.CountryCode && c.Admin1 is { } da && entry.Admin1 is { } ea && da != ea) return true;
        bool far = GazetteerEntry.DistanceKm(c.Lat, c.Lon, entry.Lat, entry.Lon) > ContainerDistanceKm;
        // "X in Raqqa" may mean the city or its province: only a place far away and in another province contradicts it.
        return c.FeatureCode is "PPLA" ? far && c.Admin1 != entry.Admin1 : far;
    }

    private static bool IsProvinceLevel(Document doc, PlaceMention m, GazetteerEntry e) => e.Kind == PlaceKind.Province || NamesProvince(doc, m, e);

    /// <summary>A province, or a capital written as its province ("northern Aleppo", "Hama countryside").</summary>
    public static bool IsProvinceLevel(Document doc, PlaceMention m) => m.Entry is { } e ? IsProvinceLevel(doc, m, e) : m.Kind == PlaceKind.Province;

    /// <summary>
    /// "southern Aleppo", "Idlib countryside", "Hama province": a province capital named for its province, too coarse to
    /// stand for a village (ACLED codes these at the province's capital with its geo_precision 3).
    /// </summary>
    private static bool NamesProvince(Document doc, PlaceMention m, GazetteerEntry e)
    {
        if (e.FeatureCode is not "PPLA") return false;
        int first = doc.TokenAt(m.Span.Start), end = doc.TokenAt(m.Span.End);
        if (first > 0 && IsDirection(doc.TokenText(first - 1))) return true;
        for (int t = end; t < doc.Tokens.Length && t < end + 4; t++)
        {
            var w = doc.TokenText(t);
            if (Geoparser.Has(Geoparser.ProvinceWords, w)) return true;
            if (!IsDirection(w) && w is not "-") return false;
        }
        return false;
    }

    private static bool IsDirection(ReadOnlySpan<char> word) =>
        word.Length > 3 && Geoparser.Has(Connectors, word)
        && (word.StartsWith("north", StringComparison.OrdinalIgnoreCase) || word.StartsWith("south", StringComparison.OrdinalIgnoreCase)
            || word.StartsWith("east", StringComparison.OrdinalIgnoreCase) || word.StartsWith("west", StringComparison.OrdinalIgnoreCase)
            || word.Equals("central", StringComparison.OrdinalIgnoreCase) || word.Equals("rural", StringComparison.OrdinalIgnoreCase));

    // Words between a place and its locative: "X village in", "X town, near".
    private static readonly HashSet<string> HeadNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "village", "villages", "town", "towns", "city", "hill", "hills", "mountain", "valley", "farm", "farms", "area", "areas",
        "district", "sub-district", "subdistrict", "neighbourhood", "neighborhood", "camp", "base", "airbase", "airport", ",",
    };

    // Words between a locative and the place it names, besides directions: "in the eastern countryside of", "in the vicinity of".
    private static readonly HashSet<string> LocatorGlue = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "of", "vicinity", "outskirts", "edge", "environs", "countryside", "-", "city", "town", "district", "sub-district",
    };

    /// <summary>
    /// The place that only locates mention <paramref name="index"/>, read strictly: "X village in southern Idlib",
    /// "X town, near Y", "Tel X (Azaz)". Stricter than <see cref="Container"/>, which also reaches across a list ("A and
    /// the town of B", "around A and at B") where the later name is an event place of its own; "the Y district of Z"
    /// names a part of Z, not a location. Null when the words after the place are anything else.
    /// </summary>
    public static PlaceMention? Locator(Document doc, List<PlaceMention> mentions, int index)
    {
        var sentence = doc.Sentences[doc.SentenceAt(mentions[index].Span.Start)];
        int end = sentence.FirstToken + sentence.TokenCount;
        int after = doc.TokenAt(mentions[index].Span.End), t = after;
        while (t < end && Geoparser.Has(HeadNouns, doc.TokenText(t))) t++;
        if (t >= end || doc.TokenText(t) is not ("in" or "near" or "outside" or "around" or "(")) return null;
        int next = index + 1;
        for (t++; t < end && t < after + MaxGapTokens; t++)
        {
            while (next < mentions.Count && mentions[next].Span.End <= doc.Tokens[t].Start) next++;
            if (next < mentions.Count && mentions[next].Span.Start <= doc.Tokens[t].Start)
                return mentions[next].Entry is not null ? mentions[next] : null;
            if (!Geoparser.Has(LocatorGlue, doc.TokenText(t)) && !IsDirection(doc.TokenText(t))) return null;
        }
        return null;
    }

    /// <summary>The first resolved place after mention <paramref name="index"/> in its sentence that the words between make its location ("in", "near", "of", "("), else null.</summary>
    public static PlaceMention? Container(Document doc, List<PlaceMention> mentions, int index)
    {
        int token = doc.TokenAt(mentions[index].Span.End);
        var sentence = doc.Sentences[doc.SentenceAt(mentions[index].Span.Start)];
        int sentenceEnd = sentence.FirstToken + sentence.TokenCount;
        bool linked = false;
        int next = index + 1;
        for (int gap = 0; token < sentenceEnd && gap < MaxGapTokens; gap++)
        {
            while (next < mentions.Count && mentions[next].Span.End <= doc.Tokens[token].Start) next++;
            if (next < mentions.Count && mentions[next].Span.Start <= doc.Tokens[token].Start)
            {
                var m = mentions[next];
                if (m.Entry is { } e && linked) return e.Lat is null && e.Kind != PlaceKind.Province ? null : m;
                token = doc.TokenAt(m.Span.End); // another village of the same list ("X, Y and Z in W")
                continue;
            }
            var word = doc.TokenText(token);
            var kind = doc.Tokens[token].Kind;
            // Numbers ("3 hills") and capitalised words (a name the geoparser left out, "Shi'b X") pass; so do the
            // connectors; anything else ends the search.
            if (kind is TokenKind.Punctuation && word is "," or "(" or "/" or "-") linked |= word is "(";
            else if (Geoparser.Has(Connectors, word)) linked |= Geoparser.Has(Locatives, word);
            else if (kind is not TokenKind.Number && !char.IsUpper(word[0])) return null;
            token++;
        }
        return null;
    }
}
