using EventExtractor.Text;
using Microsoft.ML.Data;

namespace EventExtractor.Classification;

/// <summary>
/// One candidate as ML.NET sees it: its label and one sparse vector, computed here before ML.NET (dense cues plus
/// hashed n-grams of the masked sentence, see <see cref="SparseVectorBuilder"/>). The word views the vector was
/// built from are kept for tests and error analysis; ML.NET does not see them.
/// </summary>
public sealed class CandidateFeatures
{
    public string Label { get; set; } = ControlLabels.None;

    [VectorType(FeatureExtractor.VectorLength)]
    public VBuffer<float> Features { get; set; }

    /// <summary>The row's weight in training: rare labels weigh more (set by the trainer, 1 elsewhere).</summary>
    public float Weight { get; set; } = 1;

    /// <summary>The cross-validation group: candidates of one group are never split across folds.</summary>
    [NoColumn]
    public string GroupId { get; set; } = "";

    /// <summary>The sentence with the target as PLACE_T, other places PLACE, actors ACTOR, numbers NUM, words lowercased.</summary>
    [NoColumn]
    public IReadOnlyList<string> MaskedWords { get; init; } = [];

    /// <summary>The masked words between the nearest actor and the target, after A_BEFORE or A_AFTER; or NOACTOR.</summary>
    [NoColumn]
    public IReadOnlyList<string> BetweenWords { get; init; } = [];

    /// <summary>The masked words before the target (at most four).</summary>
    [NoColumn]
    public IReadOnlyList<string> BeforeWords { get; init; } = [];

    /// <summary>The masked words after the target (at most four).</summary>
    [NoColumn]
    public IReadOnlyList<string> AfterWords { get; init; } = [];

    /// <summary>The trigger words that govern the target across a list or a passive ("captured A, B and PLACE_T", "PLACE_T fell to").</summary>
    [NoColumn]
    public IReadOnlyList<string> GovernorWords { get; init; } = [];

    [NoColumn]
    public float[] Dense { get; init; } = [];

    [NoColumn] public string Masked => string.Join(' ', MaskedWords);

    [NoColumn] public string Between => string.Join(' ', BetweenWords);

    [NoColumn] public string Before => string.Join(' ', BeforeWords);

    [NoColumn] public string After => string.Join(' ', AfterWords);

    [NoColumn] public string Governor => string.Join(' ', GovernorWords);
}

/// <summary>Computes <see cref="CandidateFeatures"/> from a candidate: masking, lexicon hits, cues, distances, order.</summary>
public sealed class FeatureExtractor
{
    /// <summary>Bumped whenever features change: a model trained on other features is refused at load.</summary>
    public const int FeatureSetVersion = 5;

    private static readonly string[] Prepositions = ["of", "in", "near", "from", "to", "towards", "toward", "on", "around", "at", "into", "outside", "for", "against", "and", ","];
    private static readonly HashSet<string> GovernmentQualifiers = new(StringComparer.Ordinal) { "government", "regime", "forces", "army", "authorities", "'s", "based" };
    private static readonly HashSet<string> AreaQualifiers = new(StringComparer.Ordinal) { "province", "governorate", "district", "countryside", "region", "outskirts", "area", "front" };
    private static readonly HashSet<string> ThingsAfter = new(StringComparer.Ordinal) { "airbase", "airport", "base", "dam", "field", "hill", "camp", "crossing", "village", "town", "city" };

    private const int EventCategories = 4;
    private const int PerCategory = 5;
    private const int CueBlock = 4;
    private static readonly int PrepBlock = Prepositions.Length + 1;
    private const int Tail = 18;
    private const int GovernorBlock = 2 * (TriggerLexicon.CategoryCount + 1);

    // Words that may stand between a trigger and the place it governs: list glue, place nouns, articles, numbers.
    private static readonly HashSet<string> ListGlue = new(StringComparer.Ordinal)
    {
        "PLACE", ",", "and", "the", "of", "village", "villages", "town", "towns", "city", "cities", "hill", "hills", "area", "areas",
        "NUM", "nearby", "neighbourhood", "neighborhood", "neighbourhoods", "neighborhoods", "district", "districts", "a", "an", "key",
        "strategic", "nearby", "base", "airbase", "mountain", "as", "well", "also", "most", "part", "parts", "entire", "whole", "remaining",
        "rest", "much", "several", "two", "three", "four", "full", "control", "over", "eastern", "western", "northern", "southern", "(", ")", "\"",
    };

