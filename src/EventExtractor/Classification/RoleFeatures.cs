using EventExtractor.Actors;
using EventExtractor.Text;
using Microsoft.ML.Data;

namespace EventExtractor.Classification;

/// <summary>
/// One (candidate, actor mention) pair as the role model sees it: the actor and its named binary features, and their
/// indexes in <see cref="RoleFeatures.Vector(IReadOnlyList{string})"/> when the extraction made them (then
/// <paramref name="Features"/> is empty unless names were asked for too).
/// </summary>
public sealed record RolePair(ActorSpan Actor, bool InPreviousSentence, IReadOnlyList<string> Features, IReadOnlyList<int>? Indexes = null);

/// <summary>The pairs of one candidate, and the start of its trigger word (the place's start when none is found).</summary>
public sealed record RolePairs(IReadOnlyList<RolePair> Pairs, int TriggerStart);

/// <summary>
/// Features of (candidate, actor) pairs for the role model, computed before ML.NET as named binary features hashed into
/// a sparse vector of <see cref="Dimension"/>: the order of actor, trigger and place and the distances between them, the
/// words next to the actor ("fell to X", "from X", "under X control", "X-held"), the words between actor and trigger,
/// passive cues, nearest-actor flags, the actor's kind, the event type, the heuristic's choice, and for actors of the
/// previous sentence their position there. Most features are also conjoined with the event type.
/// </summary>
public sealed class RoleFeatures
{
    /// <summary>Bumped whenever features change: a role model trained on other features is refused at load.</summary>
    public const int Version = 1;

    /// <summary>Length of the hashed feature vector.</summary>
    public const int Dimension = 1 << 16;

    private const int MaxBetween = 12;

    private static readonly HashSet<string> BeWords = new(StringComparer.Ordinal) { "was", "were", "been", "is", "are", "be", "being" };
    private static readonly HashSet<string> Pronouns = new(StringComparer.Ordinal) { "it", "they", "its", "their", "them", "he", "his" };
    private static readonly HashSet<string> NominalTriggers = new(StringComparer.Ordinal)
    {
        "capture", "recapture", "fall", "loss", "seizure", "liberation", "takeover", "retaking", "recapturing", "capturing", "seizing",
        "liberating", "control", "withdrawal", "retreat", "siege", "battle", "offensive", "assault", "attack", "clashes", "fighting",
    };

    private readonly TriggerLexicon _lexicon;
    private readonly ActorDictionary? _actors;
    private readonly RoleAssigner _heuristic;

    public RoleFeatures(TriggerLexicon lexicon, ActorDictionary? actors)
    {
        _lexicon = lexicon;
        _actors = actors;
        _heuristic = new RoleAssigner(lexicon);
    }

    public RoleFeatures() : this(TriggerLexicon.LoadDefault(), ActorDictionary.LoadDefault()) { }

    /// <summary>
    /// The pairs of candidate <paramref name="c"/> with type <paramref name="label"/>: sentence actors first, then the previous
    /// sentence's. Without <paramref name="names"/> only the features' hashed indexes are made (for scoring: no string per feature).
    /// </summary>
    public RolePairs Extract(Document doc, Candidate c, string label, bool names = true)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(c);
        var sentence = doc.Sentences[c.SentenceIndex];
        var words = RoleAssigner.SentenceWords(doc, c.SentenceIndex);
        int trig = RoleAssigner.FindTrigger(_lexicon, doc, c, label, words);
        int triggerStart = trig >= 0 ? doc.Tokens[sentence.FirstToken + trig].Start : c.Target.Span.Start;
        var heuristic = _heuristic.Assign(doc, c, label, words, trig);
        int placeTok = doc.TokenAt(c.Target.Span.Start) - sentence.FirstToken;
        var actors = c.SentenceActors.OrderBy(a => a.Span.Start).ToList();
        var previous = c.PreviousActors.OrderBy(a => a.Span.Start).ToList();
        var result = new List<RolePair>(actors.Count + previous.Count);

        var spans = actors.Select(a => Tokens(doc, sentence, a)).ToList();
        int nearestBefore = -1, nearestAfter = -1, nearestPlace = -1, bestPlace = int.MaxValue;
        for (int i = 0; i < actors.Count; i++)
        {
            var (s, e) = spans[i];
            if (trig >= 0 && e <= trig) nearestBefore = i;
            if (trig >= 0 && s > trig && nearestAfter < 0) nearestAfter = i;
            int dp = Gap(s, e, placeTok, placeTok + 1);
            if (dp < bestPlace) { bestPlace = dp; nearestPlace = i; }
        }
        var byTrigger = Enumerable.Range(0, actors.Count).OrderBy(i => trig >= 0 ? Gap(spans[i].S, spans[i].E, trig, trig + 1) : 0).ThenBy(i => i).ToList();
        bool pronounBeforeTrigger = false;
        for (int k = 0; k < (trig >= 0 ? trig : Math.Min(3, words.Count)); k++) if (Pronouns.Contains(words[k])) pronounBeforeTrigger = true;

