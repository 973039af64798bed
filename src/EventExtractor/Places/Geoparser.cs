using EventExtractor.Actors;
using EventExtractor.Text;

namespace EventExtractor.Places;

/// <summary>What the user knows about an archive before reading it.</summary>
public sealed record GeoparserOptions
{
    /// <summary>
    /// Countries (ISO 3166 alpha-2) the archive is about, e.g. SY, IQ, YE: a prior for short texts that name no country.
    /// Evidence in the text still wins; empty means no prior.
    /// </summary>
    public IReadOnlyList<string> Countries { get; init; } = [];

    /// <summary>Parses a comma-separated list of two-letter country codes ("SY,IQ,YE"); false if any item is not one.</summary>
    public static bool TryParseCountries(string? text, out IReadOnlyList<string> countries)
    {
        var list = new List<string>();
        countries = list;
        if (string.IsNullOrWhiteSpace(text)) return true;
        foreach (var item in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (item.Length != 2 || !char.IsAsciiLetter(item[0]) || !char.IsAsciiLetter(item[1])) return false;
            list.Add(item.ToUpperInvariant());
        }
        return true;
    }
}

/// <summary>
/// Finds place names in a tokenized document (longest match first over tokens, names normalised by
/// <see cref="PlaceNormalizer"/>) and resolves each to a gazetteer entry using the document's country focus (countries,
/// demonyms, the countries of the actors and unambiguous places named in it), the provinces it names (a village in a
/// named province beats its homonyms elsewhere), explicit context ("X, Syria", "Iraq's X", "X province"),
/// feature class and population. Thread-safe: one instance can serve many threads.
/// </summary>
public sealed class Geoparser
{
    private static readonly HashSet<string> PlaceTypeAfter = new(StringComparer.OrdinalIgnoreCase)
    {
        "province", "governorate", "region", "district", "subdistrict", "city", "town", "village", "villages", "camp", "neighbourhood",
        "neighborhood", "area", "countryside", "suburb", "suburbs", "outskirts", "valley", "river", "dam", "airbase", "airport", "crossing",
        "border", "oblast", "county", "countryside", "desert", "mountains", "pocket", "enclave", "checkpoint", "base",
    };

    internal static readonly HashSet<string> ProvinceWords = new(StringComparer.OrdinalIgnoreCase) { "province", "governorate", "region", "oblast", "countryside", "muhafazah" };

    private static readonly HashSet<string> SettlementWords = new(StringComparer.OrdinalIgnoreCase) { "city", "town", "village", "suburb", "neighbourhood", "neighborhood" };

    private static readonly HashSet<string> PatternWordsOf = new(StringComparer.OrdinalIgnoreCase)
    {
        "village", "town", "city", "district", "subdistrict", "neighbourhood", "neighborhood", "camp", "area", "region", "province",
        "governorate", "outskirts", "suburb", "villages", "towns", "cities", "hill", "mountain", "hamlet",
    };

    private static readonly HashSet<string> PatternWordsAfter = new(StringComparer.OrdinalIgnoreCase)
    {
        "village", "town", "city", "district", "subdistrict", "camp", "neighbourhood", "neighborhood", "province", "governorate",
        "hill", "hills", "mountain", "area", "base", "airbase", "villages", "towns",
    };

    /// <summary>
    /// Words of personal names that also open place names (Abu Kamal, Umm Batinah, "Tell Ibn X village"): not a place alone,
    /// but part of a name that a place word ("X village") marks as a place.
    /// </summary>
    private static readonly HashSet<string> NameParticles = new(StringComparer.Ordinal) { "abu", "ibn", "bin", "umm", "um", "al", "el" };

