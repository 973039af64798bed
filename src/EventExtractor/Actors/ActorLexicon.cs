using System.Collections.Immutable;
using EventExtractor.Text;

namespace EventExtractor.Actors;

/// <summary>Pattern roles of a word (by folded form).</summary>
[Flags]
internal enum WordFlags : ushort
{
    None = 0,
    /// <summary>A force noun: army, troops, forces, warplanes (after Phoenix.agents.txt's [~MIL] nouns).</summary>
    Noun = 1 << 0,
    /// <summary>government, regime: heads a mention of a state without a force noun.</summary>
    Head = 1 << 1,
    /// <summary>Words allowed between a demonym and its noun: government, security, special, ground, air...</summary>
    Modifier = 1 << 2,
    /// <summary>backed, supported, sponsored... after a patron ("Turkish-backed").</summary>
    Backer = 1 << 3,
    /// <summary>led ("Saudi-led forces"): the patron's own forces.</summary>
    Led = 1 << 4,
    /// <summary>Titles skipped before a leader's name: President, Field Marshal, the.</summary>
    Title = 1 << 5,
    /// <summary>loyal / allied / aligned, before "to" + leader.</summary>
    Loyal = 1 << 6,
    To = 1 << 7,
    Pro = 1 << 8,
    Air = 1 << 9,
    /// <summary>"power", "strikes" count as force nouns only after "air".</summary>
    Power = 1 << 10,
    /// <summary>Nouns of armed groups after a patron: rebels, militias, fighters.</summary>
    GroupNoun = 1 << 11,
    /// <summary>Words allowed before a group noun after a patron: Syrian, Kurdish, Sunni, Shiite, Islamist, local.</summary>
    GroupModifier = 1 << 12,
    /// <summary>held / controlled after a hyphen: "government-held", "opposition-controlled".</summary>
    Held = 1 << 13,
    /// <summary>and / , / or between two demonyms: "Syrian and Russian forces".</summary>
    And = 1 << 14,
}

/// <summary>
/// The compiled form of an <see cref="ActorDictionary"/>: interned token vocabularies (folded and exact),
/// a trie for aliases, demonyms and leaders each, and the word roles the patterns use.
/// </summary>
internal sealed class ActorLexicon
{
    private static readonly string[] ForceNouns =
    [
        "army", "armies", "forces", "force", "troops", "troop", "soldiers", "soldier", "military", "militaries", "units",
        "warplanes", "warplane", "jets", "aircraft", "planes", "helicopters", "gunships", "bombers", "drones", "navy",
        "marines", "commandos", "paratroopers", "artillery", "battalions", "brigades", "divisions", "regiments",
        "servicemen", "personnel", "gendarmerie", "police", "policemen", "guards", "infantry", "garrison", "airpower",
        "tanks", "contingent", "reinforcements", "loyalists", "helicopter", "jet", "drone", "sniper", "snipers",
        "airstrikes", "airstrike", "shelling", "bombardment", "gunboats", "warships", "missiles", "rockets",
    ];

    private static readonly string[] Heads = ["government", "regime"];

    private static readonly string[] Modifiers =
    [
        "government", "regime", "state", "security", "armed", "special", "ground", "elite", "military", "air", "naval",
        "army", "federal", "regular", "loyalist", "allied", "republican", "presidential", "counter",
        "terrorism", "counterterrorism", "operations", "defence", "defense", "border", "coast", "riot", "arab", "land",
        "aerospace", "expeditionary", "occupation", "occupying", "invading", "pro",
    ];

    private static readonly string[] GroupModifiers =
    [
        "kurdish", "arab", "sunni", "shia", "shiite", "islamist", "local", "tribal", "allied", "armed", "rebel", "opposition",
        "moderate", "militia", "syrian", "iraqi", "afghan", "yemeni", "libyan", "somali", "palestinian", "lebanese", "foreign",
    ];

    private static readonly string[] BackerWords = ["backed", "supported", "sponsored", "trained", "funded", "aligned", "allied", "affiliated", "armed", "proxy"];