        for (int i = 0; i < actors.Count; i++)
        {
            var a = actors[i];
            var (s, e) = spans[i];
            var f = new PairFeatures(label, names, 96);
            f.AddTyped("cur");
            f.AddTyped("nA=", Number(Math.Min(actors.Count, 4)));
            f.AddTyped("pos=", Bucket(s));
            string dirP = s > placeTok ? "P<A" : "A<P";
            f.AddTyped(dirP);
            f.AddTyped("dP=", Bucket(Gap(s, e, placeTok, placeTok + 1)));
            string w1 = s >= 1 ? words[s - 1] : "<s>", w2 = s >= 2 ? words[s - 2] : "<s>";
            string n1 = e < words.Count ? words[e] : "</s>", n2 = e + 1 < words.Count ? words[e + 1] : "</s>";
            f.AddTyped("w-1=", w1);
            f.AddTyped("w-2=", w2);
            f.AddTyped("w-2w-1=", w2, "_", w1);
            f.AddTyped("w+1=", n1);
            f.AddTyped("w+2=", n2);
            f.AddTyped("w+1w+2=", n1, "_", n2);
            if ((w1 == "under" || w2 == "under") && Enumerable.Range(e, 3).Any(k => k < words.Count && words[k] == "control")) f.AddTyped("underControl");
            if (n1 is "held" or "controlled" || n1 == "-" && n2 is "held" or "controlled") f.AddTyped("heldBy");
            if (trig >= 0)
            {
                string dir = s > trig ? "T<A" : "A<T";
                int dt = Gap(s, e, trig, trig + 1);
                f.AddTyped(dir);
                f.AddTyped(dir, "|dT=", Bucket(dt));
                f.AddTyped("ord=", Order(s, trig, placeTok));
                f.AddTyped("trig=", words[trig]);
                f.AddTyped("trig=", words[trig], "|", dir);
                bool passive = (trig >= 1 && BeWords.Contains(words[trig - 1])) || (trig >= 2 && BeWords.Contains(words[trig - 2]));
                if (passive) { f.AddTyped("passive"); f.AddTyped("passive|", dir, "|w-1=", w1); }
                if (NominalTriggers.Contains(words[trig])) { f.AddTyped("nominal|", dir); f.AddTyped("nominal|", dir, "|w-1=", w1); }
                f.AddTyped(dir, "|w-1=", w1);
                int from = s > trig ? trig + 1 : e, to = s > trig ? s : trig;
                if (to - from > MaxBetween) f.AddTyped("between=far");
                else
                {
                    f.AddTyped("between=", Number(to - from));
                    for (int k = from; k < to; k++)
                    {
                        f.Add("bw=", dir, "|", words[k]);
                        if (k + 1 < to) f.Add("bb=", dir, "|", words[k], "_", words[k + 1]);
                    }
                }
                for (int j = 0; j < actors.Count; j++)
                    if (j != i && spans[j].S >= from && spans[j].E <= to) { f.AddTyped("actorBetween"); break; }
                if (placeTok >= from && placeTok < to) f.AddTyped("placeBetween");
                if (i == nearestBefore) f.AddTyped("nearestBeforeT");
                if (i == nearestAfter) f.AddTyped("nearestAfterT");
                f.AddTyped("rankT=", Number(Math.Min(byTrigger.IndexOf(i), 3)));
            }
            else
            {
                f.AddTyped("noTrigger");
            }
            if (i == nearestPlace) f.AddTyped("nearestP");
            if (i == 0) f.AddTyped("first");
            if (i == actors.Count - 1) f.AddTyped("last");
            AddActor(a, f);
            if (Same(heuristic.Agent, a)) f.AddTyped("h.agent");
            if (Same(heuristic.Counterpart, a)) f.AddTyped("h.counterpart");
            result.Add(new RolePair(a, false, f.Names, f.Indexes));
        }

