using System.Reflection;
using System.Text;

namespace EventExtractor.Classification;

/// <summary>Word categories the features count: event triggers by type, and negation and modality cues.</summary>
public enum TriggerCategory
{
    Capture = 0,
    Withdraw = 1,
    Control = 2,
    Contest = 3,
    Negation = 4,
    Modality = 5,
}

/// <summary>A lexicon hit: the category and the sentence-relative token range it covers.</summary>
public readonly record struct TriggerHit(TriggerCategory Category, int FirstToken, int EndToken, string Form);

/// <summary>
/// The trigger lexicon (<c>triggers.tsv</c>, embedded): single words, multi-word phrases and suffixes
/// (<c>-held</c>) by category. Seeded from PETRARCH2's CAMEO verb patterns 192 and 0874 (MIT, Open Event Data Alliance).
/// </summary>
public sealed class TriggerLexicon
{
    public const int CategoryCount = 6;

    private readonly Dictionary<string, List<(string[] Words, TriggerCategory Category, string Form)>> _byFirst = new(StringComparer.Ordinal);
    private readonly List<(string Suffix, TriggerCategory Category)> _suffixes = [];

    private static readonly Lazy<TriggerLexicon> Default = new(() =>
    {
        using var stream = typeof(TriggerLexicon).Assembly.GetManifestResourceStream("EventExtractor.Classification.triggers.tsv")
            ?? throw new InvalidOperationException("embedded resource triggers.tsv is missing");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader);
    });

    /// <summary>The lexicon shipped in the library.</summary>
    public static TriggerLexicon LoadDefault() => Default.Value;

    /// <summary>The SHA-256 of the embedded lexicon file, for the model manifest.</summary>
    public static string DefaultHash()
    {
        using var stream = typeof(TriggerLexicon).Assembly.GetManifestResourceStream("EventExtractor.Classification.triggers.tsv")!;
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
    }

    /// <summary>Reads <c>category TAB form [TAB source]</c> lines; <c>#</c> starts a comment line.</summary>
    public static TriggerLexicon Parse(TextReader reader)
    {
        var lex = new TriggerLexicon();
        string? line;
        int n = 0;
        while ((line = reader.ReadLine()) is not null)
        {
            n++;
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split('\t');
            if (parts.Length < 2 || !Enum.TryParse<TriggerCategory>(parts[0], ignoreCase: true, out var cat))
                throw new InvalidDataException($"triggers.tsv line {n}: expected 'category<TAB>form'");
            var form = parts[1].Trim().ToLowerInvariant();
            if (form.StartsWith('-')) { lex._suffixes.Add((form, cat)); continue; }
            var words = form.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (!lex._byFirst.TryGetValue(words[0], out var list)) lex._byFirst[words[0]] = list = [];
            list.Add((words, cat, string.Join(' ', words)));
        }
        foreach (var list in lex._byFirst.Values) list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
        return lex;
    }

    /// <summary>
    /// Every hit in <paramref name="words"/> (lowercased tokens). A word may hit several categories
    /// ("repelled" is both contest and negation); within a category the longest phrase wins.
    /// </summary>
    public List<TriggerHit> Find(IReadOnlyList<string> words)
    {
        var hits = new List<TriggerHit>();
        Span<int> covered = stackalloc int[CategoryCount];
        covered.Fill(-1);
        for (int i = 0; i < words.Count; i++)
        {
            var w = words[i];
            if (_byFirst.TryGetValue(w, out var list))
            {
                foreach (var (phrase, cat, form) in list)
                {
                    if (covered[(int)cat] >= i + 1) continue;
                    if (i + phrase.Length > words.Count) continue;
                    bool ok = true;
                    for (int k = 1; k < phrase.Length && ok; k++) ok = words[i + k] == phrase[k];
                    if (!ok) continue;
                    hits.Add(new TriggerHit(cat, i, i + phrase.Length, form));
                    covered[(int)cat] = i + phrase.Length;
                }
            }
            foreach (var (suffix, cat) in _suffixes)
            {
                if (w.Length > suffix.Length && w.EndsWith(suffix, StringComparison.Ordinal))
                    hits.Add(new TriggerHit(cat, i, i + 1, suffix));
            }
        }
        return hits;
    }

    /// <summary>
    /// True when <see cref="Find"/> would return a hit of an event category (capture, withdraw, control, contest) in
    /// <paramref name="words"/> (lowercased tokens); without building the hits.
    /// </summary>
    public bool HasEventTrigger(ReadOnlySpan<string> words)
    {
        for (int i = 0; i < words.Length; i++)
        {
            var w = words[i];
            if (_byFirst.TryGetValue(w, out var list))
            {
                foreach (var (phrase, cat, _) in list)
                {
                    if (cat > TriggerCategory.Contest || i + phrase.Length > words.Length) continue;
                    bool ok = true;
                    for (int k = 1; k < phrase.Length && ok; k++) ok = words[i + k] == phrase[k];
                    if (ok) return true;
                }
            }
            foreach (var (suffix, cat) in _suffixes)
            {
                if (cat <= TriggerCategory.Contest && w.Length > suffix.Length && w.EndsWith(suffix, StringComparison.Ordinal)) return true;
            }
        }
        return false;
    }
}