    private static readonly string[] Titles =
    [
        "president", "prime", "minister", "field", "marshal", "general", "gen", "commander", "strongman", "mr", "leader",
        "ruler", "dictator", "the", "late", "warlord", "self", "styled", "renegade", "chief", "supreme", "military",
        "embattled", "ousted", "former", "deposed", "exiled", "his", "their", "its", "strongmen", "veteran",
    ];

    // Group nouns and the generic actor each stands for after a patron ("US-backed rebels").
    private static readonly (string Word, string GenericId)[] GroupNouns =
    [
        ("rebels", "GEN-REBELS"), ("rebel", "GEN-REBELS"), ("opposition", "GEN-REBELS"),
        ("insurgents", "GEN-INSURGENTS"),
        ("militants", "GEN-MILITANTS"), ("jihadists", "GEN-MILITANTS"), ("extremists", "GEN-MILITANTS"), ("gunmen", "GEN-MILITANTS"),
        ("separatists", "GEN-SEPARATISTS"), ("separatist", "GEN-SEPARATISTS"),
        ("jihadist", "GEN-MILITANTS"), ("insurgent", "GEN-INSURGENTS"), ("government", "GEN-GOV-FORCES"), ("loyalist", "GEN-GOV-FORCES"),
        ("tribes", "GEN-TRIBAL"), ("tribesmen", "GEN-TRIBAL"),
        ("militias", "GEN-MILITIAS"), ("militia", "GEN-MILITIAS"), ("militiamen", "GEN-MILITIAS"), ("paramilitaries", "GEN-MILITIAS"),
        ("proxies", "GEN-MILITIAS"), ("fighters", "GEN-MILITIAS"), ("groups", "GEN-MILITIAS"), ("factions", "GEN-MILITIAS"),
        ("alliance", "GEN-MILITIAS"), ("coalition", "GEN-MILITIAS"), ("forces", "GEN-MILITIAS"), ("troops", "GEN-MILITIAS"),
        ("units", "GEN-MILITIAS"), ("brigades", "GEN-MILITIAS"), ("battalions", "GEN-MILITIAS"), ("mercenaries", "GEN-MILITIAS"),
    ];

    private readonly Dictionary<string, int> _folded = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _exact = new(StringComparer.Ordinal);
    private readonly List<WordFlags> _flags = [];
    private readonly List<int> _groupActor = [];

    public ActorLexicon(ImmutableArray<Actor> actors)
    {
        Actors = actors;
        var conflicts = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < actors.Length; i++) index[actors[i].Id] = i;

        for (int i = 0; i < actors.Length; i++)
        {
            var a = actors[i];
            foreach (var alias in a.Aliases) Add(Aliases, alias, i, a.Id, conflicts);
            foreach (var demonym in a.Demonyms) Add(Demonyms, demonym, i, a.Id, conflicts);
            foreach (var leader in a.Leaders) Add(Leaders, leader, i, a.Id, conflicts);
        }

        foreach (var w in ForceNouns) Mark(w, WordFlags.Noun);
        foreach (var w in Heads) Mark(w, WordFlags.Head);
        foreach (var w in Modifiers) Mark(w, WordFlags.Modifier);
        foreach (var w in BackerWords) Mark(w, WordFlags.Backer);
        foreach (var w in GroupModifiers) Mark(w, WordFlags.GroupModifier);
        Mark("led", WordFlags.Led);
        foreach (var w in Titles) Mark(w, WordFlags.Title);
        foreach (var w in (string[])["loyal", "allied", "aligned", "loyalist"]) Mark(w, WordFlags.Loyal);
        Mark("to", WordFlags.To);
        Mark("with", WordFlags.To);
        Mark("pro", WordFlags.Pro);
        Mark("air", WordFlags.Air);
        Mark("power", WordFlags.Power);
        Mark("strikes", WordFlags.Power);
        Mark("held", WordFlags.Held);
        Mark("and", WordFlags.And);
        Mark("or", WordFlags.And);
        Mark(",", WordFlags.And);
        Mark("/", WordFlags.And);
        Mark("controlled", WordFlags.Held);
        foreach (var (w, id) in GroupNouns)
        {
            int fid = Mark(w, WordFlags.GroupNoun);
            _groupActor[fid] = index.GetValueOrDefault(id, -1);
        }

