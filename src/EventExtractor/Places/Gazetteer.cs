using System.Globalization;
using System.Runtime.InteropServices;
using System.IO.Compression;
using System.Text;

namespace EventExtractor.Places;

/// <summary>How a one-token name is treated when it is also an ordinary word.</summary>
public enum WordFlag : byte
{
    None = 0,

    /// <summary>A common English word (Hit, Ana, Most): a place only when capitalised in place context.</summary>
    CommonWord = 1,

    /// <summary>Never a place on its own (months, weekdays, people's names, actor words).</summary>
    NotAPlace = 2,
}

/// <summary>
/// The place gazetteer: entries and a map from normalised name keys (<see cref="PlaceNormalizer"/>) to entries,
/// plus demonyms (Syrian → SY) for the document's country focus. Loaded once from <c>models/gazetteer.bin.gz</c>;
/// immutable and safe to share between threads.
/// </summary>
public sealed class Gazetteer
{
    internal const string Magic = "EXGAZ";
    internal const int FormatVersion = 6;

    /// <summary>The file name of the built gazetteer under <c>models/</c>.</summary>
    public const string DefaultFileName = "gazetteer.bin.gz";

    // Columnar storage: loading is a handful of bulk array reads; strings and entry records are made on first use.
    private readonly char[] _stringChars;
    private readonly int[] _stringOffsets;
    private readonly string?[] _strings;
    private readonly int[] _idIndex;          // -1: the id is "gn:" + GeonameId
    private readonly long[] _geonameId;       // -1: none
    private readonly int[] _nameIndex;
    private readonly double[] _lat, _lon;     // NaN: none
    private readonly int[] _countryIndex, _admin1Index, _featureCodeIndex, _sourceIndex; // -1: none
    private readonly byte[] _featureClass;
    private readonly long[] _population;
    private readonly GazetteerEntry?[] _entries;

    private readonly char[] _keyChars;
    private readonly int[] _keyOffsets;
    private readonly int[] _postingOffsets;
    private readonly int[] _postings;
    private readonly ulong[] _table;          // open addressing: hash << 32 | (key index + 1); 0 = empty; built at load
    private readonly ulong[] _filter;         // one bit per hash value (low 24 bits): a cheap "certainly not a key" before the table
    private readonly Dictionary<string, string> _demonyms;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _demonymLookup;
    private readonly Dictionary<string, WordFlag> _stopWords;
    private readonly Dictionary<string, WordFlag>.AlternateLookup<ReadOnlySpan<char>> _stopLookup;
    private readonly Lazy<Dictionary<string, int>> _byId;
    private readonly Lazy<Dictionary<long, int>> _byGeonameId;
    private readonly Lazy<(Dictionary<string, int[]> Index, Dictionary<string, int> Countries)> _bySkeleton;

    private Gazetteer(BinaryReader r, string path)
    {
        var magic = Encoding.ASCII.GetString(r.ReadBytes(Magic.Length));
        if (magic != Magic) throw new InvalidDataException($"{path}: not an EventExtractor gazetteer.");
        int format = r.ReadInt32(), normalizer = r.ReadInt32();
        if (format != FormatVersion) throw new InvalidDataException($"{path}: gazetteer format {format}, expected {FormatVersion}; run 'eventx gazetteer build'.");
        if (normalizer != PlaceNormalizer.Version)
            throw new InvalidDataException($"{path}: built with name normaliser {normalizer}, this code has {PlaceNormalizer.Version}; run 'eventx gazetteer build'.");
        MaxKeyTokens = r.ReadInt32();
        var s = r.BaseStream;
        _stringChars = ReadArray<char>(r); _stringOffsets = ReadArray<int>(r);
        _strings = new string?[_stringOffsets.Length - 1];
        _idIndex = ReadArray<int>(r); _geonameId = ReadArray<long>(r); _nameIndex = ReadArray<int>(r);
        _lat = ReadArray<double>(r); _lon = ReadArray<double>(r);
        _countryIndex = ReadArray<int>(r); _admin1Index = ReadArray<int>(r); _featureClass = ReadArray<byte>(r);
        _featureCodeIndex = ReadArray<int>(r); _population = ReadArray<long>(r); _sourceIndex = ReadArray<int>(r);
        _entries = new GazetteerEntry?[_geonameId.Length];
        _bySkeleton = new Lazy<(Dictionary<string, int[]>, Dictionary<string, int>)>(SkeletonIndex);
        _keyChars = ReadArray<char>(r); _keyOffsets = ReadArray<int>(r);
        _postingOffsets = ReadArray<int>(r); _postings = ReadArray<int>(r);
        (_table, _filter) = BuildTable(_keyChars, _keyOffsets);
        int demonymCount = r.ReadInt32();
        _demonyms = new Dictionary<string, string>(demonymCount, StringComparer.Ordinal);
        for (int k = 0; k < demonymCount; k++)
        {
            var key = r.ReadString();
            _demonyms[key] = r.ReadString();
        }
        _demonymLookup = _demonyms.GetAlternateLookup<ReadOnlySpan<char>>();
        int stopCount = r.ReadInt32();
        _stopWords = new Dictionary<string, WordFlag>(stopCount, StringComparer.Ordinal);
        for (int k = 0; k < stopCount; k++)
        {
            var key = r.ReadString();
            _stopWords[key] = (WordFlag)r.ReadByte();
        }
        _stopLookup = _stopWords.GetAlternateLookup<ReadOnlySpan<char>>();
        _byId = new(() =>
        {
            var d = new Dictionary<string, int>(_entries.Length, StringComparer.Ordinal);
            for (int i = 0; i < _entries.Length; i++) d.TryAdd(IdOf(i), i);
            return d;
        });
        _byGeonameId = new(() =>
        {
            var d = new Dictionary<long, int>(_entries.Length);
            for (int i = 0; i < _entries.Length; i++) if (_geonameId[i] >= 0) d.TryAdd(_geonameId[i], i);
            return d;
        });
        Entries = new EntryList(this);
        GC.KeepAlive(s);
    }

