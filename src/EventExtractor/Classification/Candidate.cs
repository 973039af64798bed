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
}

/// <summary>Builds (place mention, sentence) candidates from a document's mentions, labelled from gold annotations when given.</summary>
public static class CandidateBuilder
{
    /// <summary>
    /// Candidates for every place mention in <paramref name="mentions"/>, plus (when <paramref name="gold"/> is given)
    /// every gold place span that no recognised mention overlaps, so training recall is not capped by the finder.
    /// </summary>
    public static List<Candidate> Build(Document doc, MentionSet mentions, IReadOnlyList<AnnotatedEvent>? gold = null, string? groupId = null, CandidateStats? stats = null)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(mentions);
        var places = new List<PlaceSpan>();
        foreach (var p in mentions.Places.OrderBy(p => p.Span.Start).ThenByDescending(p => p.Span.Length))
        {
            if (places.Count > 0 && places[^1].Span.Overlaps(p.Span)) continue;
            places.Add(p);
        }
        if (gold is not null)
        {
            var goldPlaces = gold.Select(g => g.Place.Span).Distinct().OrderBy(s => s.Start).ToList();
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
        foreach (var place in places)
        {
            int s = doc.SentenceAt(place.Span.Start);
            var sentence = doc.Sentences[s];
            var inSentence = places.Where(p => p.Span.Start >= sentence.Start && p.Span.Start < sentence.End).ToList();
            var sentenceActors = actors.Where(a => a.Span.Start >= sentence.Start && a.Span.Start < sentence.End && !a.Span.Overlaps(place.Span)).ToList();
            var previous = s > 0
                ? actors.Where(a => a.Span.Start >= doc.Sentences[s - 1].Start && a.Span.Start < doc.Sentences[s - 1].End).ToList()
                : [];
            string label = ControlLabels.None;
            AnnotatedEvent? best = null;
            if (gold is not null)
            {
                var matching = gold.Where(g => g.Type != ControlLabels.None && g.Place.Span.Overlaps(place.Span)).ToList();
                if (matching.Count > 0)
                {
                    best = matching.OrderBy(g => ControlLabels.Priority(g.Type)).First();
                    label = best.Type;
                    if (stats is not null && matching.Select(m => m.Type).Distinct().Count() > 1) stats.MultiLabelCandidates++;
                }
            }
            result.Add(new Candidate(doc.Id, groupId ?? doc.Id, s, place, inSentence, sentenceActors, previous, label, best));
        }
        return result;
    }
}
