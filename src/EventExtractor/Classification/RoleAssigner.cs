using EventExtractor.Text;

namespace EventExtractor.Classification;

/// <summary>The parties of a classified candidate: who acted, and the other side where stated.</summary>
public sealed record RoleAssignment(ActorSpan? Agent, ActorSpan? Counterpart, int TriggerStart);

/// <summary>Chooses the agent and counterpart of a classified candidate among the actors near it.</summary>
public interface IRoleAssigner
{
    /// <summary>The parties of candidate <paramref name="c"/> of <paramref name="doc"/>, given its (gold or predicted) type.</summary>
    RoleAssignment Assign(Document doc, Candidate c, string label);
}

/// <summary>
/// The heuristic role baseline: the trigger is the lexicon word of the predicted type nearest the place; the agent
/// is the actor after a passive "by"/"to" ("fell to X", "held by X"), else the nearest actor before the trigger,
/// else the nearest after it, else the first actor of the previous sentence; the counterpart is an actor after
/// "from"/"against", or for <c>contested</c> another actor of the sentence.
/// </summary>
public sealed class RoleAssigner : IRoleAssigner
{
    private static readonly HashSet<string> AgentMarkers = new(StringComparer.Ordinal) { "by", "to" };
    private static readonly HashSet<string> CounterMarkers = new(StringComparer.Ordinal) { "from", "against", "of" };
    private readonly TriggerLexicon _lexicon;

    public RoleAssigner(TriggerLexicon lexicon) => _lexicon = lexicon;

    public RoleAssigner() : this(TriggerLexicon.LoadDefault()) { }

    public RoleAssignment Assign(Document doc, Candidate c, string label)
    {
        var words = SentenceWords(doc, c.SentenceIndex);
        return Assign(doc, c, label, words, FindTrigger(_lexicon, doc, c, label, words));
    }

    /// <summary><see cref="Assign(Document, Candidate, string)"/> with the sentence's words and trigger already found.</summary>
    internal RoleAssignment Assign(Document doc, Candidate c, string label, List<string> words, int trigger)
    {
        var sentence = doc.Sentences[c.SentenceIndex];
        int triggerStart = trigger >= 0 ? doc.Tokens[sentence.FirstToken + trigger].Start : c.Target.Span.Start;

        string Marker(ActorSpan a)
        {
            int i = doc.TokenAt(a.Span.Start) - sentence.FirstToken;
            for (int k = i - 1; k >= Math.Max(0, i - 2); k--)
            {
                if (AgentMarkers.Contains(words[k])) return "agent";
                if (CounterMarkers.Contains(words[k])) return words[k] == "of" ? "of" : "counter";
            }
            return "";
        }

        var actors = c.SentenceActors.OrderBy(a => a.Span.Start).ToList();
        ActorSpan? agent = actors.FirstOrDefault(a => a.Span.Start > triggerStart && Marker(a) == "agent");
        agent ??= actors.Where(a => a.Span.End <= triggerStart && Marker(a) is not "counter").OrderByDescending(a => a.Span.Start).FirstOrDefault();
        agent ??= actors.FirstOrDefault(a => a.Span.Start > triggerStart && Marker(a) is not "counter");
        agent ??= c.PreviousActors.OrderBy(a => a.Span.Start).FirstOrDefault();

        ActorSpan? counterpart = actors.FirstOrDefault(a => a != agent && Marker(a) == "counter");
        if (counterpart is null && label == ControlLabels.Contested)
            counterpart = actors.FirstOrDefault(a => a != agent && a.Span.Start > (agent?.Span.Start ?? -1));
        return new RoleAssignment(agent, counterpart, triggerStart);
    }

    /// <summary>The lowercased words of sentence <paramref name="sentenceIndex"/>.</summary>
    internal static List<string> SentenceWords(Document doc, int sentenceIndex)
    {
        var sentence = doc.Sentences[sentenceIndex];
        var words = new List<string>(sentence.TokenCount);
        var lower = doc.LowerTokens;
        for (int t = sentence.FirstToken; t < sentence.EndToken; t++) words.Add(lower[t]);
        return words;
    }

    /// <summary>The lexicon category whose words trigger events of type <paramref name="label"/>.</summary>
    internal static TriggerCategory CategoryOf(string label) => label switch
    {
        ControlLabels.Captured => TriggerCategory.Capture,
        ControlLabels.Withdrew => TriggerCategory.Withdraw,
        ControlLabels.Controls => TriggerCategory.Control,
        _ => TriggerCategory.Contest,
    };

    /// <summary>
    /// The sentence-relative first token of the lexicon word of <paramref name="label"/>'s category nearest the
    /// candidate's place, or -1 when the sentence has none.
    /// </summary>
    internal static int FindTrigger(TriggerLexicon lexicon, Document doc, Candidate c, string label, IReadOnlyList<string> words)
    {
        var sentence = doc.Sentences[c.SentenceIndex];
        var category = CategoryOf(label);
        int targetTok = doc.TokenAt(c.Target.Span.Start) - sentence.FirstToken;
        int trigger = -1, best = int.MaxValue;
        foreach (var h in lexicon.Find(words))
        {
            if (h.Category != category) continue;
            int d = Math.Abs(h.FirstToken - targetTok);
            if (d < best) { best = d; trigger = h.FirstToken; }
        }
        return trigger;
    }

    /// <summary>Accuracy of agent and counterpart against gold spans (overlap, or both absent) over gold event candidates.</summary>
    public static (double Agent, double Counterpart, int N) Score(IEnumerable<(Candidate Candidate, RoleAssignment Roles)> items)
    {
        int n = 0, agentOk = 0, counterOk = 0;
        foreach (var (c, r) in items)
        {
            if (c.Gold is null) continue;
            n++;
            if (Matches(c.Gold.Actor, r.Agent)) agentOk++;
            if (Matches(c.Gold.Counterpart, r.Counterpart)) counterOk++;
        }
        return n == 0 ? (0, 0, 0) : ((double)agentOk / n, (double)counterOk / n, n);
    }

    /// <summary>True when a predicted party is the gold one (spans overlap or the words match), or both are absent.</summary>
    public static bool Matches(AnnotatedSpan? gold, ActorSpan? predicted) =>
        gold is null ? predicted is null : predicted is not null && (gold.Span.Overlaps(predicted.Span) || string.Equals(Norm(gold.Text), Norm(predicted.Text), StringComparison.Ordinal));

    private static string Norm(string s)
    {
        s = s.Trim().ToLowerInvariant();
        return s.StartsWith("the ", StringComparison.Ordinal) ? s[4..] : s;
    }
}