    private static readonly HashSet<string> PassiveGlue = new(StringComparer.Ordinal)
    {
        "PLACE", ",", "and", "was", "were", "is", "are", "had", "has", "have", "been", "being", "also", "then", "later", "subsequently",
        "reportedly", "fully", "completely", "finally", "soon", "eventually", "quickly", "(", ")", "the", "city", "town", "village", "itself",
    };

    /// <summary>Length of <see cref="CandidateFeatures.Dense"/>.</summary>
    public const int DenseLength = EventCategories * PerCategory + CueBlock + 17 + Tail + GovernorBlock;

    /// <summary>Length of <see cref="CandidateFeatures.Features"/>: the dense block, then the hashed n-grams.</summary>
    public const int VectorLength = DenseLength + (1 << SparseVectorBuilder.HashBits);

    /// <summary>How many masked words on each side of the target give n-grams.</summary>
    public const int MaskedWindow = 20;

    [ThreadStatic] private static SparseVectorBuilder? _builder;

    private readonly TriggerLexicon _lexicon;

    public FeatureExtractor(TriggerLexicon lexicon) => _lexicon = lexicon;

    public FeatureExtractor() : this(TriggerLexicon.LoadDefault()) { }

    /// <summary>The masked sentence view of a candidate: one entry per kept unit, with its kind.</summary>
    public sealed record MaskedSentence(IReadOnlyList<string> Words, int TargetIndex, IReadOnlyList<int> ActorIndexes, IReadOnlyList<int> PlaceIndexes);

    /// <summary>Masks the candidate's sentence: multi-token mentions collapse to one symbol.</summary>
    public static MaskedSentence Mask(Document doc, Candidate c)
    {
        var sentence = doc.Sentences[c.SentenceIndex];
        var (words, _, actorIdx, placeIdx, target) = Walk(doc, c, c.Target.Span);
        if (target < 0)
        {
            // The target starts inside a token (a gold span cut mid-token): put it where it starts.
            target = 0;
            for (int i = sentence.FirstToken; i < sentence.EndToken && doc.Tokens[i].End <= c.Target.Span.Start; i++) target++;
            target = Math.Min(target, words.Count);
            words.Insert(target, "PLACE_T");
            for (int i = 0; i < actorIdx.Count; i++) if (actorIdx[i] >= target) actorIdx[i]++;
            for (int i = 0; i < placeIdx.Count; i++) if (placeIdx[i] >= target) placeIdx[i]++;
        }
        return new MaskedSentence(words, target, actorIdx, placeIdx);
    }

    /// <summary>
    /// The masking walk over the candidate's sentence: the target (when given) becomes PLACE_T, other places PLACE,
    /// actors ACTOR, numbers NUM, other words lowercased; each masked word with the mention span it covers.
    /// </summary>
    private static (List<string> Words, List<TextSpan?> Covers, List<int> ActorIndexes, List<int> PlaceIndexes, int Target) Walk(Document doc, Candidate c, TextSpan? target)
    {
        var sentence = doc.Sentences[c.SentenceIndex];
        var lower = doc.LowerTokens;
        var places = SortedByStart(c.SentencePlaces, p => p.Span);
        var actors = SortedByStart(c.SentenceActors, a => a.Span);
        var words = new List<string>(sentence.TokenCount);
        var covers = new List<TextSpan?>(sentence.TokenCount);
        var actorIdx = new List<int>();
        var placeIdx = new List<int>();
        int targetIndex = -1, nextPlace = 0, nextActor = 0;
        int t = sentence.FirstToken;
        while (t < sentence.EndToken)
        {
            var tok = doc.Tokens[t];
            var span = new TextSpan(tok.Start, tok.End);
            TextSpan? covering = null;
            string? symbol = null;
            if (target is { } ts && ts.Overlaps(span)) { covering = ts; symbol = "PLACE_T"; targetIndex = words.Count; }
            else if (FirstOverlapping(places, ref nextPlace, span) is { } p) { covering = p; symbol = "PLACE"; placeIdx.Add(words.Count); }
            else if (FirstOverlapping(actors, ref nextActor, span) is { } a) { covering = a; symbol = "ACTOR"; actorIdx.Add(words.Count); }
            covers.Add(covering);
            if (covering is { } cov)
            {
                words.Add(symbol!);
                while (t < sentence.EndToken && doc.Tokens[t].Start < cov.End) t++;
                continue;
            }
            words.Add(tok.Kind == TokenKind.Number ? "NUM" : lower[t]);
            t++;
        }
        return (words, covers, actorIdx, placeIdx, targetIndex);
    }

