using System.Globalization;
using EventExtractor.Actors;
using EventExtractor.Classification;
using EventExtractor.Input;
using EventExtractor.Places;
using EventExtractor.Text;
using EventExtractor.Time;

namespace EventExtractor.Extraction;

/// <summary>Where the extractor finds its model and gazetteer (defaults: models/ beside the program, $EVENTX_MODELS, or the current directory's parents).</summary>
public sealed record ExtractorOptions
{
    public string? ModelPath { get; init; }
    public string? GazetteerPath { get; init; }
    /// <summary>Countries the articles are about (ISO alpha-2), a prior for choosing between same-named places; see <see cref="GeoparserOptions"/>.</summary>
    public IReadOnlyList<string> Countries { get; init; } = [];
}

/// <summary>A model or gazetteer that is missing or cannot be read: the message says what to run.</summary>
public sealed class ExtractorLoadException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The library's entry point: article in, control events out. Load once (gazetteer, actor dictionary, classifier),
/// then call <see cref="Extract"/> from any number of threads: the extractor holds no mutable state.
/// Pipeline: tokens → places, actors, dates → (place, sentence) candidates and placeholder noun phrases → classifier
/// → roles → <see cref="DocumentAssembler"/> → events.
/// </summary>
public sealed class ControlEventExtractor
{
    private readonly Geoparser _geoparser;
    private readonly ActorRecognizer _actors;
    private readonly ControlClassifier _classifier;
    private readonly FeatureExtractor _features;
    private readonly IRoleAssigner _roles;
    private readonly TriggerLexicon _lexicon;

    private ControlEventExtractor(Geoparser geoparser, ActorRecognizer actors, ControlClassifier classifier, IRoleAssigner? roles)
    {
        _geoparser = geoparser;
        _actors = actors;
        _classifier = classifier;
        var lexicon = TriggerLexicon.LoadDefault();
        _lexicon = lexicon;
        _features = new FeatureExtractor(lexicon);
        _roles = roles ?? new RoleAssigner(lexicon);
        ModelSha256 = classifier.Manifest.Model.Sha256;
        ModelName = "control-classifier@" + (ModelSha256.Length >= 12 ? ModelSha256[..12].ToLowerInvariant() : "unknown");
    }

    private static readonly bool Debug = Environment.GetEnvironmentVariable("EVENTX_DEBUG") == "1";

    /// <summary>The <c>model</c> field of every event: the classifier and the first 12 hex digits of its SHA-256.</summary>
    public string ModelName { get; }

    /// <summary>The classifier's SHA-256, as its manifest records it (evaluation reports name the model by it).</summary>
    public string ModelSha256 { get; }

    /// <summary>Loads the gazetteer, the actor dictionary and the classifier; throws <see cref="ExtractorLoadException"/> saying what to run.</summary>
    public static ControlEventExtractor Load(ExtractorOptions? options = null)
    {
        options ??= new ExtractorOptions();
        var gazPath = options.GazetteerPath ?? Gazetteer.FindDefaultPath()
            ?? throw new ExtractorLoadException($"no gazetteer found (models/{Gazetteer.DefaultFileName}); run `eventx gazetteer build` or set EVENTX_MODELS");
        // The gazetteer, the model and the actor dictionary load side by side (about half the wall time on two cores);
        // errors are reported in the same order as loading them one after another would.
        var gazetteerTask = Task.Run(() => LoadGazetteer(gazPath));
        var modelPath = options.ModelPath ?? FindDefaultModelPath();
        var classifierTask = modelPath is null ? null : Task.Run(() => LoadClassifier(modelPath));
        var actors = LoadActors();
        var gazetteer = gazetteerTask.GetAwaiter().GetResult();
        if (classifierTask is null)
            throw new ExtractorLoadException($"no model found ({ControlClassifier.DefaultRelativePath}); run `eventx train` or set EVENTX_MODELS");
        var classifier = classifierTask.GetAwaiter().GetResult();
        // The pairwise role model beside the classifier when its manifest says it beat the heuristic, else the heuristic.
        IRoleAssigner? roles;
        try { roles = RoleModel.LoadBeside(classifier); }
        catch (ModelMismatchException e) { throw new ExtractorLoadException(e.Message, e); }
        var geoparser = new Geoparser(gazetteer, new GeoparserOptions { Countries = options.Countries });
        return new ControlEventExtractor(geoparser, new ActorRecognizer(actors.GetAwaiter().GetResult()), classifier, roles);
    }