        if (c.SentenceIndex > 0)
        {
            var prevSentence = doc.Sentences[c.SentenceIndex - 1];
            var prevWords = RoleAssigner.SentenceWords(doc, c.SentenceIndex - 1);
            for (int i = 0; i < previous.Count; i++)
            {
                var a = previous[i];
                var (s, e) = Tokens(doc, prevSentence, a);
                var f = new PairFeatures(label, names, 32);
                f.AddTyped("prev");
                f.AddTyped("prev|nA=", Number(Math.Min(actors.Count, 4)));
                f.AddTyped("prev|rank=", Number(Math.Min(i, 3)));
                if (i == 0) f.AddTyped("prev|first");
                if (i == previous.Count - 1) f.AddTyped("prev|last");
                f.AddTyped("prev|pos=", Bucket(s));
                f.AddTyped("prev|w-1=", s >= 1 ? prevWords[s - 1] : "<s>");
                f.AddTyped("prev|w+1=", e < prevWords.Count ? prevWords[e] : "</s>");
                if (pronounBeforeTrigger) f.AddTyped("prev|pronoun");
                if (trig < 0) f.AddTyped("prev|noTrigger");
                AddActor(a, f);
                if (Same(heuristic.Agent, a)) f.AddTyped("h.agent");
                if (Same(heuristic.Counterpart, a)) f.AddTyped("h.counterpart");
                result.Add(new RolePair(a, true, f.Names, f.Indexes));
            }
        }
        return new RolePairs(result, triggerStart);
    }

    private void AddActor(ActorSpan a, PairFeatures f)
    {
        var actor = a.ActorId is null ? null : _actors?.Find(a.ActorId);
        f.AddTyped("kind=", actor is null ? "unknown" : actor.KindName);
        if (actor is { IsGeneric: true }) f.AddTyped("generic");
    }

    private static bool Same(ActorSpan? x, ActorSpan y) => x is not null && x.Span == y.Span;

    private static (int S, int E) Tokens(Document doc, Sentence sentence, ActorSpan a) =>
        (doc.TokenAt(a.Span.Start) - sentence.FirstToken, doc.TokenAt(Math.Max(a.Span.Start, a.Span.End - 1)) - sentence.FirstToken + 1);

    /// <summary>Tokens strictly between two token ranges (0 when adjacent or overlapping).</summary>
    private static int Gap(int s1, int e1, int s2, int e2) => e1 <= s2 ? s2 - e1 : e2 <= s1 ? s1 - e2 : 0;

    private static readonly string[] Numbers = Enumerable.Range(0, 16).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    private static string Number(int n) => n >= 0 && n < Numbers.Length ? Numbers[n] : n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Bucket(int d) => d switch
    {
        0 => "0",
        1 => "1",
        2 => "2",
        <= 4 => "3-4",
        <= 8 => "5-8",
        <= 15 => "9-15",
        _ => "16+",
    };

    private static string Order(int actor, int trigger, int place)
    {
        var items = new[] { (actor, 'A'), (trigger, 'T'), (place, 'P') };
        Array.Sort(items, (x, y) => x.Item1 != y.Item1 ? x.Item1.CompareTo(y.Item1) : x.Item2.CompareTo(y.Item2));
        return new string(items.Select(x => x.Item2).ToArray());
    }

    /// <summary>The hashed sparse vector of named features (FNV-1a, stable across runs and platforms).</summary>
    public static VBuffer<float> Vector(IReadOnlyList<string> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var entries = new (int Index, float Value)[features.Count];
        for (int i = 0; i < entries.Length; i++) entries[i] = (Hash(features[i]), 1f);
        return SparseVectorBuilder.ToVector(entries, Dimension);
    }

    /// <summary>The vector of a pair: from its indexes when the extraction made them, else from its names.</summary>
    public static VBuffer<float> Vector(RolePair pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        if (pair.Indexes is not { } indexes) return Vector(pair.Features);
        var entries = new (int Index, float Value)[indexes.Count];
        for (int i = 0; i < entries.Length; i++) entries[i] = (indexes[i], 1f);
        return SparseVectorBuilder.ToVector(entries, Dimension);
    }

    /// <summary>The index of a named feature in <see cref="Vector(IReadOnlyList{string})"/>.</summary>
    public static int Hash(string name) => Index(Continue(HashStart, name));

    internal const uint HashStart = 2166136261;

    /// <summary>FNV-1a over each byte of the UTF-16 code units, continued from <paramref name="h"/>: hashing a name's parts in turn hashes the name.</summary>
    internal static uint Continue(uint h, string part)
    {
        foreach (char ch in part)
        {
            h = (h ^ (ch & 0xFFu)) * 16777619;
            h = (h ^ (uint)(ch >> 8)) * 16777619;
        }
        return h;
    }

    internal static int Index(uint h) => (int)(h & (Dimension - 1));
}

/// <summary>
/// The features of one pair as they are added, each also conjoined with the event type ("captured|w-1=from"): their
/// indexes (<see cref="RoleFeatures.Hash"/> of the name, hashed part by part, so no string is built) and, when asked, their names.
/// </summary>
internal sealed class PairFeatures(string label, bool keepNames, int capacity)
{
    private readonly List<string>? _names = keepNames ? new(capacity) : null;

    public List<int> Indexes { get; } = new(capacity);

    public IReadOnlyList<string> Names => _names ?? (IReadOnlyList<string>)[];

    /// <summary>The feature whose name is <paramref name="parts"/> joined.</summary>
    public void Add(params ReadOnlySpan<string> parts) => Add(RoleFeatures.HashStart, "", parts);

    /// <summary>The feature and its conjunction with the event type.</summary>
    public void AddTyped(params ReadOnlySpan<string> parts)
    {
        Add(parts);
        Add(RoleFeatures.Continue(RoleFeatures.Continue(RoleFeatures.HashStart, label), "|"), label + "|", parts);
    }

    private void Add(uint h, string prefix, ReadOnlySpan<string> parts)
    {
        foreach (var part in parts) h = RoleFeatures.Continue(h, part);
        Indexes.Add(RoleFeatures.Index(h));
        _names?.Add(prefix + string.Concat(parts));
    }
}