        Possessive = Intern("s");
        FoldedLookup = _folded.GetAlternateLookup<ReadOnlySpan<char>>();
        ExactLookup = _exact.GetAlternateLookup<ReadOnlySpan<char>>();
        Flags = [.. _flags];
        CanStartFolded = new bool[_folded.Count];
        CanStartExact = new bool[_exact.Count];
        foreach (var trie in (TokenTrie[])[Aliases, Demonyms, Leaders])
            foreach (int key in trie.RootKeys)
                if ((key & TokenTrie.ExactBit) != 0) CanStartExact[key & ~TokenTrie.ExactBit] = true;
                else CanStartFolded[key] = true;
        for (int i = 0; i < Flags.Length; i++)
            if ((Flags[i] & (WordFlags.Pro | WordFlags.Noun | WordFlags.GroupNoun)) != 0) CanStartFolded[i] = true;
        GroupActor = [.. _groupActor];
        Conflicts = [.. conflicts];
        for (int i = 0; i < actors.Length; i++)
            if (actors[i].Proxy is { } proxy) ProxyOf[i] = index[proxy];
    }

    public ImmutableArray<Actor> Actors { get; }

    public TokenTrie Aliases { get; } = new();

    public TokenTrie Demonyms { get; } = new();

    public TokenTrie Leaders { get; } = new();

    public Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> FoldedLookup { get; }

    public Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> ExactLookup { get; }

    /// <summary>By folded id: whether a mention can start with the token (an alias, demonym or leader starts with it, or a pattern does).</summary>
    public bool[] CanStartFolded { get; }

    /// <summary>By exact id: whether a mention can start with the acronym.</summary>
    public bool[] CanStartExact { get; }

    /// <summary>Word roles by folded id.</summary>
    public WordFlags[] Flags { get; }

    /// <summary>The generic actor (index) a group noun stands for, by folded id; -1 if none.</summary>
    public int[] GroupActor { get; }

    /// <summary>Actor index → the actor its "-backed" forces are (from the <c>proxy</c> field).</summary>
    public Dictionary<int, int> ProxyOf { get; } = [];

    /// <summary>Folded id of "s", the possessive clitic's key.</summary>
    public int Possessive { get; }

    /// <summary>Phrases that two actors both claim (the first in file order keeps them): "alias → first vs second".</summary>
    public ImmutableArray<string> Conflicts { get; }

    /// <summary>Number of distinct token keys (folded + exact).</summary>
    public int VocabularySize => _folded.Count + _exact.Count;

    private void Add(TokenTrie trie, string phrase, int actor, string id, List<string> conflicts)
    {
        var tokens = Tokenizer.Tokenize(phrase);
        Span<int> keys = stackalloc int[tokens.Length];
        int n = 0;
        foreach (var t in tokens)
        {
            var text = t.In(phrase);
            if (text.Length == 1 && TextChars.IsHyphen(text[0])) continue;
            if (TokenFold.IsAcronym(text))
                keys[n++] = InternExact(text.ToString()) | TokenTrie.ExactBit;
            else if (TokenFold.Fold(text) is { } folded)
                keys[n++] = Intern(folded);
        }
        if (n == 0) return;
        int existing = trie.Add(keys[..n], actor);
        if (existing >= 0 && existing != actor) conflicts.Add($"{phrase} → {Actors[existing].Id} vs {id}");
    }

    private int Mark(string word, WordFlags flag)
    {
        int id = Intern(word);
        _flags[id] |= flag;
        return id;
    }

    private int Intern(string folded)
    {
        if (_folded.TryGetValue(folded, out int id)) return id;
        id = _folded.Count;
        _folded.Add(folded, id);
        _flags.Add(WordFlags.None);
        _groupActor.Add(-1);
        return id;
    }

    private int InternExact(string text)
    {
        if (_exact.TryGetValue(text, out int id)) return id;
        id = _exact.Count;
        _exact.Add(text, id);
        return id;
    }
}