    private static Gazetteer LoadGazetteer(string gazPath)
    {
        try { return Gazetteer.Load(gazPath); }
        catch (Exception e) when (e is IOException or InvalidDataException or EndOfStreamException or UnauthorizedAccessException or FormatException or ArgumentException)
        {
            throw new ExtractorLoadException($"gazetteer {gazPath} cannot be read ({e.Message}); run `eventx gazetteer build`", e);
        }
    }

    private static ControlClassifier LoadClassifier(string modelPath)
    {
        try { return ControlClassifier.Load(modelPath); }
        catch (ModelMismatchException e) { throw new ExtractorLoadException(e.Message, e); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new ExtractorLoadException($"model {modelPath} cannot be read ({e.GetType().Name}: {e.Message}); run `eventx train`", e);
        }
    }

    /// <summary>The actor dictionary, loaded on the calling thread; an error comes out when awaited, after the gazetteer's and the model's.</summary>
    private static Task<ActorDictionary> LoadActors()
    {
        try
        {
            return Task.FromResult(ActorDictionary.LoadDefault());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Task.FromException<ActorDictionary>(new ExtractorLoadException($"actor dictionary cannot be read ({e.Message}); reinstall eventx", e));
        }
    }

    /// <summary>models/control-classifier.zip in $EVENTX_MODELS, beside the program, or in the current directory or a parent.</summary>
    public static string? FindDefaultModelPath() => ModelFiles.Find(Path.GetFileName(ControlClassifier.DefaultRelativePath));

