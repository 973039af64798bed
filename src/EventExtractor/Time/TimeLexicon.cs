namespace EventExtractor.Time;

/// <summary>The word classes the time recogniser looks for.</summary>
internal enum Lex : byte
{
    None,
    Month,
    MonthAbbrev,
    Weekday,
    Season,
    Part,
    Boundary,
    DayWord,
    Deictic,
    Unit,
    Count,
    Ago,
    Later,
    Earlier,
    Context,
    Connector,
    The,
    Of,
    And,
    Following,
    Previous,
    Same,
    That,
    Past,
}

internal readonly record struct LexEntry(Lex Class, int Value);

/// <summary>
/// Exact, case-insensitive lookups of the words of time expressions (months, weekdays, units, ...).
/// One dictionary probe per token through a span lookup: no allocation, no regular expressions.
/// </summary>
internal static class TimeLexicon
{
    public const int UnitDay = 1, UnitWeek = 2, UnitMonth = 3, UnitYear = 4, UnitWeekend = 5, UnitNight = 6;
    public const int PartEarly = 1, PartMid = 2, PartLate = 3;

    private static readonly Dictionary<string, LexEntry> Entries = Build();
    private static readonly Dictionary<string, LexEntry>.AlternateLookup<ReadOnlySpan<char>> Lookup = Entries.GetAlternateLookup<ReadOnlySpan<char>>();

    public static LexEntry Get(ReadOnlySpan<char> word) => Lookup.TryGetValue(word, out var e) ? e : default;

    private static Dictionary<string, LexEntry> Build()
    {
        var d = new Dictionary<string, LexEntry>(StringComparer.OrdinalIgnoreCase);
        string[] months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
        for (int m = 0; m < 12; m++) d[months[m]] = new(Lex.Month, m + 1);
        string[] abbrevs = ["Jan", "Feb", "Mar", "Apr", "", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        for (int m = 0; m < 12; m++)
        {
            if (abbrevs[m].Length == 0) continue;
            d[abbrevs[m]] = new(Lex.MonthAbbrev, m + 1);
            d[abbrevs[m] + "."] = new(Lex.MonthAbbrev, m + 1);
        }
        d["Sept"] = new(Lex.MonthAbbrev, 9);
        d["Sept."] = new(Lex.MonthAbbrev, 9);
        string[] days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
        for (int w = 0; w < 7; w++) d[days[w]] = new(Lex.Weekday, w);
        d["spring"] = new(Lex.Season, 1);
        d["summer"] = new(Lex.Season, 2);
        d["autumn"] = new(Lex.Season, 3);
        d["fall"] = new(Lex.Season, 3);
        d["winter"] = new(Lex.Season, 4);
        d["early"] = new(Lex.Part, PartEarly);
        d["mid"] = new(Lex.Part, PartMid);
        d["late"] = new(Lex.Part, PartLate);
        d["beginning"] = new(Lex.Boundary, PartEarly);
        d["start"] = new(Lex.Boundary, PartEarly);
        d["middle"] = new(Lex.Boundary, PartMid);
        d["end"] = new(Lex.Boundary, PartLate);
        d["today"] = new(Lex.DayWord, 0);
        d["tonight"] = new(Lex.DayWord, 0);
        d["yesterday"] = new(Lex.DayWord, -1);
        d["tomorrow"] = new(Lex.DayWord, 1);
        d["last"] = new(Lex.Deictic, -1);
        d["this"] = new(Lex.Deictic, 0);
        d["next"] = new(Lex.Deictic, 1);
        d["coming"] = new(Lex.Deictic, 1);
        d["past"] = new(Lex.Past, 0);
        foreach (var (w, u) in new[] { ("day", UnitDay), ("days", UnitDay), ("week", UnitWeek), ("weeks", UnitWeek), ("month", UnitMonth),
            ("months", UnitMonth), ("year", UnitYear), ("years", UnitYear), ("weekend", UnitWeekend), ("night", UnitNight),
            ("morning", UnitNight), ("evening", UnitNight), ("afternoon", UnitNight) })
            d[w] = new(Lex.Unit, u);
        string[] counts = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
        for (int c = 0; c < counts.Length; c++) d[counts[c]] = new(Lex.Count, c + 1);
        d["a"] = new(Lex.Count, 1);
        d["an"] = new(Lex.Count, 1);
        d["few"] = new(Lex.Count, -1);
        d["several"] = new(Lex.Count, -1);
        d["ago"] = new(Lex.Ago, 0);
        d["later"] = new(Lex.Later, 1);
        d["earlier"] = new(Lex.Earlier, -1);
        foreach (var w in new[] { "in", "on", "since", "by", "until", "till", "from", "to", "through", "during", "throughout", "between",
            "around", "circa", "into", "within", "as", "for", "at" })
            d[w] = new(Lex.Context, 0);
        foreach (var w in new[] { "\u2013", "\u2014", "-", "until", "till", "through", "thru", "to" })
            d[w] = new(Lex.Connector, 0);
        d["the"] = new(Lex.The, 0);
        d["of"] = new(Lex.Of, 0);
        d["and"] = new(Lex.And, 0);
        d["following"] = new(Lex.Following, 1);
        d["previous"] = new(Lex.Previous, -1);
        d["preceding"] = new(Lex.Previous, -1);
        d["same"] = new(Lex.Same, 0);
        d["that"] = new(Lex.That, 0);
        return d;
    }

    /// <summary>Words after which a bare month, year or season is a date ("in November", "since 2014", "by summer").</summary>
    public static bool IsDateContext(ReadOnlySpan<char> word) =>
        word.Equals("in", StringComparison.OrdinalIgnoreCase) || word.Equals("since", StringComparison.OrdinalIgnoreCase)
        || word.Equals("by", StringComparison.OrdinalIgnoreCase) || word.Equals("until", StringComparison.OrdinalIgnoreCase)
        || word.Equals("till", StringComparison.OrdinalIgnoreCase) || word.Equals("from", StringComparison.OrdinalIgnoreCase)
        || word.Equals("through", StringComparison.OrdinalIgnoreCase) || word.Equals("during", StringComparison.OrdinalIgnoreCase)
        || word.Equals("throughout", StringComparison.OrdinalIgnoreCase) || word.Equals("between", StringComparison.OrdinalIgnoreCase)
        || word.Equals("before", StringComparison.OrdinalIgnoreCase) || word.Equals("after", StringComparison.OrdinalIgnoreCase)
        || word.Equals("around", StringComparison.OrdinalIgnoreCase) || word.Equals("circa", StringComparison.OrdinalIgnoreCase)
        || word.Equals("of", StringComparison.OrdinalIgnoreCase) || word.Equals("early", StringComparison.OrdinalIgnoreCase)
        || word.Equals("mid", StringComparison.OrdinalIgnoreCase) || word.Equals("late", StringComparison.OrdinalIgnoreCase)
        || word.Equals("last", StringComparison.OrdinalIgnoreCase) || word.Equals("this", StringComparison.OrdinalIgnoreCase)
        || word.Equals("next", StringComparison.OrdinalIgnoreCase) || word.Equals("within", StringComparison.OrdinalIgnoreCase)
        || word.Equals("into", StringComparison.OrdinalIgnoreCase);
}
