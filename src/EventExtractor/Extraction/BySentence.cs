using EventExtractor.Text;

namespace EventExtractor.Extraction;

/// <summary>
/// Mentions grouped by the sentence that holds their start, each group in the original order: "the mentions of
/// sentence S that ..." becomes a scan of S's group instead of all the document's mentions, so per-event look-ups stay
/// linear on long documents. Every mention that starts inside sentence S is in S's group (one that starts between
/// sentences is in the group before), so filtering S's group with the same test gives what filtering the whole list did.
/// </summary>
public sealed class BySentence<T>
{
    private readonly List<T>?[] _groups;

    public BySentence(Document doc, IEnumerable<T> items, Func<T, int> start)
    {
        ArgumentNullException.ThrowIfNull(doc);
        _groups = new List<T>?[doc.Sentences.Length];
        if (_groups.Length == 0) return;
        foreach (var item in items)
        {
            int s = doc.SentenceAt(start(item));
            (_groups[s] ??= []).Add(item);
        }
    }

    /// <summary>The items whose start is in sentence <paramref name="sentence"/> (or after it, before the next), in their original order.</summary>
    public IReadOnlyList<T> In(int sentence) => sentence >= 0 && sentence < _groups.Length && _groups[sentence] is { } g ? g : [];
}