    /// <summary>The control events of one article, in order of their first evidence.</summary>
    public IReadOnlyList<ControlEvent> Extract(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var t0 = Profile ? StageProfile.Now() : default;
        var doc = Document.Create(article.Id, article.Text, article.Date);
        Lap(0, ref t0);
        var actorMentions = _actors.Find(doc);
        Lap(2, ref t0);
        var parsed = _geoparser.Parse(doc, actorMentions); // actors' countries help choose between homonyms
        var placeMentions = parsed as List<PlaceMention> ?? [.. parsed]; // NearbyPlaces reads them by index
        Lap(1, ref t0);
        var time = TimeRecognizer.Analyze(doc, DateOnly.MaxValue);
        Lap(3, ref t0);

        var actorRefs = actorMentions.Select(ToActorRef).ToList();
        var actorSpans = actorMentions.Select(m => new ActorSpan(m.Span, m.Text, m.Actor?.Id, m.Actor?.Name)).ToList();
        var actorsBySentence = new BySentence<ActorRef>(doc, actorRefs, a => a.Span.Start);
        var placeSpans = placeMentions.Select(p => new PlaceSpan(p.Span, p.Text, p.Entry?.Name, p.Entry?.Lat, p.Entry?.Lon, p.IsQualifier)).ToList();
        var byStart = new Dictionary<int, PlaceMention>();
        foreach (var p in placeMentions) byStart.TryAdd(p.Span.Start, p);
        PlaceMention? byStartEarly(int start) => byStart.GetValueOrDefault(start);

        var triggerSentences = SentencesWithTriggers(doc);
        var candidates = CandidateBuilder.Build(doc, new MentionSet(placeSpans, actorSpans), inSentence: s => triggerSentences[s]);
        // Candidates that could never become events are not classified (the classifier scores each row on its own).
        candidates = candidates.Where(c => !c.Target.IsQualifier && triggerSentences[c.SentenceIndex]
            && CanChangeHands(byStartEarly(c.Target.Span.Start)) && !TriggerOverrides.IsReferencePoint(doc, c.SentenceIndex, c.Target.Span)).ToList();
        var placeholders = Placeholders.Find(doc, actorMentions);
        List<Candidate> placeholderCandidates = [];
        if (placeholders.Count > 0)
        {
            var candidatesBySentence = candidates.GroupBy(c => c.SentenceIndex).ToDictionary(g => g.Key, g => g.Select(c => c.Target).ToList());
            var actorSpansBySentence = new BySentence<ActorSpan>(doc, actorSpans, a => a.Span.Start);
            placeholderCandidates = placeholders.Select(ph => PlaceholderCandidate(doc, ph, candidatesBySentence, actorSpansBySentence)).ToList();
        }
        Lap(4, ref t0);
        var rows = candidates.Concat(placeholderCandidates).Select(c => _features.Extract(doc, c)).ToList();
        Lap(5, ref t0);
        var predictions = _classifier.Predict(rows);
        Lap(6, ref t0);

        var sentenceEvents = new List<SentenceEvent>();
        for (int i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            var p = predictions[i];
            if (c.Target.IsQualifier) continue;
            var mention = byStart.GetValueOrDefault(c.Target.Span.Start);
            if (!CanChangeHands(mention) || TriggerOverrides.IsReferencePoint(doc, c.SentenceIndex, c.Target.Span)) continue;
            var label = TriggerOverrides.Relabel(doc, c.SentenceIndex, c.Target.Span, p.Label);
            if (label == ControlLabels.None) continue;
            double confidence = label == p.Label ? p.Confidence : Math.Max(0.5, ScoreOf(p, label));
            var roles = _roles.Assign(doc, c, label);
            var (agent, counterpart) = FixRoles(doc, c, label, roles, actorsBySentence);
            var place = ToPlaceRef(c.Target, mention);
            sentenceEvents.Add(new SentenceEvent(label, confidence, c.SentenceIndex, place, agent, counterpart, null, null));
        }
        sentenceEvents = DropLocators(doc, placeMentions, sentenceEvents);
        for (int i = 0; i < placeholders.Count; i++)
        {
            var ph = placeholders[i];
            // The trigger word decides the type; the classifier's probability for that type is the confidence
            // (floored: a governing capture noun is itself strong evidence).
            double confidence = Math.Max(0.5, ScoreOf(predictions[candidates.Count + i], ph.Type));
            var agent = actorsBySentence.In(ph.Sentence).Where(a => a.Span.End <= ph.TriggerStart && a.Span.Start >= doc.Sentences[ph.Sentence].Start).LastOrDefault();
            var counterpart = ph.Holder is { } h ? ToActorRef(h) : null;
            sentenceEvents.Add(new SentenceEvent(ph.Type, confidence, ph.Sentence, PlaceRef.Placeholder(ph.Span, ph.Text, ph.Kind), agent, counterpart, null, null));
        }

        sentenceEvents = AssignDates(doc, sentenceEvents, time.Mentions);
        if (Debug) foreach (var e in sentenceEvents) Console.Error.WriteLine($"debug: s{e.Sentence} {e.Type} {e.Confidence:0.00} place='{e.Place.Text}'{(e.Place.IsPlaceholder ? " (placeholder)" : "")} agent='{e.Agent?.Actor.Text}' counterpart='{e.Counterpart?.Actor.Text}' date={e.Date}");
        var documentDate = (article.Date ?? time.Anchor)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var result = DocumentAssembler.Assemble(doc, sentenceEvents, actorRefs, documentDate, ModelName, placeholders.Count > 0 ? Antecedents(doc, placeMentions) : null);
        Lap(7, ref t0);
        return result;
    }

    private static readonly bool Profile = Environment.GetEnvironmentVariable("EVENTX_PROFILE") == "1";
    private static readonly StageProfile Stages = new(["tokenize", "places", "actors", "time", "candidates", "features", "classifier", "roles+assembly"]);

    private static void Lap(int stage, ref StageProfile.Mark start)
    {
        if (Profile) Stages.Lap(stage, ref start);
    }

