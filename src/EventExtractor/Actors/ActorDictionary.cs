using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json;

namespace EventExtractor.Actors;

/// <summary>
/// The actors the recognizer knows, with their aliases compiled into token tries. Immutable and thread-safe once
/// loaded. <see cref="LoadDefault"/> reads the dictionary embedded in the library (<c>corpus/actors/*.json</c>);
/// <see cref="Load(string)"/> reads a file or a folder of files in the same format, so users can extend it.
/// </summary>
public sealed class ActorDictionary
{
    private static readonly Lazy<ActorDictionary> Default = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, Actor> _byId;

    private ActorDictionary(ImmutableArray<Actor> actors)
    {
        Actors = actors;
        _byId = actors.ToFrozenDictionary(a => a.Id, StringComparer.Ordinal);
        Lexicon = new ActorLexicon(actors);
    }

    /// <summary>Every actor, in file order.</summary>
    public ImmutableArray<Actor> Actors { get; }

    /// <summary>Number of actors.</summary>
    public int Count => Actors.Length;

    internal ActorLexicon Lexicon { get; }

    /// <summary>The actor with id <paramref name="id"/>, or null.</summary>
    public Actor? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _byId.GetValueOrDefault(id);
    }

    /// <summary>The dictionary built into the library (loaded once, then shared).</summary>
    public static ActorDictionary LoadDefault() => Default.Value;

    /// <summary>Loads a JSON actor file, or every <c>*.json</c> file in a folder (sorted by name).</summary>
    /// <exception cref="InvalidDataException">The JSON is malformed or an entry breaks a rule (duplicate id, unknown kind, ...).</exception>
    public static ActorDictionary Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var files = Directory.Exists(path)
            ? Directory.GetFiles(path, "*.json").Order(StringComparer.Ordinal).ToArray()
            : File.Exists(path) ? [path] : throw new FileNotFoundException($"actor dictionary not found: {path}", path);
        if (files.Length == 0) throw new InvalidDataException($"no *.json actor files in {path}");
        var actors = new List<Actor>();
        foreach (var file in files)
        {
            using var stream = File.OpenRead(file);
            actors.AddRange(Parse(stream, file));
        }
        return FromActors(actors);
    }

    /// <summary>Builds a dictionary from actors (for example the default ones plus your own); ids must be unique.</summary>
    public static ActorDictionary FromActors(IEnumerable<Actor> actors)
    {
        ArgumentNullException.ThrowIfNull(actors);
        var list = actors.ToImmutableArray();
        Validate(list);
        return new ActorDictionary(list);
    }

    /// <summary>Reads actors from a stream of the JSON format described in <c>corpus/actors/README.md</c>.</summary>
    public static IReadOnlyList<Actor> Parse(Stream json, string sourceName = "actors.json")
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{sourceName}: not valid JSON: {e.Message}", e);
        }
        using (document)
        {
            var root = document.RootElement;
            var array = root.ValueKind == JsonValueKind.Array ? root
                : root.ValueKind == JsonValueKind.Object && root.TryGetProperty("actors", out var a) && a.ValueKind == JsonValueKind.Array ? a
                : throw new InvalidDataException($"{sourceName}: expected an array of actors or an object with an \"actors\" array");
            var result = new List<Actor>(array.GetArrayLength());
            int index = 0;
            foreach (var item in array.EnumerateArray())
            {
                result.Add(ParseActor(item, $"{sourceName}: actor #{index}"));
                index++;
            }
            return result;
        }
    }

    private static Actor ParseActor(JsonElement e, string where)
    {
        if (e.ValueKind != JsonValueKind.Object) throw new InvalidDataException($"{where}: not an object");
        string id = RequiredString(e, "id", where);
        where = $"{where} ({id})";
        string name = RequiredString(e, "name", where);
        string kindText = RequiredString(e, "kind", where);
        if (!ActorKinds.TryParse(kindText, out var kind))
            throw new InvalidDataException($"{where}: kind \"{kindText}\" is not one of state, non-state, coalition, militia");
        return new Actor(id, name, kind, OptionalString(e, "country", where), Strings(e, "aliases", where))
        {
            Parent = OptionalString(e, "parent", where),
            Proxy = OptionalString(e, "proxy", where),
            IsGeneric = e.TryGetProperty("generic", out var g) && g.ValueKind == JsonValueKind.True,
            Demonyms = Strings(e, "demonyms", where),
            Leaders = Strings(e, "leaders", where),
            Sources = Strings(e, "sources", where),
        };
    }

    private static string RequiredString(JsonElement e, string property, string where) =>
        OptionalString(e, property, where) is { Length: > 0 } s ? s : throw new InvalidDataException($"{where}: \"{property}\" is required");

    private static string? OptionalString(JsonElement e, string property, string where)
    {
        if (!e.TryGetProperty(property, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        return v.ValueKind == JsonValueKind.String ? v.GetString() : throw new InvalidDataException($"{where}: \"{property}\" must be a string");
    }

    private static ImmutableArray<string> Strings(JsonElement e, string property, string where)
    {
        if (!e.TryGetProperty(property, out var v) || v.ValueKind == JsonValueKind.Null) return [];
        if (v.ValueKind != JsonValueKind.Array) throw new InvalidDataException($"{where}: \"{property}\" must be an array of strings");
        var builder = ImmutableArray.CreateBuilder<string>(v.GetArrayLength());
        foreach (var s in v.EnumerateArray())
        {
            if (s.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(s.GetString()))
                throw new InvalidDataException($"{where}: \"{property}\" holds an empty or non-string entry");
            builder.Add(s.GetString()!.Trim());
        }
        return builder.MoveToImmutable();
    }

    private static void Validate(ImmutableArray<Actor> actors)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in actors)
        {
            if (a is null) throw new InvalidDataException("null actor");
            if (string.IsNullOrWhiteSpace(a.Id)) throw new InvalidDataException("an actor has no id");
            if (!ids.Add(a.Id)) throw new InvalidDataException($"duplicate actor id {a.Id}");
            if (string.IsNullOrWhiteSpace(a.Name)) throw new InvalidDataException($"{a.Id}: no name");
            if (!Enum.IsDefined(a.Kind)) throw new InvalidDataException($"{a.Id}: invalid kind {a.Kind}");
            if (a.Country is not null && (a.Country.Length != 2 || !char.IsAsciiLetterUpper(a.Country[0]) || !char.IsAsciiLetterUpper(a.Country[1])))
                throw new InvalidDataException($"{a.Id}: country \"{a.Country}\" is not an ISO 3166 alpha-2 code");
            if (a.Aliases.IsDefaultOrEmpty) throw new InvalidDataException($"{a.Id}: no aliases");
        }
        foreach (var a in actors)
        {
            if (a.Parent is not null && !ids.Contains(a.Parent)) throw new InvalidDataException($"{a.Id}: parent {a.Parent} is not in the dictionary");
            if (a.Proxy is not null && !ids.Contains(a.Proxy)) throw new InvalidDataException($"{a.Id}: proxy {a.Proxy} is not in the dictionary");
        }
    }

    private static ActorDictionary LoadEmbedded()
    {
        var assembly = typeof(ActorDictionary).Assembly;
        var names = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("EventExtractor.Actors.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (names.Length == 0) throw new InvalidOperationException("the library carries no embedded actor dictionary (EventExtractor.Actors.*.json)");
        var actors = new List<Actor>();
        foreach (var name in names)
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            actors.AddRange(Parse(stream, name));
        }
        return FromActors(actors);
    }
}