    private static readonly HashSet<string> PlacePrepositions = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "at", "near", "from", "to", "into", "outside", "around", "toward", "towards", "inside", "across",
        "captured", "seized", "retook", "recaptured", "took", "entered", "besieged", "liberated", "stormed", "overran", "shelled",
        "reached", "between",
    };

    private static readonly HashSet<string> QualifiedWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "government", "regime", "army", "forces", "military", "authorities", "officials", "troops", "president", "embassy", "ministry",
        "council", "police", "air", "airforce", "navy", "state", "media", "leader", "leaders", "opposition", "rebels", "people",
    };

    /// <summary>Words that name what a facility is for ("Kuweires Military Airbase"), not more of a place name.</summary>
    private static readonly HashSet<string> FacilityModifiers = new(StringComparer.OrdinalIgnoreCase)
    {
        "military", "air", "army", "naval", "police", "security", "oil", "gas", "power", "border", "industrial", "refugee",
    };

    private static readonly HashSet<string> FacilityWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "camp", "base", "airbase", "airport", "academy", "college", "barracks", "checkpoint", "post", "compound",
    };

    /// <summary>
    /// Generic words that open Arabic place names (Tal, Jabal, Rasm, Khirbet, Umm, Abu, Kafr...). A match made of these
    /// alone and followed by more capitalised words ("Tal Abu" of "Tal Abu Rweil") is the head of a longer name, not a place.
    /// </summary>
    private static readonly HashSet<string> GenericNameHeads = new(StringComparer.OrdinalIgnoreCase)
    {
        "tal", "tall", "tell", "tel", "jabal", "jebel", "jabel", "jbal", "jeb", "jib", "jubb", "rasm", "khirbet", "khirbat", "kherbet",
        "umm", "um", "abu", "abul", "kafr", "kfar", "deir", "dayr", "ain", "ayn", "bir", "ras", "wadi", "sheikh", "shaykh", "qasr",
        "beit", "bayt", "tallat", "mazraat", "mazraa", "maarat", "qaryat", "hay", "harat", "jisr", "bani", "beni", "nahr", "marj",
        "hosh", "hawsh", "arab", "tlul", "tulul", "bab", "mashraa", "sabkhat",
    };

    private readonly Gazetteer _gazetteer;
    private readonly HashSet<string> _priorCountries;
    // Per entry, made on first use (a race only makes the same value twice): each name's candidates are scored again in every document.
    private readonly double[] _priors;
    private readonly string?[] _spellingKeys;

    public Geoparser(Gazetteer gazetteer, GeoparserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
        _gazetteer = gazetteer;
        _priorCountries = new HashSet<string>((options ?? new GeoparserOptions()).Countries.Select(c => c.Trim().ToUpperInvariant()), StringComparer.Ordinal);
        _priors = new double[gazetteer.Entries.Count];
        Array.Fill(_priors, double.NaN);
        _spellingKeys = new string?[gazetteer.Entries.Count];
    }

    public Gazetteer Gazetteer => _gazetteer;

    /// <summary>A name found in the text: token range and the entries its key maps to.</summary>
    internal readonly record struct Match(int FirstToken, int EndToken, int[] Candidates);

    /// <summary>
    /// Every place mention in <paramref name="doc"/>, in text order. <paramref name="actors"/>, when given (from
    /// <see cref="ActorRecognizer.Find"/>), add their countries to the document's country focus: in a short note,
    /// "the Syrian army" or "the Houthis" may be all that says which country a village is in.
    /// </summary>
    public IReadOnlyList<PlaceMention> Parse(Document doc, IReadOnlyList<ActorMention>? actors = null)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var matches = FindMatches(doc);
        var focus = CountryFocus(doc, matches, actors);
        var provinces = NamedProvinces(matches, focus);
        var mentions = new List<PlaceMention>(matches.Count);
        var taken = new bool[doc.Tokens.Length];
        var chosenByKey = new Dictionary<string, GazetteerEntry>(StringComparer.Ordinal);
        var matchStarts = new HashSet<int>();
        foreach (var m in matches) matchStarts.Add(m.FirstToken);
        foreach (var m in matches)
        {
            if (taken[m.FirstToken]) continue; // inside the longer name of a truncated match before it
            int firstToken = m.FirstToken;
            var (mention, endToken) = TruncatedName(doc, m) is { } full ? (full.Mention, full.EndToken) : (Resolve(doc, m, focus, provinces, chosenByKey), m.EndToken);
            if (NameWithHead(doc, m, taken) is { } longer) (mention, firstToken, endToken) = longer;
            else if (NameBeforeQualifier(doc, m, taken) is { } whole) (mention, firstToken) = whole;
            else if (NameAfterEnglishQualifier(doc, m) is { } translated) (mention, endToken) = translated;
            else if (mention?.Entry is { Kind: not (PlaceKind.Country or PlaceKind.Province) } && NameWithTail(doc, m, matchStarts) is { } tail)
                (mention, endToken) = tail;
            if (mention is null) continue;
            mentions.Add(mention);
            for (int t = firstToken; t < endToken; t++) taken[t] = true;
        }
        AddPatternMentions(doc, taken, mentions, actors);
        List<string>? skeletonCountries = null;
        for (int i = 0; i < mentions.Count; i++)
            if (mentions[i].Entry is null && (BySkeleton(mentions[i].Text, skeletonCountries ??= SkeletonCountries(focus, provinces), provinces)
                    ?? (ArabicQualifierForm(mentions[i].Text) is { } arabic ? BySkeleton(arabic, skeletonCountries, provinces) : null)) is { } entry)
                mentions[i] = mentions[i] with { Entry = entry, Kind = entry.Kind };
        mentions.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        MarkInsideActors(mentions, actors);
        DropContradicted(doc, mentions);
        NearbyPlaces.Locate(doc, mentions);
        return mentions;
    }

    /// <summary>
    /// A village the text locates ("Tal Hamis village in southern Hama") whose entry lies elsewhere (Tall Hamis in
    /// Hasakah) is a homonym of the one meant: it is replaced by the bearer of the name nearest the container that fits,
    /// else by a consonant-skeleton match in the container's province, else by no entry. No coordinates beat
    /// coordinates 300 km off.
    /// </summary>
    private void DropContradicted(Document doc, List<PlaceMention> mentions)
    {
        // Last to first: a container follows the places it locates, so its own entry is settled before it judges theirs
        // ("X in Y in Z": Z decides Y, then Y, or Z when Y is dropped, decides X).
        for (int i = mentions.Count - 1; i >= 0; i--)
        {
            if (mentions[i] is not { Entry: { Kind: not (PlaceKind.Country or PlaceKind.Province) } entry } m) continue;
            if (NearbyPlaces.Container(doc, mentions, i) is not { Entry: { CountryCode: { } cc, Admin1: { } admin1 } } container
                || !NearbyPlaces.Contradicts(doc, container, entry)) continue;
            // Another bearer of the name where the text puts it (the nearest to the container), else one found by its consonants.
            GazetteerEntry? found = null;
            foreach (var e in _gazetteer.Find(m.Text))
                if (e.Lat is not null && e.Kind is not (PlaceKind.Country or PlaceKind.Province) && !NearbyPlaces.Contradicts(doc, container, e)
                    && (found is null || Closer(e, found, container.Entry!)))
                    found = e;
            found ??= BySkeleton(m.Text, [cc], [(cc, admin1)]);
            if (found is not null && NearbyPlaces.Contradicts(doc, container, found)) found = null;
            mentions[i] = m with { Entry = found, Kind = found?.Kind ?? PlaceKind.Settlement, Score = found is null ? 0.3 : m.Score };
        }
    }

    /// <summary>
    /// A place inside an actor mention ("Hayat" in Hayat Tahrir al-Sham, "Manbij" in the Manbij Military Council, "Hadi" in
    /// pro-Hadi forces) names or qualifies the actor, not a place where something happens: it becomes a qualifier, which no
    /// event takes as its place.
    /// </summary>
    private static void MarkInsideActors(List<PlaceMention> mentions, IReadOnlyList<ActorMention>? actors)
    {
        if (actors is null || actors.Count == 0) return;
        var names = actors.Select(a => a.Span).ToList();
        names.Sort((a, b) => a.Start.CompareTo(b.Start));
        int next = 0; // both lists in text order: one forward walk (a 50 MB article has a hundred thousand of each)
        for (int i = 0; i < mentions.Count; i++)
            if (Within(names, ref next, mentions[i].Span, properly: true))
                mentions[i] = mentions[i] with { IsQualifier = true };
    }

    private static bool Closer(GazetteerEntry a, GazetteerEntry b, GazetteerEntry to) =>
        (GazetteerEntry.DistanceKm(a.Lat, a.Lon, to.Lat, to.Lon) ?? double.MaxValue) < (GazetteerEntry.DistanceKm(b.Lat, b.Lon, to.Lat, to.Lon) ?? double.MaxValue);

    /// <summary>The raw name matches (longest first, before any resolution or filtering) as character spans: the matcher alone, for benchmarks.</summary>
    public int CountNameMatches(Document doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        return FindMatches(doc).Count;
    }

    /// <summary>
    /// Longest-first matching over tokens: a name starts at a capitalised word (or a caseless script such as Arabic), may hold
    /// hyphens, articles and lower-case words, and ends at a word; no name crosses a sentence boundary.
    /// </summary>
    internal List<Match> FindMatches(Document doc)
    {
        var tokens = doc.Tokens;
        var text = doc.Text.AsSpan();
        var result = new List<Match>();
        Span<char> key = stackalloc char[PlaceNormalizer.MaxTokenLength * 8];
        Span<char> tok = stackalloc char[PlaceNormalizer.MaxTokenLength];
        int maxWords = _gazetteer.MaxKeyTokens;
        foreach (var sentence in doc.Sentences)
        {
            int end = sentence.EndToken;
            int i = sentence.FirstToken;
            while (i < end)
            {
                var t = tokens[i];
                if (t.Kind != TokenKind.Word || !StartsName(t.In(text)) || IsSpacedEnglishArticle(doc, i, end))
                {
                    i++;
                    continue;
                }
                int keyLength = 0, words = 0, bestEnd = -1, bestKeyLength = 0;
                for (int j = i; j < end && words < maxWords; j++)
                {
                    var tj = tokens[j];
                    var s = tj.In(text);
                    if (tj.Kind == TokenKind.Punctuation && s.Length == 1 && TextChars.IsHyphen(s[0]))
                    {
                        if (j == i || j + 1 >= end || tokens[j + 1].Start != tj.End || tj.Start != tokens[j - 1].End) break;
                        continue;
                    }
                    if (tj.Kind is not (TokenKind.Word or TokenKind.Number)) break;
                    if (s.Equals("'s", StringComparison.OrdinalIgnoreCase) || s.Equals("’s", StringComparison.OrdinalIgnoreCase)) break;
                    words++;
                    if (PlaceNormalizer.IsArticle(s) && j + 1 < end) continue;
                    int n = PlaceNormalizer.NormalizeToken(s, tok);
                    if (n == 0 || keyLength + n + 1 > key.Length) break;
                    if (keyLength > 0) key[keyLength++] = ' ';
                    tok[..n].CopyTo(key[keyLength..]);
                    keyLength += n;
                    if (!_gazetteer.Probe(key[..keyLength], out var hits)) break; // no name starts with these words
                    if (!hits.IsEmpty) { bestEnd = j + 1; bestKeyLength = keyLength; }
                }
                if (bestEnd < 0)
                {
                    i++;
                    continue;
                }
                var best = _gazetteer.LookupKey(key[..bestKeyLength]).ToArray();
                int first = i;
                // Take in a lower-case article and hyphen before the name: al-Bab, ad-Dana.
                if (first >= 2 && tokens[first - 1].Kind == TokenKind.Punctuation && TextChars.IsHyphen(text[tokens[first - 1].Start])
                    && tokens[first - 1].Start == tokens[first - 2].End && PlaceNormalizer.IsArticle(tokens[first - 2].In(text)) && first - 2 >= sentence.FirstToken)
                    first -= 2;
                result.Add(new Match(first, bestEnd, best));
                i = bestEnd;
            }
        }
        return result;
    }

    private static bool StartsName(ReadOnlySpan<char> s)
    {
        char c = s[0];
        if (char.IsUpper(c)) return true;
        return char.IsLetter(c) && !char.IsLower(c); // caseless scripts (Arabic)
    }

    private static readonly HashSet<string> SpacedEnglishArticles = new(StringComparer.OrdinalIgnoreCase) { "as", "at", "an", "en", "es", "et", "er", "ed", "us", "un", "il", "ad" };

    /// <summary>"As Suwayda" at a sentence start reads like English "As ..."; such an article starts no name (the name after it still matches).</summary>
    private static bool IsSpacedEnglishArticle(Document doc, int i, int end) =>
        i + 1 < end && doc.Tokens[i + 1].Start > doc.Tokens[i].End && Has(SpacedEnglishArticles, doc.TokenText(i));

    /// <summary>Country weights from country names, demonyms, actors' countries and places that are unambiguous about their country.</summary>
    internal Dictionary<string, double> CountryFocus(Document doc, List<Match> matches, IReadOnlyList<ActorMention>? actors = null)
    {
        var focus = new Dictionary<string, double>(StringComparer.Ordinal);
        var weak = new Dictionary<string, double>(StringComparer.Ordinal);
        var actorWords = new List<TextSpan>(); // "Turkish" in "Turkish forces" counts once, as the actor
        foreach (var a in actors ?? [])
            if (a.Actor is { IsGeneric: false, Country: { } country })
            {
                Add(focus, country, 1);
                actorWords.Add(a.Span);
            }
        actorWords.Sort((a, b) => a.Start.CompareTo(b.Start));
        int nextActor = 0;
        var text = doc.Text.AsSpan();
        Span<char> tok = stackalloc char[PlaceNormalizer.MaxTokenLength];
        for (int i = 0; i < doc.Tokens.Length; i++)
        {
            var t = doc.Tokens[i];
            if (t.Kind != TokenKind.Word || !char.IsUpper(text[t.Start]) || Within(actorWords, ref nextActor, new TextSpan(t.Start, t.End))) continue;
            int n = PlaceNormalizer.NormalizeToken(t.In(text), tok);
            if (n > 2 && _gazetteer.DemonymCountry(tok[..n]) is { } cc) Add(focus, cc, 1);
        }
        foreach (var m in matches)
        {
            // "Abul" of "Abul Qarzoun" is the head of a longer name, not a place that says which country the text is about.
            if (TruncatedName(doc, m) is not null) continue;
            if (OwnVote(m) is { } vote) Add(focus, vote.Country, vote.Weight);
            else if (DominantCountry(m) is { } dominant) Add(weak, dominant, 0.5);
        }
        return focus.Count > 0 ? focus : weak; // "Hama" says Syria when nothing else says anything
    }

    /// <summary>
    /// What a name itself adds to the country focus: 2 for a country's name; 1 (a province or a place of 50,000 or more)
    /// or 0.5 when all its bearers are in one country; null otherwise. <see cref="CountryFocus"/> sums these, and
    /// <see cref="Resolve"/> takes a name's own vote back out when asking whether the rest of the text points to its country.
    /// </summary>
    private (string Country, double Weight)? OwnVote(Match m)
    {
        string? cc = null;
        bool strong = false, same = true;
        foreach (int c in m.Candidates)
        {
            var e = _gazetteer[c];
            if (e.Kind == PlaceKind.Country) return (e.CountryCode!, 2);
            if (cc is null) cc = e.CountryCode;
            else if (cc != e.CountryCode) same = false;
            strong |= e.Kind == PlaceKind.Province || e.Population >= 50_000;
        }
        return same && cc is not null ? (cc, strong ? 1 : 0.5) : null;
    }

    /// <summary>
    /// The country of a name's most populous bearer, a city of 100,000 or more, when it outweighs the name's bearers in every
    /// other country five times: "Hama" is the Syrian city, not Hamma Bouziane in Algeria. Null otherwise. Weak evidence, used
    /// only when the document gives no other ("The SDF took Mansurah" is the Syrian village, not the Egyptian city). (Provinces carry no
    /// population in the sources, so they do not count: a province of Chad says nothing about a Syrian village of the same name.)
    /// </summary>
    private string? DominantCountry(Match m)
    {
        // The most populous bearer, then the most populous bearer in any other country (a loop, not a grouping: this
        // runs for every ambiguous name of every document).
        GazetteerEntry? top = null;
        foreach (int c in m.Candidates)
        {
            var e = _gazetteer[c];
            if (e.CountryCode is not null && (top is null || e.Population > top.Population)) top = e;
        }
        if (top is null || top.Population < 100_000) return null;
        long second = 0;
        foreach (int c in m.Candidates)
        {
            var e = _gazetteer[c];
            if (e.CountryCode is not null && e.CountryCode != top.CountryCode && e.Population > second) second = e.Population;
        }
        return top.Population >= 5 * second ? top.CountryCode : null;
    }

    /// <summary>
    /// Whether <paramref name="span"/> lies inside one of the (start-sorted) <paramref name="spans"/>, or, when
    /// <paramref name="properly"/>, inside one that is not the span itself. Callers ask in text order, so the walk only moves forward.
    /// </summary>
    private static bool Within(List<TextSpan> spans, ref int next, TextSpan span, bool properly = false)
    {
        while (next < spans.Count && spans[next].End <= span.Start) next++;
        for (int i = next; i < spans.Count && spans[i].Start <= span.Start; i++)
            if (span.End <= spans[i].End && !(properly && spans[i] == span)) return true;
        return false;
    }

    private static void Add(Dictionary<string, double> d, string key, double w) => d[key] = d.GetValueOrDefault(key) + w;

    /// <summary>
    /// The provinces the document names ("in southern Idleb", "Hama countryside", "X, Lahij"), as (country, province name),
    /// for countries in its focus (or the user's prior): a village candidate in one of them is preferred to its homonyms.
    /// </summary>
    internal HashSet<(string Country, string Admin1)> NamedProvinces(List<Match> matches, Dictionary<string, double> focus)
    {
        var provinces = new HashSet<(string, string)>();
        foreach (var m in matches)
        {
            (string, string)? seatProvince = null;
            bool oneSeatProvince = true;
            foreach (int c in m.Candidates)
            {
                var e = _gazetteer[c];
                if (e is not { CountryCode: { } cc, Admin1: { } admin1 } || !(focus.ContainsKey(cc) || _priorCountries.Contains(cc))) continue;
                if (e.Kind == PlaceKind.Province) provinces.Add((cc, admin1));
                else if (IsSeatOrDistrict(e))
                {
                    if (seatProvince is null) seatProvince = (cc, admin1);
                    else if (seatProvince != (cc, admin1)) oneSeatProvince = false;
                }
            }
            // "in southern Idlib", "X of Raqqa", "the Manbij district": news names a province by its capital and a
            // district by its seat. Only when every such reading of the name lies in one province.
            if (seatProvince is { } p && oneSeatProvince) provinces.Add(p);
        }
        return provinces;
    }

    /// <summary>A province capital, a district seat or a district: a name that places the villages around it in its province.</summary>
    private static bool IsSeatOrDistrict(GazetteerEntry e) =>
        e.Kind == PlaceKind.District || e.FeatureCode is "PPLA" or "PPLA2";

    /// <summary>
    /// A name the keys lack ("the town of Sraqeb") found by its consonant skeleton (Saraqib), only where the document leaves one
    /// place: the skeleton matches with coordinates in the provinces it names (or, in a country it names no province of, anywhere
    /// in that country when it is the user's prior or holds half the focus) must all lie within 10 km of each other. Null otherwise: a guess among homonyms is worse than no coordinates.
    /// </summary>
    private GazetteerEntry? BySkeleton(string name, IReadOnlyList<string> countries, HashSet<(string Country, string Admin1)> provinces)
    {
        if (countries.Count == 0 || PlaceNormalizer.NameKey(name) is not { } key) return null;
        string skeleton = PlaceNormalizer.Skeleton(key);
        GazetteerEntry? found = null;
        foreach (var cc in countries)
        {
            bool? namedCountry = null;
            foreach (int c in _gazetteer.LookupSkeleton(skeleton, cc))
            {
                var e = _gazetteer[c];
                if (e.Lat is null || e.Kind is PlaceKind.Country or PlaceKind.Province) continue;
                namedCountry ??= provinces.Any(p => p.Country == cc);
                if (namedCountry.Value && !(e.Admin1 is { } a1 && provinces.Contains((cc, a1)))) continue;
                if (found is null) found = e;
                else if (GazetteerEntry.DistanceKm(found.Lat, found.Lon, e.Lat, e.Lon) > 10) return null;
            }
        }
        return found;
    }

    /// <summary>
    /// "Big Zifr", "Upper Qarzoun": English for the qualifier that Arabic names carry after the name (Zifr Kabir, Qarzoun
    /// Fawqani), as reports translate them. The name as gazetteers write it, or null when it starts with no such word.
    /// </summary>
    internal static string? ArabicQualifierForm(string name)
    {
        int space = name.IndexOf(' ');
        if (space <= 0 || space == name.Length - 1) return null;
        return ArabicQualifier(name.AsSpan(0, space)) is { } suffix ? $"{name[(space + 1)..]} {suffix}" : null;
    }

    /// <summary>The Arabic qualifier an English one translates ("Big" → Kabir), or null.</summary>
    private static string? ArabicQualifier(ReadOnlySpan<char> english) =>
        EnglishQualifiers.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(english, out var arabic) ? arabic : null;

    private static readonly Dictionary<string, string> EnglishQualifiers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["big"] = "Kabir", ["great"] = "Kabir", ["greater"] = "Kabir",
        ["little"] = "Saghir", ["small"] = "Saghir", ["lesser"] = "Saghir",
        ["upper"] = "Fawqani", ["lower"] = "Tahtani",
    };

    /// <summary>
    /// The countries <see cref="BySkeleton"/> searches, in ordinal order: those of the named provinces, the user's prior,
    /// and the main countries of the focus (an actor or demonym at least, and half the focus). The same for every name
    /// of a document, so computed once.
    /// </summary>
    private List<string> SkeletonCountries(Dictionary<string, double> focus, HashSet<(string Country, string Admin1)> provinces)
    {
        double total = focus.Values.Sum();
        var main = focus.Where(p => p.Value >= 1 && p.Value >= total / 2).Select(p => p.Key);
        return provinces.Select(p => p.Country).Concat(_priorCountries).Concat(main).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// "Um Suluk town", "the village of Abu X": a match right after a generic head word that the gazetteer did not take
    /// with it is the tail of a longer name the gazetteer lacks, in a place pattern; the whole name becomes a mention with
    /// no entry, rather than the tail resolved to the town called Suluk. Null when there is no such head or no place pattern.
    /// </summary>
    private static (PlaceMention Mention, int FirstToken, int EndToken)? NameWithHead(Document doc, Match m, bool[] taken)
    {
        int head = m.FirstToken - 1;
        if (head < 0 || taken[head] || doc.Tokens[head].Kind != TokenKind.Word || !char.IsUpper(doc.TokenText(head)[0])
            || !Has(GenericNameHeads, doc.TokenText(head))
            || doc.Tokens[head].End + 1 != doc.Tokens[m.FirstToken].Start
            || doc.SentenceAt(doc.Tokens[head].Start) != doc.SentenceAt(doc.Tokens[m.FirstToken].Start)) return null;
        int end = Math.Max(NameRunEnd(doc, head), m.EndToken);
        string? prev = PreviousWord(doc, head, out int prevIndex);
        bool placePattern = end < doc.Tokens.Length && doc.Tokens[end].Kind == TokenKind.Word && Has(PatternWordsAfter, doc.TokenText(end))
            || prev is "of" && prevIndex >= 1 && Has(PatternWordsOf, doc.TokenText(prevIndex - 1));
        if (!placePattern) return null;
        var span = new TextSpan(doc.Tokens[head].Start, doc.Tokens[end - 1].End);
        return (new PlaceMention(span, doc.Text[span.Start..span.End], null, 0.3, PlaceKind.Settlement, false), head, end);
    }

    /// <summary>Arabic words that end a village's name to tell it from its twin or neighbour: upper, lower, big, small, east, west...</summary>
    private static readonly HashSet<string> ArabicQualifiers = new(StringComparer.OrdinalIgnoreCase)
    {
        "fawqani", "foqani", "fouqani", "tahtani", "tahtan", "kabir", "kabira", "kabirah", "kebir", "kabeer", "saghir", "saghira",
        "saghirah", "sghir", "sagheer", "sharqi", "sharqiyah", "sharqiya", "gharbi", "gharbiyah", "gharbiya", "shamali", "shamaliyah",
        "janubi", "janoubi", "janubiyah", "qibli", "wastani", "jadid", "jadida", "jadidah", "qadim", "qadima",
    };

    /// <summary>
    /// "Qarzoun Fawqani", "Qarzoun al-Kabir": a match that is only an Arabic qualifier, right after a capitalised word that
    /// starts no match, is the end of a longer name the gazetteer lacks as written: the whole name becomes a mention with
    /// no entry (its consonant skeleton may still find it), rather than the qualifier resolved to a hamlet called Fawqani.
    /// </summary>
    private (PlaceMention Mention, int FirstToken)? NameBeforeQualifier(Document doc, Match m, bool[] taken)
    {
        int words = 0;
        for (int t = m.FirstToken; t < m.EndToken; t++)
            if (doc.Tokens[t].Kind == TokenKind.Word && !PlaceNormalizer.IsArticle(doc.TokenText(t)))
                if (++words > 1 || !Has(ArabicQualifiers, doc.TokenText(t))) return null;
        int first = m.FirstToken;
        // One or two capitalised words before it, each one space from the next, in no other mention, and no ordinary
        // English word, demonym or sentence-initial word ("The Sharqi ...").
        int sentence = doc.SentenceAt(doc.Tokens[m.FirstToken].Start);
        Span<char> key = stackalloc char[PlaceNormalizer.MaxTokenLength];
        while (first > 0 && m.FirstToken - first < 2 && !taken[first - 1] && doc.Tokens[first - 1].Kind == TokenKind.Word
               && char.IsUpper(doc.TokenText(first - 1)[0]) && doc.Tokens[first - 1].End + 1 == doc.Tokens[first].Start
               && !PlaceNormalizer.IsArticle(doc.TokenText(first - 1))
               && first - 1 > 0 && doc.SentenceAt(doc.Tokens[first - 2].Start) == sentence)
        {
            int n = PlaceNormalizer.NormalizeToken(doc.TokenText(first - 1), key);
            if (n == 0 || _gazetteer.WordFlagOf(key[..n]) != WordFlag.None || _gazetteer.DemonymCountry(key[..n]) is not null) break;
            first--;
        }
        if (first == m.FirstToken) return null;
        var span = new TextSpan(doc.Tokens[first].Start, doc.Tokens[m.EndToken - 1].End);
        return (new PlaceMention(span, doc.Text[span.Start..span.End], null, 0.3, PlaceKind.Settlement, false), first);
    }

    /// <summary>
    /// "Big Qarzoun", "Upper Qarzoun": an English qualifier that matched a place on its own (Biga in Turkey answers to
    /// "Big") followed by more of a name is the start of that name, which <see cref="ArabicQualifierForm"/> then looks up.
    /// </summary>
    private static (PlaceMention Mention, int EndToken)? NameAfterEnglishQualifier(Document doc, Match m)
    {
        if (m.EndToken != m.FirstToken + 1 || doc.Tokens[m.FirstToken].Kind != TokenKind.Word
            || ArabicQualifier(doc.TokenText(m.FirstToken)) is null
            || !NextIsAdjacentWord(doc, m.EndToken) || !IsNameToken(doc, m.EndToken)) return null;
        int end = NameRunEnd(doc, m.FirstToken);
        if (end <= m.EndToken) return null;
        var span = new TextSpan(doc.Tokens[m.FirstToken].Start, doc.Tokens[end - 1].End);
        return (new PlaceMention(span, doc.Text[span.Start..span.End], null, 0.3, PlaceKind.Settlement, false), end);
    }

    /// <summary>
    /// "Suluk Qarzoun village": a match followed by more of a name (capitalised words that start no match of
    /// their own) and a place word is the head of a longer name the gazetteer lacks: the whole name becomes a mention with
    /// no entry, rather than "Suluk" resolved to the town. Null otherwise ("Kuweires Military Airbase" names a facility).
    /// </summary>
    private static (PlaceMention Mention, int EndToken)? NameWithTail(Document doc, Match m, HashSet<int> matchStarts)
    {
        int t = m.EndToken;
        if (!NextIsAdjacentWord(doc, t) || !IsNameToken(doc, t) || matchStarts.Contains(t) || Has(PatternWordsAfter, doc.TokenText(t))) return null;
        int end = NameRunEnd(doc, t);
        for (int k = t; k < end; k++)
            if (Has(FacilityWords, doc.TokenText(k)) || Has(PatternWordsAfter, doc.TokenText(k)) || Has(QualifiedWords, doc.TokenText(k))
                || Has(FacilityModifiers, doc.TokenText(k))) return null;
        if (end >= doc.Tokens.Length || doc.Tokens[end].Kind != TokenKind.Word || !char.IsLower(doc.TokenText(end)[0])
            || !Has(PatternWordsAfter, doc.TokenText(end))) return null;
        var span = new TextSpan(doc.Tokens[m.FirstToken].Start, doc.Tokens[end - 1].End);
        return (new PlaceMention(span, doc.Text[span.Start..span.End], null, 0.3, PlaceKind.Settlement, false), end);
    }

    /// <summary>
    /// A match of generic words alone followed by more capitalised words ("Tal Abu" in "Tal Abu Rweil", "Jabal" in "Jabal
    /// Hamam") is the head of a longer name the gazetteer lacks: the whole name becomes a mention with no entry, rather than
    /// the head resolved to some "Tall Abu" elsewhere. Null when the match is not such a head.
    /// </summary>
    private (PlaceMention Mention, int EndToken)? TruncatedName(Document doc, Match m)
    {
        bool allGeneric = true;
        for (int t = m.FirstToken; t < m.EndToken && allGeneric; t++)
            if (doc.Tokens[t].Kind == TokenKind.Word && !PlaceNormalizer.IsArticle(doc.TokenText(t)))
                allGeneric = Has(GenericNameHeads, doc.TokenText(t));
        if (!allGeneric) return null;
        // Well-known places named by generic words alone (Ras al-Ain, al-Bab) stay themselves: "the Ras al-Ain Military
        // Council". A lone generic word with no article ("Tel", "Wadi") is not written for such a place: "Tel X" and
        // "Wadi al-X" are longer names even when a town called At Tall or Al Wadi exists.
        int words = 0;
        for (int t = m.FirstToken; t < m.EndToken; t++) if (doc.Tokens[t].Kind == TokenKind.Word) words++;
        if (words > 1 && Array.Exists(m.Candidates, c => _gazetteer[c].Population >= 10_000 || _gazetteer[c].Kind == PlaceKind.Province)) return null;
        int nextName = IsApostropheJoiner(doc, m.EndToken) ? m.EndToken + 1 : m.EndToken; // "Abu 'Ali"
        if (!NextIsAdjacentWord(doc, nextName) || !IsNameToken(doc, nextName) || Has(PlaceTypeAfter, doc.TokenText(nextName)))
            return null;
        int end = NameRunEnd(doc, m.FirstToken);
        if (end <= m.EndToken) return null;
        var span = new TextSpan(doc.Tokens[m.FirstToken].Start, doc.Tokens[end - 1].End);
        return (new PlaceMention(span, doc.Text[span.Start..span.End], null, 0.3, PlaceKind.Settlement, false), end);
    }

    private PlaceMention? Resolve(Document doc, Match m, Dictionary<string, double> focus, HashSet<(string, string)> provinces, Dictionary<string, GazetteerEntry> chosenByKey)
    {
        var text = doc.Text;
        var tokens = doc.Tokens;
        var start = tokens[m.FirstToken].Start;
        var end = tokens[m.EndToken - 1].End;
        var surface = text[start..end];
        int words = 0;
        for (int t = m.FirstToken; t < m.EndToken; t++)
            if (tokens[t].Kind is TokenKind.Word or TokenKind.Number && !(t < m.EndToken - 1 && PlaceNormalizer.IsArticle(doc.TokenText(t)))) words++;

        string? prev = PreviousWord(doc, m.FirstToken, out int prevIndex);
        string? next = NextWord(doc, m.EndToken, out _);
        bool sentenceInitial = doc.Sentences[doc.SentenceAt(start)].FirstToken == m.FirstToken;
        bool placeContext = (prev is not null && PlacePrepositions.Contains(prev) && !sentenceInitial)
            || (next is not null && PlaceTypeAfter.Contains(next))
            || (prev is not null && prevIndex >= 1 && Has(PatternWordsOf, doc.TokenText(prevIndex - 1)) && prev == "of")
            || FollowedByCountry(doc, m.EndToken) is not null;

        // Common words and non-places: only multi-word names escape the check.
        if (words == 1)
        {
            Span<char> tok = stackalloc char[PlaceNormalizer.MaxTokenLength];
            var last = tokens[m.EndToken - 1].In(text);
            int n = PlaceNormalizer.NormalizeToken(last, tok);
            var flag = _gazetteer.WordFlagOf(tok[..n]);
            bool articled = m.EndToken - m.FirstToken > 1; // al-Bab
            if (flag == WordFlag.NotAPlace) return null;
            if (last.Length <= 4 && TextChars.IsAllUpper(last)) return null; // IS, US, UN: acronyms, not places
            if (flag == WordFlag.CommonWord && !articled && (!placeContext || sentenceInitial || !char.IsUpper(last[0]))) return null;
            if (_gazetteer.DemonymCountry(tok[..n]) is not null) return null;
        }

        // A name inside a longer run of capitalised words (Jaish Khaled Bin Walid, Syrian Democratic Forces) is not a place by itself.
        bool inCapitalRun = (prev is not null && prevIndex == m.FirstToken - 1 && char.IsUpper(prev[0]) && !sentenceInitial && !IsCountryOrDemonym(prev))
            || (next is not null && char.IsUpper(next[0]) && !PlaceTypeAfter.Contains(next) && NextIsAdjacentWord(doc, m.EndToken));

        string? explicitCountry = FollowedByCountry(doc, m.EndToken) ?? PrecededByCountryPossessive(doc, m.FirstToken);
        bool provinceCue = (next is not null && ProvinceWords.Contains(next))
            || (prev is "of" && prevIndex >= 1 && Has(ProvinceWords, doc.TokenText(prevIndex - 1)));
        bool settlementCue = (next is not null && SettlementWords.Contains(next))
            || (prev is "of" && prevIndex >= 1 && Has(SettlementWords, doc.TokenText(prevIndex - 1)));

        bool districtCue = next is not null && next.Equals("district", StringComparison.OrdinalIgnoreCase);
        double total = 0;
        foreach (var v in focus.Values) total += v;

        GazetteerEntry? best = null;
        string? surfaceKey = null;
        double bestScore = double.NegativeInfinity, second = double.NegativeInfinity;
        foreach (int c in m.Candidates)
        {
            var e = _gazetteer[c];
            double s = PriorOf(c, e);
            double share = total > 0 && e.CountryCode is not null ? focus.GetValueOrDefault(e.CountryCode) / total : 0;
            s += 4.0 * share;
            if (total > 0 && share == 0 && e.Kind != PlaceKind.Country) s -= 1.0;
            if (explicitCountry is not null && e.CountryCode == explicitCountry && e.Kind != PlaceKind.Country) s += 3;
            if (provinces.Count > 0 && e is { CountryCode: { } cc, Admin1: { } admin1 } && e.Kind != PlaceKind.Country && provinces.Contains((cc, admin1))) s += 2.5;
            if (e.CountryCode is not null && _priorCountries.Contains(e.CountryCode) && e.Kind != PlaceKind.Country) s += 1.5;
            if (provinceCue && e.Kind is PlaceKind.Province) s += 3;
            if (e.Kind is PlaceKind.District) s += districtCue ? 3 : -1;
            if (settlementCue && e.Kind is PlaceKind.Settlement) s += 1.5;
            if (!provinceCue && e.Kind is PlaceKind.Province && m.Candidates.Length > 1) s -= 0.5; // Homs the city unless the province is named
            if (e.Lat is null) s -= 0.3;
            if (SpellingKeyOf(c, e) == (surfaceKey ??= SpellingKey(surface))) s += 0.3; // Koramaza the village spelt Koramaza, not its neighbour Kuramaza
            if (s > bestScore) { second = bestScore; bestScore = s; best = e; }
            else if (s > second) second = s;
        }
        if (best is null) return null;

        var keyText = surface.ToLowerInvariant();
        if (!provinceCue && !settlementCue && explicitCountry is null && chosenByKey.TryGetValue(keyText, out var earlier)
            && Array.Exists(m.Candidates, c => ReferenceEquals(_gazetteer[c], earlier) || _gazetteer[c].Id == earlier.Id))
            best = earlier; // one sense per discourse

        // Accept: countries and provinces; places in the document's focus; big places; anything in clear place context.
        double focusShare = total > 0 && best.CountryCode is not null ? focus.GetValueOrDefault(best.CountryCode) / total : 0;
        bool accept = best.Kind is PlaceKind.Country
            || (best.Kind is PlaceKind.Province && (focusShare > 0 || placeContext || provinceCue || words >= 2))
            || focusShare >= 0.15
            || (best.Population >= 100_000 && (focusShare > 0 || total == 0)) || best.Population >= 1_000_000
            || best.Source.Contains("supplement", StringComparison.Ordinal)
            || (words >= 2 && best.Kind is PlaceKind.Facility or PlaceKind.Natural)
            || (placeContext && !inCapitalRun && (focusShare > 0 || best.Population >= 1000 || total == 0 || _priorCountries.Contains(best.CountryCode ?? "")));
        // A small place (or a province) in a country the document never points to, when it points somewhere: "Olive Branch
        // forces" is not Olive Branch, Mississippi, in a note about Afrin.
        // The name's own vote for its country (an unambiguous name adds to the focus) does not count as the text pointing there.
        var own = OwnVote(m);
        double otherFocus = best.CountryCode is null ? 0
            : focus.GetValueOrDefault(best.CountryCode) - (own?.Country == best.CountryCode ? own.Value.Weight : 0);
        if (total - (own?.Weight ?? 0) >= 1 && otherFocus <= 0 && explicitCountry is null && best.Kind != PlaceKind.Country && best.Population < 100_000
            && !_priorCountries.Contains(best.CountryCode ?? "") && !best.Source.Contains("supplement", StringComparison.Ordinal)) accept = false;
        // One word inside a run of capitalised words (Human Rights, Operations Room, Afrin Canton) is a place only if the document is about its country.
        if (inCapitalRun && words == 1 && best.Kind != PlaceKind.Country && focusShare < 0.15) accept = false;
        if (!accept) return null;

        chosenByKey.TryAdd(keyText, best);
        double margin = double.IsNegativeInfinity(second) ? 2 : bestScore - second;
        double score = Math.Round(Math.Clamp(0.5 + 0.25 * margin + 0.2 * focusShare, 0.05, 0.99), 3);
        // "the Damascus government" qualifies; "Kuweires military airbase", "Menagh military airport" name a facility.
        bool facilityAfter = m.EndToken + 1 < tokens.Length && doc.Tokens[m.EndToken + 1].Kind == TokenKind.Word
            && Has(FacilityWords, doc.TokenText(m.EndToken + 1));
        bool qualifier = next is not null && QualifiedWords.Contains(next) && NextIsAdjacentWord(doc, m.EndToken) && !facilityAfter
            || (m.EndToken < tokens.Length && IsPossessive(doc.TokenText(m.EndToken)) && best.Kind == PlaceKind.Country);
        return new PlaceMention(new TextSpan(start, end), surface, best, score, best.Kind, qualifier);
    }

    /// <summary>A name folded for comparing spellings: case, diacritics, apostrophes, hyphens and a leading article (Al-, el-) dropped.</summary>
    private static string SpellingKey(string name)
    {
        Span<char> x = stackalloc char[PlaceNormalizer.MaxTokenLength * 4];
        var s = WithoutArticle(name);
        return s.Length > x.Length ? name : new string(x[..PlaceNormalizer.Fold(s, x)]);
    }

    /// <summary>
    /// The <see cref="SpellingKey"/> of entry <paramref name="index"/>'s name, to compare with the surface form's; a name too
    /// long to fold gets a key no surface form has (folding drops NUL).
    /// </summary>
    private string SpellingKeyOf(int index, GazetteerEntry e)
    {
        if (Volatile.Read(ref _spellingKeys[index]) is { } known) return known;
        var key = WithoutArticle(e.Name).Length > PlaceNormalizer.MaxTokenLength * 4 ? "\0" : SpellingKey(e.Name);
        Volatile.Write(ref _spellingKeys[index], key);
        return key;
    }

    private double PriorOf(int index, GazetteerEntry e)
    {
        double prior = Volatile.Read(ref _priors[index]);
        if (double.IsNaN(prior)) Volatile.Write(ref _priors[index], prior = Prior(e));
        return prior;
    }

    private static readonly System.Buffers.SearchValues<char> ArticleSeparators = System.Buffers.SearchValues.Create(" -");

    private static ReadOnlySpan<char> WithoutArticle(string name)
    {
        int cut = name.AsSpan().IndexOfAny(ArticleSeparators);
        return cut > 0 && cut + 1 < name.Length && PlaceNormalizer.IsArticle(name.AsSpan(0, cut)) ? name.AsSpan(cut + 1) : name;
    }

    /// <summary>Whether a word set holds a token's text, looked up by span (no string per token).</summary>
    internal static bool Has(HashSet<string> words, ReadOnlySpan<char> token) => words.GetAlternateLookup<ReadOnlySpan<char>>().Contains(token);

    private static double Prior(GazetteerEntry e)
    {
        double s = e.Kind switch
        {
            PlaceKind.Country => 4,
            PlaceKind.Province => 1.5,
            PlaceKind.District => 0.2,
            PlaceKind.Facility => 0.3,
            _ => 0,
        };
        s += 0.2 * Math.Log10(e.Population + 1);
        if (e.FeatureCode is "PPLC") s += 1;
        else if (e.FeatureCode is "PPLA") s += 0.6;
        else if (e.FeatureCode is "PPLA2") s += 0.3;
        else if (e.FeatureCode is "PPLQ" or "PPLW" or "PPLH") s -= 0.4;
        if (e.Source.Contains("supplement", StringComparison.Ordinal)) s += 0.5;
        return s;
    }

    private bool IsCountryOrDemonym(string word)
    {
        Span<char> tok = stackalloc char[PlaceNormalizer.MaxTokenLength];
        int n = PlaceNormalizer.NormalizeToken(word, tok);
        if (n == 0) return false;
        if (_gazetteer.DemonymCountry(tok[..n]) is not null) return true;
        foreach (int c in _gazetteer.LookupKey(tok[..n])) if (_gazetteer[c].Kind == PlaceKind.Country) return true;
        return false;
    }

    /// <summary>"X, Syria" or "X in Syria": the country code, or null.</summary>
    private string? FollowedByCountry(Document doc, int endToken)
    {
        int i = endToken;
        if (i + 1 >= doc.Tokens.Length) return null;
        var sep = doc.TokenText(i);
        if (!(sep is "," || sep.Equals("in", StringComparison.Ordinal))) return null;
        return CountryAt(doc, i + 1);
    }

    /// <summary>"Iraq's Anbar": the country code, or null.</summary>
    private string? PrecededByCountryPossessive(Document doc, int firstToken)
    {
        if (firstToken < 2 || !IsPossessive(doc.TokenText(firstToken - 1))) return null;
        return CountryAt(doc, firstToken - 2);
    }

    private string? CountryAt(Document doc, int i)
    {
        if (i < 0 || i >= doc.Tokens.Length || doc.Tokens[i].Kind != TokenKind.Word) return null;
        Span<char> tok = stackalloc char[PlaceNormalizer.MaxTokenLength];
        int n = PlaceNormalizer.NormalizeToken(doc.TokenText(i), tok);
        if (n < 2) return null;
        foreach (int c in _gazetteer.LookupKey(tok[..n]))
        {
            var e = _gazetteer[c];
            if (e.Kind == PlaceKind.Country) return e.CountryCode;
        }
        return null;
    }

    private static bool IsPossessive(ReadOnlySpan<char> s) => s is "'s" or "’s" or "'S";

    private static string? PreviousWord(Document doc, int firstToken, out int index)
    {
        index = firstToken - 1;
        if (index < 0 || doc.Tokens[index].Kind != TokenKind.Word) return null;
        return doc.TokenText(index).ToString();
    }

    private static string? NextWord(Document doc, int endToken, out int index)
    {
        index = endToken;
        if (index >= doc.Tokens.Length || doc.Tokens[index].Kind != TokenKind.Word) return null;
        return doc.TokenText(index).ToString();
    }

    private static bool NextIsAdjacentWord(Document doc, int endToken) =>
        endToken < doc.Tokens.Length && doc.Tokens[endToken].Kind == TokenKind.Word
        && doc.SentenceAt(doc.Tokens[endToken].Start) == doc.SentenceAt(doc.Tokens[endToken - 1].Start);

    /// <summary>
    /// "the village of X", "X town", "X district", "X camp": a capitalised name in a place pattern that the gazetteer lacks is still
    /// a place mention, with no entry, so later stages can report it as written.
    /// </summary>
    private void AddPatternMentions(Document doc, bool[] taken, List<PlaceMention> mentions, IReadOnlyList<ActorMention>? actors)
    {
        var tokens = doc.Tokens;
        var text = doc.Text;
        // An actor's name before a place word is not a place ("the Hayat Tahrir al-Sham camp"): its tokens are not available.
        var blocked = new bool[tokens.Length];
        if (actors is not null)
            foreach (var a in actors)
                for (int t = doc.TokenAt(a.Span.Start); t >= 0 && t < tokens.Length && tokens[t].Start < a.Span.End; t++)
                    blocked[t] = true;
        for (int i = 0; i + 2 < tokens.Length; i++)
        {
            // the village of X
            if (tokens[i].Kind == TokenKind.Word && doc.TokenText(i + 1) is "of" && Has(PatternWordsOf, doc.TokenText(i)))
            {
                int s = i + 2, e = NameRunEnd(doc, s);
                if (e > s) TryAdd(doc, s, e, KindOf(doc.TokenText(i).ToString()), taken, blocked, mentions);
                // the villages of A, B and C
                if (e > s && Has(PluralPlaceWords, doc.TokenText(i))) ListAfter(doc, e, taken, blocked, mentions);
            }
            // "took control of towns and villages in Idlib, including A and B": the names listed after a plural place word are its places.
            if (tokens[i].Kind == TokenKind.Word && doc.TokenText(i) is "including" or "namely" && NameRunEnd(doc, i + 1) > i + 1)
            {
                var sentence = doc.Sentences[doc.SentenceAt(tokens[i].Start)];
                bool plural = false;
                for (int t = Math.Max(sentence.FirstToken, i - 15); t < i && !plural; t++)
                    plural = tokens[t].Kind == TokenKind.Word && Has(PluralPlaceWords, doc.TokenText(t)) && char.IsLower(text[tokens[t].Start]);
                if (plural) ListAfter(doc, i, taken, blocked, mentions);
            }
        }
        for (int i = 1; i < tokens.Length; i++)
        {
            // X town, X district, X camp
            if (tokens[i].Kind != TokenKind.Word || !char.IsLower(text[tokens[i].Start]) || blocked[i - 1]
                || !(IsNameToken(doc, i - 1) || IsHyphenToken(doc, i - 1)) || !Has(PatternWordsAfter, doc.TokenText(i))) continue;
            int e = i, s = i;
            // An actor's words end the name: "the HTS Qarzoun camp" names Qarzoun.
            while (s > 0 && !blocked[s - 1] && (IsNameToken(doc, s - 1) || (IsHyphenToken(doc, s - 1) && s - 2 >= 0 && IsNameToken(doc, s - 2)))) s--;
            while (s < e && IsHyphenToken(doc, s)) s++;
            if (s < e && char.IsUpper(text[tokens[s].Start]) && doc.Sentences[doc.SentenceAt(tokens[s].Start)].FirstToken != s)
            {
                TryAdd(doc, s, e, KindOf(doc.TokenText(i).ToString()), taken, blocked, mentions);
                // A, B, and C villages
                if (Has(PluralPlaceWords, doc.TokenText(i))) ListBefore(doc, s, taken, blocked, mentions);
            }
        }
        for (int i = 0; i + 1 < tokens.Length; i++)
        {
            // "captured X", "in X", "the fall of X": a name the gazetteer lacks, where the sentence puts a place. Lists
            // after it ("captured X and Y") are left to the classifier's context; one name per slot.
            // The name test first: it is cheaper than the word lookup and fails on most tokens.
            if (tokens[i].Kind != TokenKind.Word || !char.IsLower(text[tokens[i].Start]) || !IsNameToken(doc, i + 1) || !IsPlaceSlot(doc, i)) continue;
            int e = NameRunEnd(doc, i + 1);
            if (e > i + 1 && doc.SentenceAt(tokens[i + 1].Start) == doc.SentenceAt(tokens[e - 1].Start) && doc.TokenText(i + 1) is not "Operation")
                TryAdd(doc, i + 1, e, PlaceKind.Settlement, taken, blocked, mentions);
        }
    }

    /// <summary>
    /// Words after which a capitalised name is a place: locative prepositions, capture verbs, "the fall of". Stricter than
    /// <see cref="PlacePrepositions"/>, which only support a name the gazetteer knows: "from X", "to X", "took X" and
    /// "between X" often name people and parties, so they make no unknown name a place.
    /// </summary>
    private static readonly HashSet<string> PlaceSlotWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "at", "near", "into", "outside", "around", "toward", "towards", "inside",
        "captured", "seized", "retook", "recaptured", "entered", "besieged", "liberated", "stormed", "overran", "shelled", "surrounded",
        "encircled", "regained",
    };

    private static readonly HashSet<string> PlaceSlotNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "capture", "recapture", "fall", "siege", "outskirts", "liberation", "control", "countryside", "offensive", "assault", "attack",
    };

    private static bool IsPlaceSlot(Document doc, int i)
    {
        var w = doc.TokenText(i);
        if (Has(PlaceSlotWords, w)) return true;
        // "the capture of X", "control over X", "an offensive on X"
        return w is "of" or "over" or "on" or "against" && i > 0 && Has(PlaceSlotNouns, doc.TokenText(i - 1));
    }

    private static readonly HashSet<string> PluralPlaceWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "villages", "towns", "cities", "areas", "neighbourhoods", "neighborhoods", "hamlets", "hills",
    };

    /// <summary>The names of a list that starts after token <paramref name="j"/> - 1: ", B", " and C", ", and D".</summary>
    private void ListAfter(Document doc, int j, bool[] taken, bool[] blocked, List<PlaceMention> mentions)
    {
        var sentence = doc.Sentences[doc.SentenceAt(doc.Tokens[Math.Min(j, doc.Tokens.Length - 1)].Start)];
        while (j < sentence.EndToken)
        {
            int k = j;
            if (doc.TokenText(k) is ",") k++;
            if (k < sentence.EndToken && doc.TokenText(k) is "and" or "or" or "including" or "namely") k++;
            if (k == j || k >= sentence.EndToken) return;
            int e = Math.Min(NameRunEnd(doc, k), sentence.EndToken);
            if (e <= k) return;
            TryAdd(doc, k, e, PlaceKind.Settlement, taken, blocked, mentions);
            j = e;
        }
    }

    /// <summary>The names of a list that ends before token <paramref name="s"/>: "A, B, and " before "C villages".</summary>
    private void ListBefore(Document doc, int s, bool[] taken, bool[] blocked, List<PlaceMention> mentions)
    {
        var sentence = doc.Sentences[doc.SentenceAt(doc.Tokens[s].Start)];
        while (s > sentence.FirstToken)
        {
            int k = s - 1;
            if (doc.TokenText(k) is "and" or "or") k--;
            if (k >= sentence.FirstToken && doc.TokenText(k) is ",") k--;
            if (k == s - 1 || k < sentence.FirstToken) return;
            int e = k + 1, b = e;
            while (b > sentence.FirstToken && (IsNameToken(doc, b - 1) || (IsHyphenToken(doc, b - 1) && b - 2 >= sentence.FirstToken && IsNameToken(doc, b - 2)))) b--;
            while (b < e && IsHyphenToken(doc, b)) b++;
            if (b >= e || b == sentence.FirstToken) return;
            TryAdd(doc, b, e, PlaceKind.Settlement, taken, blocked, mentions);
            s = b;
        }
    }

    private void TryAdd(Document doc, int s, int e, PlaceKind kind, bool[] taken, bool[] blocked, List<PlaceMention> mentions)
    {
        for (int t = s; t < e; t++) if (taken[t] || blocked[t]) return;
        // Trim articles at the ends (not one joined to the name by a hyphen: "the village of al-X"); skip non-places.
        while (s < e && PlaceNormalizer.IsArticle(doc.TokenText(s)) && char.IsLower(doc.Text[doc.Tokens[s].Start]) && !(s + 2 < e && IsHyphenToken(doc, s + 1))) s++;
        if (s >= e) return;
        bool hyphenArticle = s + 2 < e && IsHyphenToken(doc, s + 1) && PlaceNormalizer.IsArticle(doc.TokenText(s));
        if (!char.IsUpper(doc.Text[doc.Tokens[s].Start]) && !hyphenArticle) return;
        Span<char> tok = stackalloc char[PlaceNormalizer.MaxTokenLength];
        // Leading words that are never places (weekdays, "Southern", demonyms) are not part of the name: "Southern Abu X
        // village" names Abu X. "Upper", "Little" are: they translate the Arabic qualifier (ArabicQualifierForm).
        while (s < e && !hyphenArticle)
        {
            if (doc.Tokens[s].Kind != TokenKind.Word) { s++; continue; }
            if (s + 1 < e && ArabicQualifier(doc.TokenText(s)) is not null) break;
            int n = PlaceNormalizer.NormalizeToken(doc.TokenText(s), tok);
            var key = tok[..n].ToString();
            bool never = _gazetteer.WordFlagOf(key) == WordFlag.NotAPlace && !NameParticles.Contains(key) || _gazetteer.DemonymCountry(key) is not null;
            if (!never) break;
            s++;
        }
        if (s >= e) return;
        int words = 0, particles = 0, common = 0;
        for (int t = s; t < e; t++)
        {
            if (doc.Tokens[t].Kind != TokenKind.Word) continue;
            words++;
            int n = PlaceNormalizer.NormalizeToken(doc.TokenText(t), tok);
            var key = tok[..n].ToString();
            var flag = _gazetteer.WordFlagOf(key);
            bool particle = NameParticles.Contains(key);
            // A never-a-place word inside the name ("Hayat Tahrir al-Sham", "Islamic State") means it is no place name.
            if (flag == WordFlag.NotAPlace && !particle && !(t == s && ArabicQualifier(doc.TokenText(t)) is not null)
                || _gazetteer.DemonymCountry(key) is not null) return;
            if (particle) particles++;
            else if (flag == WordFlag.CommonWord) common++;
        }
        if (particles == words || words == 1 && common == 1) return; // "Abu camp", "Main area"
        var start = doc.Tokens[s].Start;
        var end = doc.Tokens[e - 1].End;
        for (int t = s; t < e; t++) taken[t] = true;
        mentions.Add(new PlaceMention(new TextSpan(start, end), doc.Text[start..end], null, 0.3, kind, false));
    }

    private static PlaceKind KindOf(string word) => word.ToLowerInvariant() switch
    {
        "province" or "governorate" or "region" => PlaceKind.Province,
        "district" or "subdistrict" or "area" => PlaceKind.District,
        "camp" or "base" or "airbase" => PlaceKind.Facility,
        "hill" or "hills" or "mountain" => PlaceKind.Natural,
        _ => PlaceKind.Settlement,
    };

    private static int NameRunEnd(Document doc, int s)
    {
        int e = s;
        while (e < doc.Tokens.Length && e - s < 8)
        {
            if (IsNameToken(doc, e)) { e++; continue; }
            if ((IsHyphenToken(doc, e) || IsApostropheJoiner(doc, e)) && e + 1 < doc.Tokens.Length && IsNameToken(doc, e + 1)) { e++; continue; }
            break;
        }
        return e;
    }

    /// <summary>The apostrophe of "Abu 'Ali" (an ayn): joined to the word after it.</summary>
    private static bool IsApostropheJoiner(Document doc, int i) =>
        i + 1 < doc.Tokens.Length && doc.Tokens[i].Kind == TokenKind.Punctuation && doc.Tokens[i].End == doc.Tokens[i + 1].Start
        && doc.TokenText(i) is "'" or "’" or "ʿ" or "`" or "‘";

    private static bool IsHyphenToken(Document doc, int i) =>
        doc.Tokens[i].Kind == TokenKind.Punctuation && doc.Tokens[i].Length == 1 && TextChars.IsHyphen(doc.Text[doc.Tokens[i].Start]);

    private static bool IsNameToken(Document doc, int i)
    {
        if (doc.Tokens[i].Kind != TokenKind.Word) return false;
        var s = doc.TokenText(i);
        // A spaced lower-case article is part of a name ("ash Shaddadi"), unless it is also an English word: "HTS at X airbase".
        return char.IsUpper(s[0]) || (PlaceNormalizer.IsArticle(s) && i + 1 < doc.Tokens.Length
            && (IsHyphenToken(doc, i + 1) || (doc.Tokens[i + 1].Kind == TokenKind.Word && char.IsUpper(doc.TokenText(i + 1)[0])
                && !Has(SpacedEnglishArticles, s))));
    }
}