    /// <summary>With EVENTX_PROFILE=1, the seconds spent in each stage so far (all threads; wall and CPU time); else empty.</summary>
    public static string ProfileReport() => Profile ? Stages.Report() : "";

    /// <summary>
    /// Rule 5. Each dated time mention of a sentence belongs to the event whose place is nearest to it (so "the capture
    /// of Al-Qaim on November 3 left Rawa ... under ISIS control" dates the capture, not Rawa's control); an event
    /// takes the nearest mention that belongs to it.
    /// </summary>
    public static List<SentenceEvent> AssignDates(Document doc, List<SentenceEvent> events, IReadOnlyList<TimeMention> mentions)
    {
        var result = new List<SentenceEvent>(events);
        var mentionsBySentence = new BySentence<TimeMention>(doc, mentions, m => m.Span.Start);
        foreach (var bySentence in Enumerable.Range(0, result.Count).GroupBy(i => result[i].Sentence))
        {
            var sentence = doc.Sentences[bySentence.Key];
            var indexes = bySentence.ToList();
            var inSentence = mentionsBySentence.In(bySentence.Key).Where(m => m.Start is not null && m.Span.Start >= sentence.Start && m.Span.Start < sentence.End && m.Kind != TimeKind.Year).ToList();
            var best = new Dictionary<int, (TimeMention Mention, int Distance)>();
            foreach (var m in inSentence)
            {
                int owner = indexes.OrderBy(i => Distance(result[i].Place.Span, m.Span)).ThenBy(i => result[i].Place.Span.Start).First();
                int d = Distance(result[owner].Place.Span, m.Span);
                // Several events at one place (captured and contested of Al-Qaim) share the mention.
                foreach (var i in indexes.Where(i => result[i].Place.Span == result[owner].Place.Span))
                    if (!best.TryGetValue(i, out var b) || d < b.Distance) best[i] = (m, d);
            }
            foreach (var (i, (m, _)) in best)
                result[i] = result[i] with
                {
                    Date = m.Start!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    DatePrecision = m.Precision.ToCoarseContractString(),
                };
        }
        return result;
    }

    private static int Distance(TextSpan a, TextSpan b) => a.End <= b.Start ? b.Start - a.End : b.End <= a.Start ? a.Start - b.End : 0;

    private static readonly HashSet<string> NominalTriggers = new(StringComparer.OrdinalIgnoreCase)
    {
        "capture", "recapture", "fall", "loss", "seizure", "liberation", "takeover", "retaking", "recapturing", "capturing", "seizing", "liberating",
    };

    /// <summary>
    /// Role repairs on top of the classifier's heuristic roles. (a) "The capture of P ... under ISIS control": with a
    /// nominal trigger, an actor after it without "by"/"to" is not the captor; it becomes the counterpart and the
    /// agent is left to rule 2. (b) An agent from the previous sentence is left to rule 2, which picks the nearest one.
    /// (c) A capture with no stated counterpart takes another armed actor of its sentence (the side that lost it).
    /// </summary>
    private static (ActorRef? Agent, ActorRef? Counterpart) FixRoles(Document doc, Candidate c, string label, RoleAssignment roles, BySentence<ActorRef> actorsBySentence)
    {
        var sentence = doc.Sentences[c.SentenceIndex];
        ActorRef? Find(ActorSpan? s) => s is null ? null : actorsBySentence.In(doc.SentenceAt(s.Span.Start)).FirstOrDefault(a => a.Span == s.Span);
        var agent = Find(roles.Agent);
        var counterpart = Find(roles.Counterpart);
        if (agent is not null && agent.Span.Start < sentence.Start) agent = null;
        if (agent is not null && EventTypes.IsControlChange(label) && agent.Span.Start > roles.TriggerStart)
        {
            int trig = doc.TokenAt(roles.TriggerStart);
            var word = doc.TokenText(trig).ToString();
            int at = doc.TokenAt(agent.Span.Start);
            bool marked = false;
            for (int k = at - 1; k >= Math.Max(sentence.FirstToken, at - 2); k--)
            {
                var w = doc.TokenText(k);
                if (w.Equals("by", StringComparison.OrdinalIgnoreCase) || w.Equals("to", StringComparison.OrdinalIgnoreCase)) marked = true;
            }
            if (NominalTriggers.Contains(word) && !marked && label == ControlLabels.Captured)
            {
                counterpart ??= agent;
                agent = null;
            }
        }
        if (label == ControlLabels.Captured && counterpart is null)
        {
            counterpart = actorsBySentence.In(c.SentenceIndex).FirstOrDefault(a => a.Span.Start >= sentence.Start && a.Span.Start < sentence.End
                && a.Key != agent?.Key && a.Actor.Kind is not null && !a.Span.Overlaps(c.Target.Span));
        }
        if (counterpart is not null && agent is not null && counterpart.Key == agent.Key) counterpart = null;
        return (agent, counterpart);
    }

