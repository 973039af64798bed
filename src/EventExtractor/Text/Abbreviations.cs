namespace EventExtractor.Text;

/// <summary>
/// Abbreviations that keep their period. Looked up by the exact string (no bare hashes: Catalyst's
/// hash-only table once turned "223." into "11 P.M.").
/// </summary>
internal static class Abbreviations
{
    /// <summary>Titles and the like: they come before a name or number and never end a sentence.</summary>
    private static readonly HashSet<string> NeverFinal = new(StringComparer.Ordinal)
    {
        "Gen", "Gens", "Lt", "Col", "Brig", "Maj", "Capt", "Sgt", "Cpl", "Pvt", "Adm", "Cmdr", "Cdr", "Gov", "Sen", "Rep",
        "Dr", "Mr", "Mrs", "Ms", "Messrs", "Prof", "Rev", "Hon", "St", "Mt", "Ft", "Sheikh", "vs", "approx", "cf", "Fig",
        "Nos", "Nr", "Dept", "Univ", "Pres",
    };

    /// <summary>Abbreviations that may also be the last word of a sentence ("... in Oct. The army ...").</summary>
    private static readonly HashSet<string> MaybeFinal = new(StringComparer.Ordinal)
    {
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "Inc", "Ltd", "Co", "Corp", "Jr", "Sr", "Bros", "etc", "Ave", "Blvd", "est",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NeverFinalLookup = NeverFinal.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> MaybeFinalLookup = MaybeFinal.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Capitalised words that start sentences; after an abbreviation that may end one, they mark a boundary.</summary>
    private static readonly HashSet<string> SentenceStarters = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "I", "His", "Her",
        "Their", "Our", "In", "On", "At", "But", "And", "However", "After", "Before", "Meanwhile", "There", "When", "While",
        "As", "According", "Some", "Many", "Most", "Other", "Also", "Yet", "So", "If", "Since", "Although", "Despite",
        "During", "By", "For", "With", "Following", "Earlier", "Later", "Today", "Yesterday", "Officials", "Both",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StarterLookup = SentenceStarters.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when <paramref name="word"/> (without its period) keeps the period that follows it.</summary>
    public static bool KeepsPeriod(ReadOnlySpan<char> word) => NeverFinalLookup.Contains(word) || MaybeFinalLookup.Contains(word);

    /// <summary>True for "No" as in "No. 5": only an abbreviation before a number.</summary>
    public static bool IsNumberSign(ReadOnlySpan<char> word) => word is "No" or "no";

    /// <summary>True when <paramref name="tokenWithPeriod"/> never ends a sentence (Gen., Dr., e.g.).</summary>
    public static bool IsNeverFinal(ReadOnlySpan<char> tokenWithPeriod)
    {
        if (tokenWithPeriod.Length < 2 || tokenWithPeriod[^1] != '.') return false;
        var word = tokenWithPeriod[..^1];
        if (word is "e.g" or "i.e" or "No" or "no") return true;
        if (word.Length == 1 && char.IsUpper(word[0])) return true; // an initial: "George W. Bush"
        return NeverFinalLookup.Contains(word);
    }

    public static bool IsSentenceStarter(ReadOnlySpan<char> word) => StarterLookup.Contains(word);
}
