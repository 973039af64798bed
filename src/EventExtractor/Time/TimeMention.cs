using EventExtractor.Text;

namespace EventExtractor.Time;

/// <summary>What kind of time expression a mention is, which tells a consumer how much to trust its date.</summary>
public enum TimeKind : byte
{
    /// <summary>A written calendar date: "9 November 2017", "Nov. 9", "2017-11-09", "Thursday (November 9)".</summary>
    Explicit,
    /// <summary>A bare or qualified weekday: "Thursday", "last Thursday", "Thursday's".</summary>
    Weekday,
    /// <summary>Relative to the publication date: "yesterday", "last week", "two days ago", "earlier this month".</summary>
    Relative,
    /// <summary>A month with or without year: "in November", "November 2016", "mid-December".</summary>
    Month,
    /// <summary>A year or decade in date context: "in 2014", "early 2017", "the 1990s".</summary>
    Year,
    /// <summary>A season: "the summer of 2016", "last winter".</summary>
    Season,
    /// <summary>Two dates joined: "between 3 and 9 November", "from March to May 2016", "2014–2017".</summary>
    Range,
    /// <summary>Relative to the date mentioned just before: "the following day", "two days later", "that day".</summary>
    Anaphoric,
}

/// <summary>
/// How precisely a mention's date is known. A mention's Start..End cover the whole period
/// (a Month mention runs from the 1st to the last day of the month).
/// </summary>
public enum DatePrecision : byte
{
    Day,
    Week,
    Month,
    Season,
    Year,
    /// <summary>Nothing in the text dates the event; the publication date stands in for it.</summary>
    Document,
}

/// <summary>How the reference date for relative expressions was chosen.</summary>
public enum AnchorSource : byte
{
    /// <summary>The document's publication date.</summary>
    Publication,
    /// <summary>No publication date; a weekday written with its day and month ("Thursday (November 9)") fixed the year.</summary>
    InferredFromWeekday,
    /// <summary>Nothing fixes a reference date; relative expressions stay unresolved (null).</summary>
    None,
}

/// <summary>
/// One time expression in a document: a span like places and actors, with the period it denotes
/// (Start == End for a single day; both null when the text does not pin it).
/// </summary>
/// <param name="Span">Character offsets into the document text, end exclusive.</param>
/// <param name="Text">The document substring at <paramref name="Span"/>.</param>
/// <param name="Kind">What kind of expression it is.</param>
/// <param name="Start">First day of the period denoted, or null when unresolved.</param>
/// <param name="End">Last day of the period denoted, or null when unresolved.</param>
/// <param name="Precision">How precisely the date is known.</param>
/// <param name="Note">Why the date is what it is when that is not obvious, or why it is null.</param>
public sealed record TimeMention(TextSpan Span, string Text, TimeKind Kind, DateOnly? Start, DateOnly? End, DatePrecision Precision, string? Note)
{
    /// <summary>True when the mention denotes one day exactly.</summary>
    public bool IsExactDay => Start is { } s && End == s && Precision == DatePrecision.Day;
}

/// <summary>All time mentions of a document, in text order, with the reference date used to resolve them.</summary>
/// <param name="Mentions">The mentions in text order, non-overlapping.</param>
/// <param name="Anchor">The date relative expressions were resolved against, or null.</param>
/// <param name="AnchorSource">Where the anchor came from.</param>
/// <param name="AnchorNote">How the anchor was obtained or why there is none, plus warnings (future publication date).</param>
public sealed record TimeAnalysis(IReadOnlyList<TimeMention> Mentions, DateOnly? Anchor, AnchorSource AnchorSource, string? AnchorNote);

/// <summary>Contract strings for <see cref="DatePrecision"/>.</summary>
public static class DatePrecisionExtensions
{
    /// <summary>
    /// The lowercase name used in JSON output: <c>day</c>, <c>week</c>, <c>month</c>, <c>season</c>, <c>year</c>, <c>document</c>.
    /// The output contract lists day, month, year and document; see <see cref="ToCoarseContractString"/> for those four only.
    /// </summary>
    public static string ToContractString(this DatePrecision precision) => precision switch
    {
        DatePrecision.Day => "day",
        DatePrecision.Week => "week",
        DatePrecision.Month => "month",
        DatePrecision.Season => "season",
        DatePrecision.Year => "year",
        DatePrecision.Document => "document",
        _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, "Unknown date precision."),
    };

    /// <summary>The contract's four values: a week counts as a month, a season as a year (the next coarser unit that holds it).</summary>
    public static string ToCoarseContractString(this DatePrecision precision) => precision switch
    {
        DatePrecision.Week => "month",
        DatePrecision.Season => "year",
        _ => precision.ToContractString(),
    };
}