    /// <summary>Every entry, in file order (records are made on first access).</summary>
    public IReadOnlyList<GazetteerEntry> Entries { get; }

    /// <summary>How many distinct name keys the gazetteer holds.</summary>
    public int KeyCount => _keyOffsets.Length - 1;

    /// <summary>The most word tokens any name has; the matcher never looks further ahead.</summary>
    public int MaxKeyTokens { get; }

    /// <summary>The entry at <paramref name="index"/>.</summary>
    public GazetteerEntry this[int index]
    {
        get
        {
            var e = Volatile.Read(ref _entries[index]);
            if (e is not null) return e;
            long gn = _geonameId[index];
            e = new GazetteerEntry(IdOf(index), gn < 0 ? null : gn, Str(_nameIndex[index])!,
                double.IsNaN(_lat[index]) ? null : _lat[index], double.IsNaN(_lon[index]) ? null : _lon[index],
                Str(_countryIndex[index]), Str(_admin1Index[index]), (char)_featureClass[index], Str(_featureCodeIndex[index])!,
                _population[index], Str(_sourceIndex[index])!);
            return Interlocked.CompareExchange(ref _entries[index], e, null) ?? e;
        }
    }

    /// <summary>Population of entry <paramref name="index"/> without making its record (hot path).</summary>
    internal long PopulationOf(int index) => _population[index];

    /// <summary>The entries whose names normalise to <paramref name="key"/> (a key made by <see cref="PlaceNormalizer"/>), as entry indices.</summary>
    public ReadOnlySpan<int> LookupKey(ReadOnlySpan<char> key)
    {
        Probe(key, out var hits);
        return hits;
    }

    /// <summary>
    /// Whether <paramref name="key"/> is a name key or the first words of one ("deir" of "deir zor"): the matcher stops
    /// extending a name as soon as this is false. <paramref name="hits"/> is empty for a prefix that is no name itself.
    /// </summary>
    public bool Probe(ReadOnlySpan<char> key, out ReadOnlySpan<int> hits)
    {
        hits = ReadOnlySpan<int>.Empty;
        if (_table.Length == 0) return false;
        uint hash = Hash(key);
        if ((_filter[(hash >> 6) & FilterMask] & (1UL << (int)(hash & 63))) == 0) return false;
        int mask = _table.Length - 1;
        for (uint h = hash & (uint)mask; ; h = (h + 1) & (uint)mask)
        {
            ulong slot = _table[h];
            if (slot == 0) return false;
            if ((uint)(slot >> 32) != hash) continue;
            int k = (int)(uint)slot - 1;
            if (_keyChars.AsSpan(_keyOffsets[k], _keyOffsets[k + 1] - _keyOffsets[k]).SequenceEqual(key))
            {
                hits = _postings.AsSpan(_postingOffsets[k], _postingOffsets[k + 1] - _postingOffsets[k]);
                return true;
            }
        }
    }