    /// <summary>Mention spans in start order (stable, so that among equal starts the list's order still decides).</summary>
    private static TextSpan[] SortedByStart<T>(IReadOnlyList<T> mentions, Func<T, TextSpan> span)
    {
        var spans = new TextSpan[mentions.Count];
        bool sorted = true;
        for (int i = 0; i < spans.Length; i++)
        {
            spans[i] = span(mentions[i]);
            if (i > 0 && spans[i].Start < spans[i - 1].Start) sorted = false;
        }
        if (sorted) return spans; // the usual case: mentions come in text order
        var order = Enumerable.Range(0, spans.Length).OrderBy(i => spans[i].Start).ToArray();
        return order.Select(i => spans[i]).ToArray();
    }

    /// <summary>
    /// The first mention overlapping <paramref name="token"/>, walking forward: tokens come in text order, so a
    /// mention that ends before this token can never cover a later one.
    /// </summary>
    private static TextSpan? FirstOverlapping(TextSpan[] spans, ref int next, TextSpan token)
    {
        while (next < spans.Length && spans[next].End <= token.Start) next++;
        for (int i = next; i < spans.Length && spans[i].Start < token.End; i++)
        {
            if (spans[i].Overlaps(token)) return spans[i];
        }
        return null;
    }

    /// <summary>
    /// A sentence masked with every place as PLACE (and the span each masked word covers), with its lexicon hits: the
    /// same for every candidate of the sentence, so it is computed once and the target's word swapped to PLACE_T.
    /// </summary>
    private sealed record SentenceMask(Document Doc, int Sentence, IReadOnlyList<PlaceSpan> Places, IReadOnlyList<ActorSpan> Actors, List<string> Words,
        TextSpan?[] Covers, List<int> ActorIndexes, List<int> PlaceIndexes, List<TriggerHit> Hits);

    [ThreadStatic] private static SentenceMask? _lastSentence;

    /// <summary>A sentence's shared masked words seen with one place as the target (PLACE_T), without copying them.</summary>
    private sealed class TargetView(List<string> words, int target) : IReadOnlyList<string>
    {
        public string this[int index] => index == target ? "PLACE_T" : words[index];

        public int Count => words.Count;

