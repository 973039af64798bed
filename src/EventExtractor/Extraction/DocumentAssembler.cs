using EventExtractor.Places;
using EventExtractor.Text;

namespace EventExtractor.Extraction;

/// <summary>
/// Turns the sentence-level events of one document into control events: resolves placeholder places, fills a
/// missing agent from the sentence before, joins a "loss of P" with a captor's capture of the same date, merges
/// mentions of the same (type, actor, place, date), dates events and computes their confidence. Stateless: safe to
/// share across threads.
/// </summary>
public static class DocumentAssembler
{
    /// <summary>How many sentences back a placeholder may look for its named place (rule 1).</summary>
    public const int AnaphoraWindow = 2;

    /// <param name="doc">The document (for sentence offsets and evidence text).</param>
    /// <param name="events">The classified candidates, any order.</param>
    /// <param name="actors">All actor mentions of the document (for rule 2).</param>
    /// <param name="documentDate">The publication (or inferred reference) date, ISO, or null.</param>
    /// <param name="model">The model name for the output.</param>
    /// <param name="antecedents">The named places a placeholder may stand for, in text order; null: the events' own places.</param>
    public static IReadOnlyList<ControlEvent> Assemble(Document doc, IReadOnlyList<SentenceEvent> events, IReadOnlyList<ActorRef> actors, string? documentDate, string model,
        IReadOnlyList<PlaceRef>? antecedents = null)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var list = events.Where(e => e.Type != EventTypes.None)
            .OrderBy(e => e.Place.Span.Start).ThenBy(e => e.Type, StringComparer.Ordinal).ToList();
        list = ResolvePlaceholders(doc, list, antecedents);
        var actorsBySentence = new BySentence<ActorRef>(doc, actors, a => a.Span.Start);
        list = list.Select(e => FillAgentFromPreviousSentence(doc, e, e.Sentence > 0 ? actorsBySentence.In(e.Sentence - 1) : actors)).ToList();
        list = JoinLossWithCapture(list);
        list = list.Where(e => !e.Place.IsPlaceholder).ToList();
        list = list.Select(e => WithDocumentDate(e, documentDate)).ToList();
        return Merge(doc, list, model);
    }

    /// <summary>
    /// Rule 1. Writers name a place once and then say "the town", "the city", "the last town held by X"; the event
    /// is about the named place. A placeholder takes the named place of the same kind before it in its sentence,
    /// else the last such within <see cref="AnaphoraWindow"/> sentences before; a placeholder with nothing before it
    /// (a headline or lede that names the place only later) takes the first later named place whose event has a
    /// compatible type and the same date. Unresolved placeholders stay placeholders (rule 3 may still use them).
    /// The places before it are <paramref name="antecedents"/> when given (every named place, whether or not an event
    /// was found at it: "clashes in X village ... took control of the village"), else the events' own places.
    /// </summary>
    public static List<SentenceEvent> ResolvePlaceholders(Document doc, List<SentenceEvent> events, IReadOnlyList<PlaceRef>? antecedents = null)
    {
        var named = events.Where(e => !e.Place.IsPlaceholder).OrderBy(e => e.Place.Span.Start).ToList();
        var places = antecedents?.Select(p => (Place: p, Sentence: doc.SentenceAt(p.Span.Start))).ToList()
            ?? named.Select(n => (n.Place, n.Sentence)).ToList();
        var result = new List<SentenceEvent>(events.Count);
        foreach (var e in events)
        {
            if (!e.Place.IsPlaceholder) { result.Add(e); continue; }
            var target = places.LastOrDefault(n => n.Place.Span.End <= e.Place.Span.Start && n.Sentence >= e.Sentence - AnaphoraWindow && SameKind(n.Place.Kind, e.Place.Kind)).Place;
            if (target is null && !places.Any(n => n.Place.Span.End <= e.Place.Span.Start && n.Sentence >= e.Sentence - AnaphoraWindow))
            {
                var later = named.FirstOrDefault(n => n.Place.Span.Start > e.Place.Span.End && Compatible(n.Type, e.Type) && n.Date is not null && n.Date == e.Date && SameKind(n.Place.Kind, e.Place.Kind));
                target = later?.Place;
            }
            result.Add(target is null ? e : e with { Place = target with { Span = e.Place.Span, Text = e.Place.Text } });
        }
        return result;
    }

    /// <summary>
    /// Rule 2. Articles state the offensive and its actor in one sentence and the capture in the next ("Iraqi forces
    /// are waging a final offensive ... The capture of the key town of Al-Qaim ..."): an event with no agent takes
    /// the nearest (last) state or non-state actor mention of the previous sentence that is not its counterpart.
    /// </summary>
    public static SentenceEvent FillAgentFromPreviousSentence(Document doc, SentenceEvent e, IReadOnlyList<ActorRef> actors)
    {
        if (e.Agent is not null || e.Sentence == 0) return e;
        var prev = doc.Sentences[e.Sentence - 1];
        var candidate = actors
            .Where(a => a.Span.Start >= prev.Start && a.Span.Start < prev.End && a.Actor.Kind is "state" or "non-state")
            // The side that lost the place is not its captor ("... the last remnants of ISIS territory. The capture of Al-Qaim ... under ISIS control").
            .Where(a => e.Counterpart is null || a.Key != e.Counterpart.Key)
            .OrderBy(a => a.Span.Start)
            .LastOrDefault();
        if (candidate is null) return e;
        var counterpart = e.Counterpart is not null && e.Counterpart.Key == candidate.Key ? null : e.Counterpart;
        return e with { Agent = candidate, Counterpart = counterpart };
    }

    /// <summary>
    /// Rule 3. "The loss of P" names the loser and the place; "the capture of the last town" the captor and the date
    /// but no name. The ontology counts them as one event: a withdrew mention that shares its date with a captured
    /// event that has an agent and a placeholder (or the same) place becomes part of captured(agent, P), with the
    /// withdrawing actor (or the capture's own counterpart) as counterpart.
    /// </summary>
    public static List<SentenceEvent> JoinLossWithCapture(List<SentenceEvent> events)
    {
        var result = new List<SentenceEvent>(events);
        foreach (var w in events.Where(e => e.Type == EventTypes.Withdrew && !e.Place.IsPlaceholder && e.Date is not null))
        {
            int ci = result.FindIndex(c => c.Type == EventTypes.Captured && c.Agent is not null && c.Date == w.Date
                && (c.Place.IsPlaceholder || c.Place.Key == w.Place.Key)
                && (w.Agent is null || c.Agent.Key != w.Agent.Key));
            if (ci < 0) continue;
            var c = result[ci];
            result[ci] = c with { Place = c.Place.IsPlaceholder ? w.Place with { Span = c.Place.Span, Text = w.Place.Text } : c.Place, Counterpart = c.Counterpart ?? w.Agent };
            // The loss sentence stays as evidence of the capture.
            int wi = result.IndexOf(w);
            result[wi] = c with { Sentence = w.Sentence, Place = w.Place, Counterpart = c.Counterpart ?? w.Agent, Confidence = Math.Min(w.Confidence, c.Confidence) };
        }
        return result;
    }

    /// <summary>Rule 5 (fallback). An event whose sentence gives no date happened, as far as we know, by the publication date.</summary>
    public static SentenceEvent WithDocumentDate(SentenceEvent e, string? documentDate) =>
        e.Date is not null || documentDate is null ? e : e with { Date = documentDate, DatePrecision = "document" };

    /// <summary>
    /// Rule 4 and 6. One event per (type, actor, place, date) with every supporting sentence as evidence; its
    /// confidence is the highest classifier probability among its mentions; text, counterpart and precision come
    /// from its first mention that has them. Events come out in order of their first evidence.
    /// </summary>
    public static IReadOnlyList<ControlEvent> Merge(Document doc, IReadOnlyList<SentenceEvent> events, string model)
    {
        var groups = new Dictionary<(string, string, string, string), List<SentenceEvent>>();
        var order = new List<(string, string, string, string)>();
        foreach (var e in events.OrderBy(e => e.Sentence).ThenBy(e => e.Place.Span.Start))
        {
            var key = (e.Type, e.Agent?.Key ?? "", e.Place.Key ?? e.Place.Text, e.Date ?? "");
            if (!groups.TryGetValue(key, out var g)) { groups[key] = g = []; order.Add(key); }
            g.Add(e);
        }
        var result = new List<ControlEvent>(order.Count);
        foreach (var key in order)
        {
            var g = groups[key];
            var first = g[0];
            var place = first.Place.Place ?? new EventPlace(first.Place.Text, first.Place.Text, null, null, null, null, null, null);
            var evidence = g.Select(e => e.Sentence).Distinct().Order()
                .Select(s => new Evidence(s, doc.Sentences[s].Start, doc.Sentences[s].End, doc.SentenceText(s))).ToList();
            var counterpart = g.Select(e => e.Counterpart).FirstOrDefault(c => c is not null && c.Key != first.Agent?.Key)?.Actor;
            result.Add(new ControlEvent(doc.Id, first.Type, first.Agent?.Actor, counterpart, place, first.Date,
                g.Select(e => e.DatePrecision).FirstOrDefault(p => p is not null), Math.Round(g.Max(e => e.Confidence), 4), evidence, model));
        }
        return result;
    }

    private static bool Compatible(string named, string placeholder) =>
        named == placeholder || (placeholder == EventTypes.Captured && named == EventTypes.Withdrew);

    /// <summary>"The town" is a settlement, "the camp" a facility; a placeholder of unknown kind (Other) fits any.</summary>
    private static bool SameKind(PlaceKind named, PlaceKind placeholder) =>
        placeholder == PlaceKind.Other || named == PlaceKind.Other || named == placeholder
        || (placeholder == PlaceKind.Settlement && named == PlaceKind.District);
}