    /// <summary>The entries a name (as written) can refer to, in gazetteer order.</summary>
    public IReadOnlyList<GazetteerEntry> Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = PlaceNormalizer.NameKey(name);
        if (key is null) return [];
        var hits = LookupKey(key);
        var list = new GazetteerEntry[hits.Length];
        for (int i = 0; i < hits.Length; i++) list[i] = this[hits[i]];
        return list;
    }

    /// <summary>
    /// The entries of <paramref name="countryCode"/> whose name keys have the consonant skeleton <paramref name="skeleton"/>
    /// (<see cref="PlaceNormalizer.Skeleton(string)"/> of a name key), as entry indices in gazetteer order: for a name the
    /// keys lack. The caller computes the skeleton, once for all the countries it asks about. Only the village-layer countries (Who's On First and UCDP: Syria, Iraq, Yemen...) are indexed, where
    /// transliterations of one village vary most; elsewhere the result is empty. The index is built in one pass over the
    /// keys on first use (a few hundred milliseconds), so callers that never need it never pay for it.
    /// </summary>
    public IReadOnlyList<int> LookupSkeleton(string skeleton, string countryCode)
    {
        var (index, countries) = _bySkeleton.Value;
        if (!countries.TryGetValue(countryCode, out int country) || !index.TryGetValue(skeleton, out var hits)) return [];
        // Each skeleton's entries are sorted by country, then gazetteer order: the country's entries are one run.
        int from = 0;
        while (from < hits.Length && _countryIndex[hits[from]] < country) from++;
        int to = from;
        while (to < hits.Length && _countryIndex[hits[to]] == country) to++;
        return new ArraySegment<int>(hits, from, to - from);
    }

    /// <summary>
    /// Skeleton → entries of the village-layer countries, each list sorted by country (string-table index) then entry and
    /// without repeats; and each village-layer country code's string-table index.
    /// </summary>
    private (Dictionary<string, int[]> Index, Dictionary<string, int> Countries) SkeletonIndex()
    {
        // The countries with a village layer: those of entries whose source names WOF or UCDP (each source string read once).
        var villageCountries = new bool[_stringOffsets.Length];
        var villageSource = new bool?[_stringOffsets.Length];
        var countries = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int e = 0; e < _sourceIndex.Length; e++)
        {
            int si = _sourceIndex[e];
            if (_countryIndex[e] < 0 || si < 0) continue;
            bool village = villageSource[si] ??= Str(si)!.Contains("wof", StringComparison.Ordinal) || Str(si)!.Contains("ucdp", StringComparison.Ordinal);
            if (village && !villageCountries[_countryIndex[e]])
            {
                villageCountries[_countryIndex[e]] = true;
                countries[Str(_countryIndex[e])!] = _countryIndex[e];
            }
        }
        // Skeleton -> (country << 32 | entry) for each entry, so one primitive sort orders a list by country, then entry.
        var lists = new Dictionary<string, List<long>>(StringComparer.Ordinal);
        var lookup = lists.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> skeleton = stackalloc char[256];
        for (int k = 0; k < KeyCount; k++)
        {
            List<long>? list = null;
            foreach (int e in _postings.AsSpan(_postingOffsets[k], _postingOffsets[k + 1] - _postingOffsets[k]))
            {
                if (_countryIndex[e] < 0 || !villageCountries[_countryIndex[e]]) continue;
                if (list is null)
                {
                    var key = _keyChars.AsSpan(_keyOffsets[k], _keyOffsets[k + 1] - _keyOffsets[k]);
                    var buffer = key.Length <= skeleton.Length ? skeleton : new char[key.Length];
                    var sk = buffer[..PlaceNormalizer.Skeleton(key, buffer)];
                    if (!lookup.TryGetValue(sk, out list)) lookup[sk] = list = [];
                }
                list.Add((long)_countryIndex[e] << 32 | (uint)e);
            }
        }
        var index = new Dictionary<string, int[]>(lists.Count, StringComparer.Ordinal);
        foreach (var (sk, list) in lists)
        {
            var sorted = CollectionsMarshal.AsSpan(list);
            sorted.Sort();
            int w = 0;
            for (int r = 0; r < sorted.Length; r++) if (w == 0 || sorted[w - 1] != sorted[r]) sorted[w++] = sorted[r];
            var entries = new int[w];
            for (int i = 0; i < w; i++) entries[i] = (int)(uint)sorted[i];
            index[sk] = entries;
        }
        return (index, countries);
    }

    /// <summary>The country code of a demonym key (normalised "Syrian" → SY), or null.</summary>
    public string? DemonymCountry(ReadOnlySpan<char> key) => _demonymLookup.TryGetValue(key, out var cc) ? cc : null;

    /// <summary>Whether a one-token name key is a common English word (a place only in place context) or never a place alone.</summary>
    public WordFlag WordFlagOf(ReadOnlySpan<char> key) => _stopLookup.TryGetValue(key, out var f) ? f : WordFlag.None;

    public GazetteerEntry? ById(string id) => _byId.Value.TryGetValue(id, out int i) ? this[i] : null;

    public GazetteerEntry? ByGeonameId(long geonameId) => _byGeonameId.Value.TryGetValue(geonameId, out int i) ? this[i] : null;

    /// <summary>The country entry for an ISO 3166 alpha-2 code.</summary>
    public GazetteerEntry? Country(string countryCode) => ById("country:" + countryCode);

    /// <summary>Loads a gazetteer written by the build (<c>.bin.gz</c>, or an uncompressed <c>.bin</c>).</summary>
    public static Gazetteer Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        return new Gazetteer(reader, path);
    }

    /// <summary>
    /// Loads <c>models/gazetteer.bin.gz</c>, looking in $EVENTX_MODELS, then <c>AppContext.BaseDirectory/models</c>,
    /// then in <c>models/</c> of the current directory and each of its parents.
    /// </summary>
    public static Gazetteer LoadDefault() => Load(FindDefaultPath()
        ?? throw new FileNotFoundException($"No models/{DefaultFileName} found (set EVENTX_MODELS, or run 'eventx gazetteer build')."));

    /// <summary>Where <see cref="LoadDefault"/> would load from, or null.</summary>
    public static string? FindDefaultPath() => ModelFiles.Find(DefaultFileName);

    private string IdOf(int i) => _idIndex[i] < 0 ? "gn:" + _geonameId[i].ToString(CultureInfo.InvariantCulture) : Str(_idIndex[i])!;

    private string? Str(int i)
    {
        if (i < 0) return null;
        var s = Volatile.Read(ref _strings[i]);
        if (s is not null) return s;
        s = new string(_stringChars, _stringOffsets[i], _stringOffsets[i + 1] - _stringOffsets[i]);
        return Interlocked.CompareExchange(ref _strings[i], s, null) ?? s;
    }

    private const uint FilterMask = (1u << 18) - 1; // 2^18 words of 64 bits = 2^24 bits, 2 MB

    private static (ulong[] Table, ulong[] Filter) BuildTable(char[] keyChars, int[] keyOffsets)
    {
        int keyCount = keyOffsets.Length - 1;
        var filter = new ulong[FilterMask + 1];
        if (keyCount == 0) return ([], filter);
        int size = 1;
        while (size < keyCount * 2) size <<= 1;
        var table = new ulong[size];
        uint mask = (uint)size - 1;
        for (int k = 0; k < keyCount; k++)
        {
            uint hash = Hash(keyChars.AsSpan(keyOffsets[k], keyOffsets[k + 1] - keyOffsets[k]));
            filter[(hash >> 6) & FilterMask] |= 1UL << (int)(hash & 63);
            for (uint h = hash & mask; ; h = (h + 1) & mask)
                if (table[h] == 0) { table[h] = (ulong)hash << 32 | (uint)(k + 1); break; }
        }
        return (table, filter);
    }

    /// <summary>FNV-1a over UTF-16 code units: stable across processes and builds (string.GetHashCode is randomised).</summary>
    internal static uint Hash(ReadOnlySpan<char> key)
    {
        uint h = 2166136261;
        foreach (char c in key) { h ^= c; h *= 16777619; }
        // murmur3's finaliser: spreads FNV's weak low bits over the whole word
        h ^= h >> 16; h *= 0x85EBCA6B; h ^= h >> 13; h *= 0xC2B2AE35; h ^= h >> 16;
        return h;
    }

    private static T[] ReadArray<T>(BinaryReader r) where T : unmanaged
    {
        int n = r.ReadInt32();
        var a = GC.AllocateUninitializedArray<T>(n);
        r.BaseStream.ReadExactly(MemoryMarshal.AsBytes(a.AsSpan()));
        return a;
    }

    private static void WriteArray<T>(BinaryWriter w, ReadOnlySpan<T> a) where T : unmanaged
    {
        w.Write(a.Length);
        w.Write(MemoryMarshal.AsBytes(a));
    }

    /// <summary>Writes the binary form (uncompressed; the caller wraps it). Keys are written in ordinal order, so the output is deterministic.</summary>
    internal static void Write(BinaryWriter w, IReadOnlyList<GazetteerEntry> entries, IReadOnlyDictionary<string, List<int>> keys,
        IReadOnlyDictionary<string, string> demonyms, IReadOnlyDictionary<string, WordFlag> stopWords, int maxKeyTokens)
    {
        var pool = new Dictionary<string, int>(StringComparer.Ordinal);
        var chars = new StringBuilder();
        var offsets = new List<int> { 0 };
        int Intern(string? s)
        {
            if (s is null) return -1;
            if (!pool.TryGetValue(s, out int i)) { i = pool.Count; pool[s] = i; chars.Append(s); offsets.Add(chars.Length); }
            return i;
        }
        int n = entries.Count;
        var idIndex = new int[n]; var gn = new long[n]; var name = new int[n]; var lat = new double[n]; var lon = new double[n];
        var cc = new int[n]; var admin1 = new int[n]; var fclass = new byte[n]; var fcode = new int[n]; var pop = new long[n]; var source = new int[n];
        for (int i = 0; i < n; i++)
        {
            var e = entries[i];
            bool derived = e.GeonameId is { } g && e.Id == "gn:" + g.ToString(CultureInfo.InvariantCulture);
            idIndex[i] = derived ? -1 : Intern(e.Id);
            gn[i] = e.GeonameId ?? -1; name[i] = Intern(e.Name); lat[i] = e.Lat ?? double.NaN; lon[i] = e.Lon ?? double.NaN;
            cc[i] = Intern(e.CountryCode); admin1[i] = Intern(e.Admin1); fclass[i] = (byte)e.FeatureClass; fcode[i] = Intern(e.FeatureCode);
            pop[i] = e.Population; source[i] = Intern(e.Source);
        }

        var sortedKeys = keys.Keys.ToArray();
        Array.Sort(sortedKeys, StringComparer.Ordinal);
        var keyChars = new StringBuilder();
        var keyOffsets = new int[sortedKeys.Length + 1];
        var postingOffsets = new int[sortedKeys.Length + 1];
        var postings = new List<int>();
        for (int k = 0; k < sortedKeys.Length; k++)
        {
            keyChars.Append(sortedKeys[k]);
            keyOffsets[k + 1] = keyChars.Length;
            postings.AddRange(keys[sortedKeys[k]]);
            postingOffsets[k + 1] = postings.Count;
        }

        w.Write(Encoding.ASCII.GetBytes(Magic));
        w.Write(FormatVersion);
        w.Write(PlaceNormalizer.Version);
        w.Write(maxKeyTokens);
        WriteArray<char>(w, chars.ToString().AsSpan()); WriteArray<int>(w, offsets.ToArray());
        WriteArray<int>(w, idIndex); WriteArray<long>(w, gn); WriteArray<int>(w, name); WriteArray<double>(w, lat); WriteArray<double>(w, lon);
        WriteArray<int>(w, cc); WriteArray<int>(w, admin1); WriteArray<byte>(w, fclass); WriteArray<int>(w, fcode); WriteArray<long>(w, pop); WriteArray<int>(w, source);
        WriteArray<char>(w, keyChars.ToString().AsSpan()); WriteArray<int>(w, keyOffsets);
        WriteArray<int>(w, postingOffsets); WriteArray<int>(w, postings.ToArray());
        var sortedDemonyms = demonyms.Keys.ToArray();
        Array.Sort(sortedDemonyms, StringComparer.Ordinal);
        w.Write(sortedDemonyms.Length);
        foreach (var k in sortedDemonyms) { w.Write(k); w.Write(demonyms[k]); }
        var sortedStops = stopWords.Keys.ToArray();
        Array.Sort(sortedStops, StringComparer.Ordinal);
        w.Write(sortedStops.Length);
        foreach (var k in sortedStops) { w.Write(k); w.Write((byte)stopWords[k]); }
    }

    private sealed class EntryList(Gazetteer g) : IReadOnlyList<GazetteerEntry>
    {
        public GazetteerEntry this[int index] => g[index];

        public int Count => g._entries.Length;

        public IEnumerator<GazetteerEntry> GetEnumerator()
        {
            for (int i = 0; i < Count; i++) yield return g[i];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