        public IEnumerator<string> GetEnumerator()
        {
            for (int i = 0; i < words.Count; i++) yield return this[i];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>The candidate's masked sentence and its lexicon hits, from the sentence's shared mask when that gives exactly what <see cref="Mask"/> would.</summary>
    private (MaskedSentence Mask, List<TriggerHit> Hits) MaskWithHits(Document doc, Candidate c)
    {
        var cached = _lastSentence;
        if (cached is null || cached.Doc != doc || cached.Sentence != c.SentenceIndex
            || !ReferenceEquals(cached.Places, c.SentencePlaces) || !SameSpans(cached.Actors, c.SentenceActors))
        {
            cached = _lastSentence = MaskSentence(doc, c);
        }
        // The shared mask serves when the target is one masked word of its own and no other place overlaps it;
        // otherwise (a gold span cut mid-token, overlapping mentions) mask this candidate on its own.
        int at = -1;
        for (int i = 0; i < cached.PlaceIndexes.Count && at < 0; i++)
            if (cached.Covers[cached.PlaceIndexes[i]] == c.Target.Span) at = cached.PlaceIndexes[i];
        bool overlapped = false;
        foreach (var p in c.SentencePlaces)
            if (p.Span != c.Target.Span && p.Span.Overlaps(c.Target.Span)) overlapped = true;
        if (at < 0 || overlapped)
        {
            var own = Mask(doc, c);
            return (own, _lexicon.Find(own.Words));
        }
        var words = new TargetView(cached.Words, at);
        var places = new List<int>(cached.PlaceIndexes.Count - 1);
        foreach (int i in cached.PlaceIndexes) if (i != at) places.Add(i);
        return (new MaskedSentence(words, at, cached.ActorIndexes, places), cached.Hits);
    }

    /// <summary>
    /// Whether two actor lists hold the same spans: each candidate has its own list (an actor overlapping its place is
    /// left out), so the candidates of a sentence share its mask when their lists agree.
    /// </summary>
    private static bool SameSpans(IReadOnlyList<ActorSpan> a, IReadOnlyList<ActorSpan> b)
    {
        if (ReferenceEquals(a, b)) return true;
        if (a.Count != b.Count) return false;
        for (int i = 0; i < a.Count; i++) if (a[i].Span != b[i].Span) return false;
        return true;
    }

    /// <summary>The sentence of <paramref name="c"/> masked as <see cref="Mask"/> does, with no target (every place PLACE).</summary>
    private SentenceMask MaskSentence(Document doc, Candidate c)
    {
        var (words, covers, actorIdx, placeIdx, _) = Walk(doc, c, null);
        return new SentenceMask(doc, c.SentenceIndex, c.SentencePlaces, c.SentenceActors, words, covers.ToArray(), actorIdx, placeIdx, _lexicon.Find(words));
    }

    public CandidateFeatures Extract(Document doc, Candidate c)
    {
        var (m, hits) = MaskWithHits(doc, c);
        var words = m.Words;
        int ti = m.TargetIndex;
        var f = new float[DenseLength];

        // Event-trigger categories: presence, proximity, order, adjacency, count.
        int k = 0;
        var nearestTrigger = int.MaxValue;
        int nearestTriggerPos = -1;
        for (int cat = 0; cat < EventCategories; cat++)
        {
            int best = int.MaxValue, bestPos = -1, count = 0;
            foreach (var h in hits)
            {
                if ((int)h.Category != cat || h.FirstToken <= ti && ti < h.EndToken) continue;
                count++;
                int d = h.EndToken <= ti ? ti - h.EndToken + 1 : h.FirstToken - ti;
                if (d < best) { best = d; bestPos = h.FirstToken; }
            }
            if (best < nearestTrigger) { nearestTrigger = best; nearestTriggerPos = bestPos; }
            f[k++] = count > 0 ? 1 : 0;
            f[k++] = count > 0 ? 1f / best : 0;
            f[k++] = count > 0 && bestPos < ti ? 1 : 0;
            f[k++] = count > 0 && best <= 3 ? 1 : 0;
            f[k++] = Math.Min(count, 5) / 5f;
        }

        // Negation and modality: anywhere in the sentence, and close to the target or its nearest trigger.
        for (int cat = (int)TriggerCategory.Negation; cat <= (int)TriggerCategory.Modality; cat++)
        {
            bool any = false, near = false;
            foreach (var h in hits)
            {
                if ((int)h.Category != cat) continue;
                any = true;
                if (Math.Abs(h.FirstToken - ti) <= 6 || nearestTriggerPos >= 0 && Math.Abs(h.FirstToken - nearestTriggerPos) <= 4) near = true;
            }
            f[k++] = any ? 1 : 0;
            f[k++] = near ? 1 : 0;
        }

        // The word before the target (skipping "the", "town", "village"... is left to the text columns).
        string prev = ti > 0 ? words[ti - 1] : "<s>";
        int prep = Array.IndexOf(Prepositions, prev);
        f[k + (prep >= 0 ? prep : Prepositions.Length)] = 1;
        k += PrepBlock;

        string next = ti + 1 < words.Count ? words[ti + 1] : "</s>";
        f[k++] = GovernmentQualifiers.Contains(next) ? 1 : 0;
        f[k++] = AreaQualifiers.Contains(next) ? 1 : 0;
        f[k++] = ThingsAfter.Contains(next) ? 1 : 0;
        f[k++] = next is "," or "and" && ti + 2 < words.Count && words[ti + 2].StartsWith("PLACE", StringComparison.Ordinal) ? 1 : 0;
        f[k++] = prev is "," or "and" && ti >= 2 && words[ti - 2].StartsWith("PLACE", StringComparison.Ordinal) ? 1 : 0;

        // Actors: how many, where, how far.
        int before = m.ActorIndexes.Count(a => a < ti), after = m.ActorIndexes.Count(a => a > ti);
        int nearestActor = m.ActorIndexes.Count == 0 ? -1 : m.ActorIndexes.OrderBy(a => Math.Abs(a - ti)).First();
        f[k++] = Math.Min(m.ActorIndexes.Count, 5) / 5f;
        f[k++] = before > 0 ? 1 : 0;
        f[k++] = after > 0 ? 1 : 0;
        f[k++] = nearestActor >= 0 ? 1f / Math.Abs(nearestActor - ti) : 0;
        f[k++] = c.PreviousActors.Count > 0 ? 1 : 0;
        f[k++] = nearestActor >= 0 && nearestTriggerPos >= 0 && (nearestActor < nearestTriggerPos) == (nearestTriggerPos < ti) ? 1 : 0;

        // Places and position.
        f[k++] = Math.Min(m.PlaceIndexes.Count + 1, 10) / 10f;
        f[k++] = m.PlaceIndexes.Count(p => p < ti) == 0 ? 1 : 0;
        f[k++] = words.Count > 0 ? (float)ti / words.Count : 0;
        f[k++] = Math.Min(words.Count, 80) / 80f;
        f[k++] = c.Target.IsQualifier ? 1 : 0;
        f[k++] = c.Target.Text.Contains(' ', StringComparison.Ordinal) ? 1 : 0;

        // The governing triggers: to the left across list glue, to the right across passive glue.
        k = DenseLength - GovernorBlock;
        var (leftCat, leftWord) = Governing(words, hits, ti, -1, ListGlue);
        var (rightCat, rightWord) = Governing(words, hits, ti, +1, PassiveGlue);
        f[k + (leftCat < 0 ? TriggerLexicon.CategoryCount : leftCat)] = 1;
        f[k + TriggerLexicon.CategoryCount + 1 + (rightCat < 0 ? TriggerLexicon.CategoryCount : rightCat)] = 1;

        var between = BetweenWords(words, ti, nearestActor);
        var beforeWords = Slice(words, Math.Max(0, ti - 4), ti);
        var afterWords = Slice(words, ti + 1, Math.Min(words.Count, ti + 5));
        string[] governor = ["L_" + leftWord, "R_" + rightWord];

        var v = _builder ??= new SparseVectorBuilder(DenseLength);
        v.Dense(f);
        // The masked sentence within MaskedWindow words of the target: a list sentence of hundreds of words with a
        // candidate per place would otherwise cost (places x words) n-grams, and far words say little of this place.
        v.BeginNamespace("masked");
        v.AddNgrams(words, Math.Max(0, ti - MaskedWindow), Math.Min(words.Count, ti + MaskedWindow + 1), 3);
        v.EndNamespace();
        Namespace(v, "between", between, 2);
        Namespace(v, "before", beforeWords, 2);
        Namespace(v, "after", afterWords, 2);
        Namespace(v, "governor", governor, 2);
        WindowNamespace(v, words, ti);
        TriggerNamespace(v, words, hits, ti);
        return new CandidateFeatures
        {
            Label = c.Label,
            GroupId = c.GroupId,
            Features = v.Build(),
            MaskedWords = words,
            BetweenWords = between,
            BeforeWords = beforeWords,
            AfterWords = afterWords,
            GovernorWords = governor,
            Dense = f,
        };
    }

    private static void Namespace(SparseVectorBuilder v, string name, IReadOnlyList<string> words, int maxN)
    {
        v.BeginNamespace(name);
        v.AddNgrams(words, 0, words.Count, maxN);
        v.EndNamespace();
    }

    /// <summary>
    /// The words right around the target with their offsets ("-1:of", "+1:province"): the bag-of-words columns lose
    /// which side a word is on and how close it is.
    /// </summary>
    private static void WindowNamespace(SparseVectorBuilder v, IReadOnlyList<string> words, int ti)
    {
        v.BeginNamespace("window");
        string At(int i) => i < 0 ? "<s>" : i >= words.Count ? "</s>" : words[i];
        for (int d = 1; d <= 3; d++)
        {
            v.Add(Offsets[3 - d], At(ti - d));
            v.Add(Offsets[3 + d], At(ti + d));
        }
        v.Add("-2-1", At(ti - 2), At(ti - 1));
        v.Add("+1+2", At(ti + 1), At(ti + 2));
        v.Add("-1+1", At(ti - 1), At(ti + 1));
        v.EndNamespace();
    }

    private static readonly string[] Offsets = ["-3", "-2", "-1", "0", "+1", "+2", "+3"];
    private static readonly string[] Counts = ["0", "1", "2", "3", "4", "5", "6", "7", "8"];
    private static readonly string[] CategoryNames = Enum.GetNames<TriggerCategory>();

    /// <summary>
    /// Each trigger of the sentence seen from the target: its category and form with the side and a distance bucket,
    /// and for triggers within eight words the words between them ("captured the town of", "fell to").
    /// Features are hashed from their parts, so none is built as a string.
    /// </summary>
    private static void TriggerNamespace(SparseVectorBuilder v, IReadOnlyList<string> words, List<TriggerHit> hits, int ti)
    {
        v.BeginNamespace("trigger");
        if (hits.Count == 0) v.Add("none");
        foreach (var h in hits)
        {
            var category = CategoryNames[(int)h.Category];
            if (h.FirstToken <= ti && ti < h.EndToken) { v.Add("inside", category); continue; }
            bool before = h.EndToken <= ti;
            int d = before ? ti - h.EndToken + 1 : h.FirstToken - ti;
            string side = before ? "<" : ">";
            string bucket = d <= 1 ? "1" : d <= 3 ? "3" : d <= 6 ? "6" : d <= 12 ? "12" : "far";
            v.Add(category, side, bucket);
            v.Add(h.Form, side, bucket);
            if (d <= 8)
            {
                int lo = before ? h.EndToken : ti + 1, hi = before ? ti : h.FirstToken;
                v.AddPath(h.Form, side, words, lo, hi);
                v.Add(category, side, Counts[hi - lo], hi > lo ? words[before ? hi - 1 : lo] : "");
            }
        }
        v.EndNamespace();
    }

    private static string[] Slice(IReadOnlyList<string> words, int from, int to)
    {
        var result = new string[Math.Max(0, to - from)];
        for (int i = 0; i < result.Length; i++) result[i] = words[from + i];
        return result;
    }

    /// <summary>The first trigger reached from the target in direction <paramref name="step"/> over glue words only.</summary>
    private static (int Category, string Word) Governing(IReadOnlyList<string> words, List<TriggerHit> hits, int ti, int step, HashSet<string> glue)
    {
        for (int i = ti + step, n = 0; i >= 0 && i < words.Count && n < 25; i += step, n++)
        {
            foreach (var h in hits)
            {
                if (h.Category is TriggerCategory.Negation or TriggerCategory.Modality) continue;
                if (h.FirstToken <= i && i < h.EndToken) return ((int)h.Category, h.Form.Replace(' ', '_'));
            }
            if (!glue.Contains(words[i])) return (-1, words[i] is "ACTOR" ? "ACTOR" : "none");
        }
        return (-1, "none");
    }

    private static List<string> BetweenWords(IReadOnlyList<string> words, int ti, int actor)
    {
        if (actor < 0) return ["NOACTOR"];
        int lo = Math.Min(actor, ti) + 1, hi = Math.Max(actor, ti);
        var result = new List<string> { actor < ti ? "A_BEFORE" : "A_AFTER" };
        for (int i = lo; i < hi && i < lo + 12; i++) result.Add(words[i]);
        return result;
    }
}
