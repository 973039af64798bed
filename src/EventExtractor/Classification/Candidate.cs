using EventExtractor.Text;

namespace EventExtractor.Classification;

/// <summary>The labels the classifier predicts: the four control-event types and <c>none</c>.</summary>
public static class ControlLabels
{
    public const string Captured = "captured";
    public const string Withdrew = "withdrew";
    public const string Controls = "controls";
    public const string Contested = "contested";
    public const string None = "none";

    /// <summary>The four event types, in the order reports list them.</summary>
    public static readonly IReadOnlyList<string> EventTypes = [Captured, Withdrew, Controls, Contested];

    /// <summary>All labels, <c>none</c> last.</summary>
    public static readonly IReadOnlyList<string> All = [Captured, Withdrew, Controls, Contested, None];

    /// <summary>When several events share a place mention, the label kept for the candidate (a change beats a state).</summary>
    public static int Priority(string type) => type switch
    {
        Captured => 0,
        Withdrew => 1,
        Contested => 2,
        Controls => 3,
        _ => 9,
    };

    public static bool IsChange(string label) => label is Captured or Withdrew;

    /// <summary>The position of <paramref name="label"/> in <see cref="All"/> (the models' score order), or -1.</summary>
    public static int IndexOf(string label)
    {
        for (int i = 0; i < All.Count; i++) if (All[i] == label) return i;
        return -1;
    }
}

/// <summary>
/// One classification candidate: a place mention in its sentence, with the actor mentions of that sentence
/// (and of the previous one, for an agent named there). <see cref="Label"/> is the gold label when built from
/// the corpus, else <c>none</c>.
/// </summary>
public sealed record Candidate(
    string DocumentId,
    string GroupId,
    int SentenceIndex,
    PlaceSpan Target,
    IReadOnlyList<PlaceSpan> SentencePlaces,
    IReadOnlyList<ActorSpan> SentenceActors,
    IReadOnlyList<ActorSpan> PreviousActors,
    string Label,
    AnnotatedEvent? Gold);

/// <summary>Counts from building candidates over a corpus, for the manifest and the report.</summary>
public sealed class CandidateStats
{
    public int GoldPlaces { get; set; }
    public int GoldPlacesMissedByFinder { get; set; }
    public int MultiLabelCandidates { get; set; }

    /// <summary>
    /// Gold events (not <c>none</c>) whose evidence does not overlap the sentence of their place (the place is named in
    /// one sentence, the event is told in another): they label no candidate and are left out of training.
    /// </summary>
    public int AnaphoricGoldEvents { get; set; }
}

/// <summary>Builds (place mention, sentence) candidates from a document's mentions, labelled from gold annotations when given.</summary>
public static class CandidateBuilder
{
    /// <summary>
    /// Candidates for every place mention in <paramref name="mentions"/>, plus (when <paramref name="gold"/> is given)
    /// every gold place span that no recognised mention overlaps, so training recall is not capped by the finder.
    /// A candidate in sentence S is labelled only by gold events whose place overlaps its mention and whose evidence
    /// overlaps S: an event told in another sentence (its place named earlier, corpus rule 1) is not supported by
    /// S's words, labels no candidate and is counted in <see cref="CandidateStats.AnaphoricGoldEvents"/>.
    /// With <paramref name="inSentence"/>, only the candidates of the sentences it accepts are built (the same
    /// candidates as without it, less the others).
    /// </summary>
    public static List<Candidate> Build(Document doc, MentionSet mentions, IReadOnlyList<AnnotatedEvent>? gold = null, string? groupId = null, CandidateStats? stats = null,
        Func<int, bool>? inSentence = null)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(mentions);
        var places = new List<PlaceSpan>();
        foreach (var p in mentions.Places.OrderBy(p => p.Span.Start).ThenByDescending(p => p.Span.Length))
        {
            if (places.Count > 0 && places[^1].Span.Overlaps(p.Span)) continue;
            places.Add(p);
        }
        List<AnnotatedEvent>? local = null;
        if (gold is not null)
        {
            // Gold annotations told in the sentence of their place; the others label nothing.
            local = [];
            foreach (var g in gold)
            {
                if (InOwnSentence(doc, g)) local.Add(g);
                else if (g.Type != ControlLabels.None && stats is not null) stats.AnaphoricGoldEvents++;
            }
            var goldPlaces = local.Select(g => g.Place.Span).Distinct().OrderBy(s => s.Start).ToList();
            foreach (var g in goldPlaces)
            {
                if (stats is not null) stats.GoldPlaces++;
                if (places.Any(p => p.Span.Overlaps(g))) continue;
                if (stats is not null) stats.GoldPlacesMissedByFinder++;
                places.Add(new PlaceSpan(g, doc.Text.Substring(g.Start, g.Length)));
            }
            places.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : a.Span.End.CompareTo(b.Span.End));
        }

        var actors = mentions.Actors.OrderBy(a => a.Span.Start).ToList();
        var result = new List<Candidate>(places.Count);
        // Places and actors are sorted by start, so a sentence's mentions are one run of each list (found by binary
        // search), and the candidates of one sentence share its place and previous-actor lists.
        int listsSentence = -1;
        List<PlaceSpan> sentencePlaces = [];
        List<ActorSpan> previous = [];
        foreach (var place in places)
        {
            int s = doc.SentenceAt(place.Span.Start);
            if (inSentence is not null && !inSentence(s)) continue;
            var sentence = doc.Sentences[s];
            if (s != listsSentence)
            {
                listsSentence = s;
                sentencePlaces = StartingIn(places, p => p.Span.Start, sentence.Start, sentence.End);
                previous = s > 0 ? StartingIn(actors, a => a.Span.Start, doc.Sentences[s - 1].Start, doc.Sentences[s - 1].End) : [];
            }
            var sentenceActors = StartingIn(actors, a => a.Span.Start, sentence.Start, sentence.End);
            sentenceActors.RemoveAll(a => a.Span.Overlaps(place.Span));
            string label = ControlLabels.None;
            AnnotatedEvent? best = null;
            if (local is not null)
            {
                var matching = local.Where(g => g.Type != ControlLabels.None && g.Place.Span.Overlaps(place.Span)).ToList();
                if (matching.Count > 0)
                {
                    best = matching.OrderBy(g => ControlLabels.Priority(g.Type)).First();
                    label = best.Type;
                    if (stats is not null && matching.Select(m => m.Type).Distinct().Count() > 1) stats.MultiLabelCandidates++;
                }
            }
            result.Add(new Candidate(doc.Id, groupId ?? doc.Id, s, place, sentencePlaces, sentenceActors, previous, label, best));
        }
        return result;
    }

    /// <summary>The items of <paramref name="sorted"/> (ascending by <paramref name="start"/>) that start in [from, to), in order.</summary>
    private static List<T> StartingIn<T>(List<T> sorted, Func<T, int> start, int from, int to)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (start(sorted[mid]) < from) lo = mid + 1;
            else hi = mid;
        }
        var result = new List<T>();
        for (int i = lo; i < sorted.Count && start(sorted[i]) < to; i++) result.Add(sorted[i]);
        return result;
    }

    /// <summary>
    /// True when the annotation's evidence overlaps the sentence that holds its place (or it has no evidence span):
    /// the (place mention, sentence) candidate there is what the annotation labels.
    /// </summary>
    public static bool InOwnSentence(Document doc, AnnotatedEvent g)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(g);
        if (g.Evidence is not { } evidence) return true;
        var sentence = doc.Sentences[doc.SentenceAt(g.Place.Span.Start)];
        return evidence.Overlaps(new TextSpan(sentence.Start, sentence.End));
    }
}
