using EventExtractor.Actors;
using EventExtractor.Text;

namespace EventExtractor.Classification;

/// <summary>A place mention as the classifier sees it; coordinates and name come from the gazetteer when resolved.</summary>
public sealed record PlaceSpan(TextSpan Span, string Text, string? Name = null, double? Lat = null, double? Lon = null, bool IsQualifier = false);

/// <summary>An actor mention as the classifier sees it.</summary>
public sealed record ActorSpan(TextSpan Span, string Text, string? ActorId = null, string? Name = null);

/// <summary>The place and actor mentions of a document, from whatever recognizers are available.</summary>
public sealed record MentionSet(IReadOnlyList<PlaceSpan> Places, IReadOnlyList<ActorSpan> Actors);

/// <summary>
/// Finds the place and actor mentions that candidates are built from. A small interface so the classifier
/// compiles and is tested independently of the gazetteer and the actor dictionary.
/// </summary>
public interface IMentionFinder
{
    /// <summary>A short name for manifests and logs.</summary>
    string Name { get; }

    MentionSet Find(Document doc);
}

/// <summary>
/// The fallback finder: actors from the actor dictionary, places from capitalised word sequences that are
/// not actors ("al-Tayyas", "Hill 800", "Deir ez-Zor"). Used where no geoparser is available; it over-generates,
/// and the classifier learns that most such mentions are <c>none</c>.
/// </summary>
public sealed class HeuristicMentionFinder : IMentionFinder
{
    private static readonly HashSet<string> NotPlaces = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "On", "In", "At", "By", "As", "Of", "To", "From", "For", "With", "After", "Before", "During", "Since",
        "Until", "Meanwhile", "However", "Later", "Earlier", "Also", "And", "But", "Or", "Then", "That", "This", "These", "Those",
        "It", "Its", "They", "Their", "He", "His", "She", "Her", "We", "Our", "There", "Here", "When", "While", "Where", "Which",
        "Who", "What", "Following", "According", "Despite", "Within", "Over", "Under", "Between", "Around", "Near", "Elsewhere",
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "Mr", "Mrs", "Ms", "Dr", "General", "Gen", "President", "Colonel", "Major", "Minister", "Commander", "Sheikh",
        "Russian", "Syrian", "Iraqi", "Turkish", "Kurdish", "American", "Iranian", "Arab", "Islamic", "State", "Army", "Forces",
        "Some", "Several", "Many", "Most", "All", "Both", "Each", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight",
        "Nine", "Ten", "First", "Second", "Third", "Last", "Next", "Other", "Another", "No", "Not", "Such", "If", "Once", "Although",
        "Though", "Because", "Due", "Local", "Government", "Rebels", "Rebel", "Opposition", "Reuters", "AFP", "SOHR", "UN",
    };

    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "al", "el", "ez", "az", "ad", "ar", "as", "ash", "at", "an", "ath", "adh", "aj", "bin", "ibn", "abu", "umm", "bani", "der", "de",
    };

    private readonly ActorRecognizer? _actors;

    public HeuristicMentionFinder(ActorRecognizer? actors) => _actors = actors;

    public string Name => "heuristic-capitalised+actor-dictionary";

    public MentionSet Find(Document doc)
    {
        var actors = FindActors(doc, _actors);
        return new MentionSet(FindPlaces(doc, actors), actors);
    }

    /// <summary>Actor mentions from the dictionary recognizer, or none without one.</summary>
    public static IReadOnlyList<ActorSpan> FindActors(Document doc, ActorRecognizer? recognizer)
    {
        if (recognizer is null) return [];
        return recognizer.Find(doc).Select(m => new ActorSpan(m.Span, m.Text, m.Actor?.Id, m.Actor?.Name)).ToList();
    }

    /// <summary>Capitalised word sequences that are not actor mentions.</summary>
    public static IReadOnlyList<PlaceSpan> FindPlaces(Document doc, IReadOnlyList<ActorSpan> actors)
    {
        var result = new List<PlaceSpan>();
        var tokens = doc.Tokens;
        for (int s = 0; s < doc.Sentences.Length; s++)
        {
            var sentence = doc.Sentences[s];
            int i = sentence.FirstToken;
            while (i < sentence.EndToken)
            {
                if (!IsCapital(doc, i) || NotPlaces.Contains(doc.TokenText(i).ToString()) && !IsHyphenNext(doc, i, sentence.EndToken))
                {
                    // A particle joined by a hyphen may start a name: "al-Tayyas".
                    if (!(Particles.Contains(doc.TokenText(i).ToString()) && IsHyphenNext(doc, i, sentence.EndToken) && i + 2 < sentence.EndToken && IsCapital(doc, i + 2)))
                    {
                        i++;
                        continue;
                    }
                }
                int start = i, end = i + 1;
                while (end < sentence.EndToken)
                {
                    var t = doc.TokenText(end);
                    if (t is "-" && end + 1 < sentence.EndToken && tokens[end + 1].Start == tokens[end].End && tokens[end].Start == tokens[end - 1].End
                        && (IsCapital(doc, end + 1) || Particles.Contains(doc.TokenText(end + 1).ToString())))
                    { end += 2; continue; }
                    if (Particles.Contains(t.ToString()) && end + 1 < sentence.EndToken && doc.TokenText(end + 1) is "-") { end++; continue; }
                    if (IsCapital(doc, end) && !NotPlaces.Contains(t.ToString())) { end++; continue; }
                    if (tokens[end].Kind == TokenKind.Number && end - 1 >= start && IsCapital(doc, end - 1)) { end++; continue; }
                    break;
                }
                // Trim trailing hyphen/particles.
                while (end > start + 1 && (doc.TokenText(end - 1) is "-" || Particles.Contains(doc.TokenText(end - 1).ToString()))) end--;
                var span = new TextSpan(tokens[start].Start, tokens[end - 1].End);
                if (!actors.Any(a => a.Span.Overlaps(span)))
                    result.Add(new PlaceSpan(span, doc.Text.Substring(span.Start, span.Length)));
                i = end;
            }
        }
        return result;
    }

    private static bool IsHyphenNext(Document doc, int i, int end) => i + 1 < end && doc.TokenText(i + 1) is "-";

    private static bool IsCapital(Document doc, int i)
    {
        var t = doc.Tokens[i];
        if (t.Kind != TokenKind.Word) return false;
        var c = doc.Text[t.Start];
        return char.IsUpper(c);
    }
}