    /// <summary>
    /// Corpus rules 6 and 9: a place that only locates another place of the sentence's event is not that event's place.
    /// "captured X village in southern Idlib", "withdrew from X town near Y": the event is X's; an event of the same type
    /// (or a `contested` one) on Idlib or Y, read from the same words, is dropped. A place with a different event of its own stays.
    /// </summary>
    private static List<SentenceEvent> DropLocators(Document doc, List<PlaceMention> list, List<SentenceEvent> events)
    {
        if (events.Count < 2) return events;
        var index = new Dictionary<int, int>();
        for (int i = 0; i < list.Count; i++) index.TryAdd(list[i].Span.Start, i);
        // (sentence, container start) -> the types of the events it locates
        var located = new Dictionary<(int Sentence, int Start), HashSet<string>>();
        foreach (var e in events)
            if (index.TryGetValue(e.Place.Span.Start, out int i) && NearbyPlaces.Locator(doc, list, i) is { } container)
            {
                if (!located.TryGetValue((e.Sentence, container.Span.Start), out var types)) located[(e.Sentence, container.Span.Start)] = types = [];
                types.Add(e.Type);
            }
        if (located.Count == 0) return events;
        return events.Where(e => !(located.TryGetValue((e.Sentence, e.Place.Span.Start), out var types)
            && (types.Contains(e.Type) || e.Type == ControlLabels.Contested))).ToList();
    }

    /// <summary>
    /// The places "the village" may stand for: every named place that can change hands, less those that only locate
    /// another ("X town of Afrin": the village meant later is X, not Afrin). "Northern Aleppo" is the province, not a town.
    /// </summary>
    private static List<PlaceRef> Antecedents(Document doc, List<PlaceMention> list)
    {
        var locators = new HashSet<int>();
        for (int i = 0; i < list.Count; i++)
            if (NearbyPlaces.Container(doc, list, i) is { } container) locators.Add(container.Span.Start);
        var result = new List<PlaceRef>();
        foreach (var m in list)
        {
            if (m.IsQualifier || !CanChangeHands(m) || locators.Contains(m.Span.Start)) continue;
            var place = ToPlaceRef(new PlaceSpan(m.Span, m.Text), m);
            result.Add(NearbyPlaces.IsProvinceLevel(doc, m) ? place with { Kind = PlaceKind.Province } : place);
        }
        return result;
    }

    private static Candidate PlaceholderCandidate(Document doc, Placeholders.Match ph, Dictionary<int, List<PlaceSpan>> candidatesBySentence, BySentence<ActorSpan> actors)
    {
        var sentence = doc.Sentences[ph.Sentence];
        var target = new PlaceSpan(ph.Span, ph.Text);
        var places = candidatesBySentence.GetValueOrDefault(ph.Sentence, []).Append(target).OrderBy(p => p.Span.Start).ToList();
        var sentenceActors = actors.In(ph.Sentence).Where(a => a.Span.Start >= sentence.Start && a.Span.Start < sentence.End && !a.Span.Overlaps(ph.Span)).ToList();
        var previous = ph.Sentence > 0 ? actors.In(ph.Sentence - 1).Where(a => a.Span.Start >= doc.Sentences[ph.Sentence - 1].Start && a.Span.Start < doc.Sentences[ph.Sentence - 1].End).ToList() : [];
        return new Candidate(doc.Id, doc.Id, ph.Sentence, target, places, sentenceActors, previous, ControlLabels.None, null);
    }

    /// <summary>
    /// Sentences with a word of the trigger lexicon (any category). A place in a sentence with no capture, loss, control
    /// or fighting word is not an event; skipping it before feature extraction and the model is most of the speed.
    /// </summary>
    private bool[] SentencesWithTriggers(Document doc)
    {
        var result = new bool[doc.Sentences.Length];
        var words = doc.LowerTokens.AsSpan();
        for (int s = 0; s < doc.Sentences.Length; s++)
        {
            var sentence = doc.Sentences[s];
            result[s] = _lexicon.HasEventTrigger(words.Slice(sentence.FirstToken, sentence.TokenCount));
        }
        return result;
    }

    private static double ScoreOf(ControlPrediction p, string label)
    {
        int i = ControlLabels.IndexOf(label);
        return i >= 0 && i < p.Scores.Count ? p.Scores[i] : 0;
    }

    /// <summary>
    /// Whole countries and rivers are not what control events are about ("clinging to scraps in Syria and Iraq",
    /// "villages along the Euphrates River"): the ontology's places are provinces down to villages, camps and bases.
    /// </summary>
    private static bool CanChangeHands(PlaceMention? mention)
    {
        if (mention is null) return true;
        if (mention.Entry is { } e)
        {
            if (e.Kind == PlaceKind.Country) return false;
            if (e.FeatureCode.StartsWith("STM", StringComparison.Ordinal)) return false;
        }
        else if (mention.Kind == PlaceKind.Country) return false;
        return true;
    }

    private const string FoldFrom = "ĀāÁáÀàÂâÄäĪīÍíÌìÎîÏïŪūÚúÙùÛûÜüĒēÉéÈèÊêËëŌōÓóÒòÔôÖöḨḩḤḥŞşŢţṢṣṬṭẒẓḐḑḌḍÇçĞğŠšŽžḪḫŁłÑñ";
    private const string FoldTo = "AaAaAaAaAaIiIiIiIiIiUuUuUuUuUuEeEeEeEeEeOoOoOoOoOoHhHhSsTtSsTtZzDdDdCcGgSsZzHhLlNn";

    /// <summary>The gazetteer's name without diacritics ("Ālbū Kamāl" → "Albu Kamal"), as English news and ACLED write it.</summary>
    public static string Ascii(string name)
    {
        // A table, not Unicode normalisation: the build runs with invariant globalization.
        var sb = new System.Text.StringBuilder(name.Length);
        foreach (var ch in name)
        {
            int i = FoldFrom.IndexOf(ch, StringComparison.Ordinal);
            if (i >= 0) sb.Append(FoldTo[i]);
            else if (ch is >= '\u0300' and <= '\u036F') continue;
            else sb.Append(ch is '’' or 'ʼ' or 'ʻ' or '‘' or 'ʿ' or 'ʾ' ? '\'' : ch);
        }
        return sb.ToString();
    }

    private static ActorRef ToActorRef(ActorMention m) =>
        new(m.Span, new EventActor(m.Text, m.Actor?.Name ?? m.Text, m.Actor?.Id, m.Actor?.Country, m.Actor?.Kind.ToContractString()));

    private static EventPlace FromEntry(string text, GazetteerEntry e) =>
        new(text, Ascii(e.Name), e.GeonameId, e.Lat, e.Lon, e.CountryCode, e.Admin1, e.FeatureCode);

    private static PlaceRef ToPlaceRef(PlaceSpan span, PlaceMention? mention)
    {
        var e = mention?.Entry;
        var place = e is null
            ? new EventPlace(span.Text, span.Text, null, null, null, null, null, null, mention?.Near is { Entry: { } near } anchor ? FromEntry(anchor.Text, near) : null)
            : FromEntry(span.Text, e);
        return PlaceRef.Named(span.Span, span.Text, place, e?.Kind ?? mention?.Kind ?? PlaceKind.Other);
    }
}
