using EventExtractor.Text;

namespace EventExtractor.Time;

/// <summary>
/// Recognises time expressions in a document and resolves them to dates. With a publication date, relative
/// expressions resolve against it, preferring the past ("Thursday" is the latest Thursday on or before it).
/// Without one, a weekday written with its day and month ("Thursday (November 9)") fixes the year, bounded
/// below by the latest year the text mentions; failing that, bare dates take their year from the most recent
/// explicit year before them (the narrative of an encyclopedia article), and anything else stays null.
/// </summary>
public static class TimeRecognizer
{
    /// <summary>A day and month this many days after the anchor still counts as this year's (an announced date), not last year's.</summary>
    public const int FutureToleranceDays = 60;

    /// <summary>A weekday with day and month fixes an undated article's year only within its first sentences (title and lede).</summary>
    public const int LedeSentences = 6;

    /// <summary>The time mentions of <paramref name="doc"/> in text order.</summary>
    public static IReadOnlyList<TimeMention> Recognize(Document doc) => Analyze(doc).Mentions;

    /// <summary>Mentions plus the anchor date and how it was obtained; "today" is the current UTC date.</summary>
    public static TimeAnalysis Analyze(Document doc) => Analyze(doc, DateOnly.FromDateTime(DateTime.UtcNow));

    /// <summary>
    /// Mentions plus the anchor date and how it was obtained. <paramref name="today"/> is only used to flag a
    /// publication date in the future (which is still used, with a warning in <see cref="TimeAnalysis.AnchorNote"/>).
    /// </summary>
    public static TimeAnalysis Analyze(Document doc, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var raws = new List<RawMention>();
        new TimeParser(doc, raws).Run();

        DateOnly? anchor;
        AnchorSource source;
        string? note;
        if (doc.PublicationDate is { } pub)
        {
            anchor = pub;
            source = AnchorSource.Publication;
            note = pub > today
                ? $"publication date {pub:yyyy-MM-dd} is after today ({today:yyyy-MM-dd}); dates were resolved against it anyway"
                : null;
        }
        else
        {
            (anchor, note) = InferAnchor(doc, raws, today);
            source = anchor is null ? AnchorSource.None : AnchorSource.InferredFromWeekday;
        }

        var resolver = new Resolver(doc, anchor, source);
        var mentions = new List<TimeMention>(raws.Count);
        foreach (var raw in raws)
        {
            if (raw.Silent) resolver.NoteWeakYear(raw.A.Year);
            else mentions.Add(resolver.Resolve(raw));
        }
        return new TimeAnalysis(mentions, anchor, source, note);
    }

    /// <summary>
    /// The year-fixing rule for undated articles: for each weekday written with a day and month but no year,
    /// the earliest year not before the latest year mentioned in which that day falls on that weekday.
    /// </summary>
    private static (DateOnly? Anchor, string Note) InferAnchor(Document doc, List<RawMention> raws, DateOnly today)
    {
        int maxYear = 0;
        foreach (var r in raws)
        {
            if (r.Rel != RelForm.None || r.Silent) continue;
            if (r.A.YearWritten) maxYear = Math.Max(maxYear, r.A.Year + (r.A.Decade ? 9 : 0));
            if (r.IsRange && r.B.YearWritten) maxYear = Math.Max(maxYear, r.B.Year);
        }
        DateOnly? best = null;
        string? bestNote = null;
        bool sawPin = false;
        foreach (var r in raws)
        {
            if (r.Weekday < 0 || r.A.Day == 0 || r.A.Month == 0 || r.A.Year != 0) continue;
            // Only a news lede dates the article: deep in a long text the weekday belongs to a story of its own.
            if (doc.SentenceAt(doc.Tokens[r.First].Start) >= LedeSentences) continue;
            sawPin = true;
            if (maxYear == 0) continue;
            for (int y = maxYear; y < maxYear + 28 && y <= today.Year; y++)
            {
                if (r.A.Day > DateTime.DaysInMonth(y, r.A.Month)) continue;
                var d = new DateOnly(y, r.A.Month, r.A.Day);
                if ((int)d.DayOfWeek != r.Weekday) continue;
                if (best is null || d > best)
                {
                    best = d;
                    bestNote = $"no publication date; {(DayOfWeek)r.Weekday} {MonthName(r.A.Month)} {r.A.Day} falls in {y}, the earliest such year not before {maxYear}, the latest year the text mentions";
                }
                break;
            }
        }
        if (best is not null) return (best, bestNote!);
        if (sawPin) return (null, "no publication date; a weekday with its day and month fixes the year only within a 28-year cycle, and the text mentions no year");
        return (null, "no publication date and no weekday with day and month; relative dates are unresolved, bare dates take the latest year written before them");
    }

    internal static string MonthName(int month) => month switch
    {
        1 => "January", 2 => "February", 3 => "March", 4 => "April", 5 => "May", 6 => "June", 7 => "July",
        8 => "August", 9 => "September", 10 => "October", 11 => "November", 12 => "December", _ => "?",
    };

    /// <summary>Resolves recognised expressions in text order, keeping the narrative reference (the date last mentioned).</summary>
    private sealed class Resolver
    {
        private readonly Document _doc;
        private readonly DateOnly? _anchor;
        private readonly AnchorSource _source;

        // The last resolved date and its precision: "the following day" counts from it; a bare "5 June" takes its year.
        private DateOnly? _refDate;
        private DatePrecision _refPrecision;
        // The sentence of the last expression with a written year: in it, bare dates take that year even with an anchor.
        private int _writtenYearSentence = -1;
        private int _writtenYear;
        private bool _pluperfect;

        // Narrative references for bare dates: the last day/month/season-level date, the last year-level mention
        // (strong when it opens its sentence or is a heading: "In 2014, ..."), and a last-resort year-like number.
        private DateOnly? _dayRef;
        private int _dayRefOrder;
        private int _yearRef;
        private int _yearRefOrder;
        private bool _yearRefStrong;
        private int _weakYear;
        private int _order;

        public void NoteWeakYear(int year) => _weakYear = year;

        /// <summary>A Markdown image line ("![Khan Shaykhun (March 15 2013)](...)"): its caption date is not the narrative's.</summary>
        private bool IsOnImageLine(int offset)
        {
            var text = _doc.Text.AsSpan(0, offset);
            int lineStart = text.LastIndexOf('\n') + 1;
            var line = text[lineStart..].TrimStart();
            return line.StartsWith("![", StringComparison.Ordinal);
        }

        /// <summary>"had" before the expression in its sentence: the text steps back from the narrative's date.</summary>
        private bool HasPluperfect(int sentence, int firstToken)
        {
            for (int k = _doc.Sentences[sentence].FirstToken; k < firstToken; k++)
                if (_doc.TokenText(k) is "had") return true;
            return false;
        }

        public Resolver(Document doc, DateOnly? anchor, AnchorSource source)
        {
            _doc = doc;
            _anchor = anchor;
            _source = source;
        }

        public TimeMention Resolve(RawMention r)
        {
            var first = _doc.Tokens[r.First];
            var last = _doc.Tokens[r.Last];
            var span = new TextSpan(first.Start, last.End);
            string text = _doc.Text.Substring(span.Start, span.Length);
            int sentence = _doc.SentenceAt(span.Start);
            _pluperfect = HasPluperfect(sentence, r.First);

            var (start, end, precision, note) = r.Rel switch
            {
                RelForm.None when r.IsRange => ResolveRange(r),
                RelForm.None when r.Kind == TimeKind.Weekday => ResolveWeekday(r.Weekday, r.WeekdayMode),
                RelForm.None => ResolveParts(r.A, r.Weekday, sentence),
                RelForm.Anaphor => ResolveAnaphor(r),
                RelForm.Deictic => ResolveDeictic(r),
                _ => ResolveRelative(r),
            };

            if (IsOnImageLine(span.Start)) return new TimeMention(span, text, r.Kind, start, end, precision, note);
            if (r.A.YearWritten && start is not null)
            {
                _writtenYearSentence = sentence;
                _writtenYear = r.IsRange ? (r.B.YearWritten ? r.B.Year : r.A.Year) : r.A.Year;
            }
            _order++;
            if (start is not null && r.Rel == RelForm.None || r.Rel == RelForm.Anaphor && start is not null && !r.Approximate)
            {
                if (precision <= DatePrecision.Season) { _dayRef = end ?? start; _dayRefOrder = _order; }
                else if (precision == DatePrecision.Year && !r.A.Decade)
                {
                    _yearRef = (end ?? start)!.Value.Year;
                    _yearRefOrder = _order;
                    int firstInSentence = _doc.Sentences[sentence].FirstToken;
                    _yearRefStrong = r.First - firstInSentence <= 1 || (r.First > 0 && _doc.TokenText(r.First - 1) is "#");
                }
            }
            if (start is not null)
            {
                if (r.Approximate) _refDate = null; // "a few days later": nothing after it can count from a day
                else
                {
                    _refDate = end ?? start;
                    _refPrecision = precision;
                }
            }
            return new TimeMention(span, text, r.Kind, start, end, precision, note);
        }

        private (DateOnly?, DateOnly?, DatePrecision, string?) None(DatePrecision p, string note) => (null, null, p, note);

        private static (DateOnly?, DateOnly?, DatePrecision, string?) Day(DateOnly d, string? note = null) => (d, d, DatePrecision.Day, note);

        private (DateOnly?, DateOnly?, DatePrecision, string?) ResolveRange(RawMention r)
        {
            // The start inherits the end's year and month where it lacks them (done by the parser); both resolve alike.
            var a = ResolveParts(r.A, -1, _doc.SentenceAt(_doc.Tokens[r.First].Start));
            if (a.Item1 is null) return (null, null, a.Item3, a.Item4);
            var savedRef = _refDate;
            var savedPrecision = _refPrecision;
            _refDate = a.Item1;
            _refPrecision = a.Item3;
            var b = ResolveParts(r.B, -1, _doc.SentenceAt(_doc.Tokens[r.Last].Start));
            _refDate = savedRef;
            _refPrecision = savedPrecision;
            if (b.Item1 is null) return (null, null, b.Item3, b.Item4);
            var start = a.Item1.Value;
            var end = b.Item2!.Value;
            if (end < start && r.B.Year == 0 && r.B.Month != 0)
            {
                // "between the end of December and the beginning of January": the end is in the next year.
                var next = r.B;
                next.Year = start.Year + 1;
                var b2 = ResolveParts(next, -1, _doc.SentenceAt(_doc.Tokens[r.Last].Start));
                if (b2.Item2 is { } e2) end = e2;
            }
            if (end < start) return (null, null, a.Item3, "range ends before it starts");
            var precision = a.Item3 > b.Item3 ? a.Item3 : b.Item3;
            return (start, end, precision, a.Item4 ?? b.Item4);
        }

        /// <summary>A written date, month, year, decade or season, with missing fields taken from context.</summary>
        private (DateOnly?, DateOnly?, DatePrecision, string?) ResolveParts(DateParts p, int weekday, int sentence)
        {
            if (p.Season != 0) return ResolveSeason(p, sentence);
            if (p.Decade) return (new DateOnly(p.Year, 1, 1), new DateOnly(p.Year + 9, 12, 31), DatePrecision.Year, "decade");
            if (p.Month == 0)
            {
                if (p.Year == 0) return None(DatePrecision.Year, "no year");
                var (ys, ye) = YearPart(p.Year, p.Part);
                return (ys, ye, DatePrecision.Year, null);
            }
            if (p.Month is < 1 or > 12) return None(p.Day != 0 ? DatePrecision.Day : DatePrecision.Month, $"invalid month {p.Month}");
            if (p.Ambiguous)
                return (new DateOnly(p.Year, 1, 1), new DateOnly(p.Year, 12, 31), DatePrecision.Year, "day and month order is ambiguous; only the year is certain");

            string? note = null;
            int year = p.Year;
            if (year == 0)
            {
                (year, note) = InferYear(p.Month, p.Day, sentence);
                if (year == 0) return None(p.Day != 0 ? DatePrecision.Day : DatePrecision.Month, note!);
            }
            if (year is < 1 or > 9999) return None(DatePrecision.Day, "year out of range");
            if (p.Day == 0)
            {
                var (ms, me) = MonthPart(year, p.Month, p.Part);
                return (ms, me, DatePrecision.Month, note);
            }
            if (p.Day > DateTime.DaysInMonth(year, p.Month))
                return None(DatePrecision.Day, $"invalid date: {MonthName(p.Month)} has no day {p.Day} in {year}");
            var date = new DateOnly(year, p.Month, p.Day);
            if (weekday >= 0 && (int)date.DayOfWeek != weekday)
                note = (note is null ? "" : note + "; ") + $"weekday mismatch: {date:yyyy-MM-dd} is a {date.DayOfWeek}, the text says {(DayOfWeek)weekday}";
            return Day(date, note);
        }

        /// <summary>The year of a day and month written without one.</summary>
        private (int Year, string? Note) InferYear(int month, int day, int sentence)
        {
            // A year written earlier in the same sentence rules: "In 2014, ISIS seized Mosul on 10 June".
            if (_writtenYearSentence == sentence && _writtenYear != 0)
                return (_writtenYear, "year from the same sentence");
            if (_anchor is { } anchor)
            {
                int y = anchor.Year;
                var candidate = SafeDate(y, month, day == 0 ? 1 : day);
                if (candidate > anchor.AddDays(FutureToleranceDays)) y--;
                string source = _source == AnchorSource.Publication ? "publication date" : "inferred anchor date";
                return (y, y == anchor.Year ? null : $"previous year: the {source} is {anchor:yyyy-MM-dd}");
            }
            bool yearIsNewer = _yearRef != 0 && _yearRefOrder > _dayRefOrder;
            if (_dayRef is { } r && !(yearIsNewer && (_yearRefStrong || _yearRef >= r.Year)))
            {
                int y = r.Year;
                {
                    // The narrative moves forward across the new year: "30 December 2016 ... 2 January".
                    if (r.Month >= 10 && month <= 3) y++;
                    // ... unless the sentence looks back: "in January 2017 ... ISIL had retaken Palmyra from 8 to 11 December".
                    else if (month > r.Month && _pluperfect) y--;
                }
                return (y, "year from the latest date mentioned before it");
            }
            if (_yearRef != 0) return (_yearRef, "year from the latest year mentioned before it");
            if (_weakYear != 0) return (_weakYear, "year from a year-like number before it (weak)");
            return (0, "no year: no publication date and no year mentioned before it");
        }

        private static DateOnly SafeDate(int y, int m, int d) => new(y, m, Math.Min(d, DateTime.DaysInMonth(y, m)));

        private static (DateOnly, DateOnly) YearPart(int year, int part) => part switch
        {
            TimeLexicon.PartEarly => (new DateOnly(year, 1, 1), new DateOnly(year, 4, 30)),
            TimeLexicon.PartMid => (new DateOnly(year, 5, 1), new DateOnly(year, 8, 31)),
            TimeLexicon.PartLate => (new DateOnly(year, 9, 1), new DateOnly(year, 12, 31)),
            _ => (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)),
        };

        private static (DateOnly, DateOnly) MonthPart(int year, int month, int part)
        {
            int days = DateTime.DaysInMonth(year, month);
            return part switch
            {
                TimeLexicon.PartEarly => (new DateOnly(year, month, 1), new DateOnly(year, month, 10)),
                TimeLexicon.PartMid => (new DateOnly(year, month, 11), new DateOnly(year, month, 20)),
                TimeLexicon.PartLate => (new DateOnly(year, month, 21), new DateOnly(year, month, days)),
                _ => (new DateOnly(year, month, 1), new DateOnly(year, month, days)),
            };
        }

        /// <summary>Meteorological seasons of the northern hemisphere; winter Y is December Y-1 to February Y.</summary>
        private static (DateOnly, DateOnly) SeasonRange(int year, int season) => season switch
        {
            1 => (new DateOnly(year, 3, 1), new DateOnly(year, 5, 31)),
            2 => (new DateOnly(year, 6, 1), new DateOnly(year, 8, 31)),
            3 => (new DateOnly(year, 9, 1), new DateOnly(year, 11, 30)),
            _ => (new DateOnly(year - 1, 12, 1), new DateOnly(year, 2, DateTime.DaysInMonth(year, 2))),
        };

        private (DateOnly?, DateOnly?, DatePrecision, string?) ResolveSeason(DateParts p, int sentence)
        {
            int year = p.Year;
            string? note = null;
            if (year == 0)
            {
                if (_writtenYearSentence == sentence && _writtenYear != 0) year = _writtenYear;
                else if (_anchor is { } a)
                {
                    year = a.Year;
                    if (SeasonRange(year, p.Season).Item1 > a) year--;
                }
                else
                {
                    (year, note) = InferYear(p.Season switch { 1 => 3, 2 => 6, 3 => 9, _ => 12 }, 0, sentence);
                    if (year == 0) return None(DatePrecision.Season, "no year for the season");
                    if (p.Season == 4) year++; // the December of that year starts the winter named after the next
                }
            }
            if (year is < 2 or > 9998) return None(DatePrecision.Season, "year out of range");
            var (s, e) = SeasonRange(year, p.Season);
            if (p.Season == 4) note = (note is null ? "" : note + "; ") + "winter taken as December to February";
            return (s, e, DatePrecision.Season, note);
        }

        private (DateOnly?, DateOnly?, DatePrecision, string?) ResolveWeekday(int weekday, int mode)
        {
            if (_anchor is not { } a) return None(DatePrecision.Day, "weekday without a publication date or inferred anchor");
            int back = ((int)a.DayOfWeek - weekday + 7) % 7;
            DateOnly d = mode switch
            {
                0 => a.AddDays(-back),
                -1 => a.AddDays(back == 0 ? -7 : -back),
                _ => a.AddDays((weekday - (int)a.DayOfWeek + 7) % 7 is 0 ? 7 : (weekday - (int)a.DayOfWeek + 7) % 7),
            };
            return Day(d, mode == 1 ? "future weekday" : null);
        }

        private (DateOnly?, DateOnly?, DatePrecision, string?) ResolveAnaphor(RawMention r)
        {
            if (_refDate is not { } d)
                return None(UnitPrecision(r.Unit), r.Unit == TimeLexicon.UnitDay ? "no day-level date mentioned before it" : "no date mentioned before it");
            int unit = r.Unit;
            if (unit is TimeLexicon.UnitDay or TimeLexicon.UnitWeek)
            {
                if (_refPrecision != DatePrecision.Day) return None(UnitPrecision(unit), "the date mentioned before it is not day-level");
                if (r.Approximate)
                    return (d.AddDays(unit == TimeLexicon.UnitDay ? 2 : 14), d.AddDays(unit == TimeLexicon.UnitDay ? 6 : 28), DatePrecision.Week, "approximate: a few " + (unit == TimeLexicon.UnitDay ? "days" : "weeks") + " later");
                var target = d.AddDays(unit == TimeLexicon.UnitDay ? r.Amount : 7 * r.Amount);
                return unit == TimeLexicon.UnitDay ? Day(target) : (target, target, DatePrecision.Week, null);
            }
            if (unit == TimeLexicon.UnitMonth)
            {
                if (_refPrecision > DatePrecision.Month) return None(DatePrecision.Month, "the date mentioned before it is not month-level");
                var m = new DateOnly(d.Year, d.Month, 1).AddMonths(r.Amount);
                return (m, m.AddMonths(1).AddDays(-1), DatePrecision.Month, null);
            }
            int y = d.Year + r.Amount;
            return (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31), DatePrecision.Year, null);
        }

        private static DatePrecision UnitPrecision(int unit) => unit switch
        {
            TimeLexicon.UnitDay or TimeLexicon.UnitNight or TimeLexicon.UnitWeekend => DatePrecision.Day,
            TimeLexicon.UnitWeek => DatePrecision.Week,
            TimeLexicon.UnitMonth => DatePrecision.Month,
            _ => DatePrecision.Year,
        };

        private (DateOnly?, DateOnly?, DatePrecision, string?) ResolveDeictic(RawMention r)
        {
            if (_anchor is not { } a) return None(r.A.Season != 0 ? DatePrecision.Season : DatePrecision.Month, "relative to a publication date the document lacks");
            if (r.A.Season != 0)
            {
                int y = a.Year;
                // the season of this year that has begun by the anchor; "last" is the one before it
                if (SeasonRange(y, r.A.Season).Item1 > a) y--;
                if (r.Amount == -1 && SeasonRange(y, r.A.Season).Item2 >= a) y--;
                if (r.Amount == 1) y++;
                var (s, e) = SeasonRange(y, r.A.Season);
                return (s, e, DatePrecision.Season, null);
            }
            int month = r.A.Month;
            int year = r.Amount switch
            {
                -1 => month < a.Month ? a.Year : a.Year - 1,
                1 => month > a.Month ? a.Year : a.Year + 1,
                _ => a.Year,
            };
            var (ms, me) = MonthPart(year, month, 0);
            return (ms, me, DatePrecision.Month, null);
        }

        private (DateOnly?, DateOnly?, DatePrecision, string?) ResolveRelative(RawMention r)
        {
            if (_anchor is not { } a) return None(UnitPrecision(r.Unit), "relative to a publication date the document lacks");
            switch (r.Rel)
            {
                case RelForm.DayOffset:
                    return Day(a.AddDays(r.Amount));
                case RelForm.Ago:
                    return r.Unit switch
                    {
                        TimeLexicon.UnitDay => Day(a.AddDays(-r.Amount)),
                        TimeLexicon.UnitWeek => (a.AddDays(-7 * r.Amount), a.AddDays(-7 * r.Amount), DatePrecision.Week, null),
                        TimeLexicon.UnitMonth => MonthOf(a.AddMonths(-r.Amount)),
                        _ => YearOf(a.Year - r.Amount, 0),
                    };
                case RelForm.PastSpan:
                    {
                        var from = r.Unit switch
                        {
                            TimeLexicon.UnitDay => a.AddDays(-r.Amount),
                            TimeLexicon.UnitWeek => a.AddDays(-7 * r.Amount),
                            TimeLexicon.UnitMonth => a.AddMonths(-r.Amount),
                            _ => a.AddYears(-r.Amount),
                        };
                        return (from, a, UnitPrecision(r.Unit), null);
                    }
                case RelForm.Period:
                    return ResolvePeriod(a, r);
                default:
                    return None(DatePrecision.Day, "unsupported expression");
            }
        }

        private static (DateOnly?, DateOnly?, DatePrecision, string?) MonthOf(DateOnly d)
        {
            var (s, e) = MonthPart(d.Year, d.Month, 0);
            return (s, e, DatePrecision.Month, null);
        }

        private static (DateOnly?, DateOnly?, DatePrecision, string?) YearOf(int year, int part)
        {
            var (s, e) = YearPart(year, part);
            return (s, e, DatePrecision.Year, null);
        }

        private static (DateOnly?, DateOnly?, DatePrecision, string?) ResolvePeriod(DateOnly a, RawMention r)
        {
            DateOnly s, e;
            DatePrecision p;
            switch (r.Unit)
            {
                case TimeLexicon.UnitWeekend:
                    {
                        // The latest Saturday on or before the anchor (the anchor's weekend when it is a Sunday).
                        int back = ((int)a.DayOfWeek - (int)DayOfWeek.Saturday + 7) % 7;
                        s = a.AddDays(-back + 7 * (r.Amount == 1 ? 1 : 0) - (r.Amount == -1 && back == 0 ? 7 : 0));
                        return (s, s.AddDays(1), DatePrecision.Day, "weekend");
                    }
                case TimeLexicon.UnitWeek:
                    {
                        var monday = a.AddDays(-(((int)a.DayOfWeek + 6) % 7)).AddDays(7 * r.Amount);
                        (s, e, p) = (monday, monday.AddDays(6), DatePrecision.Week);
                        break;
                    }
                case TimeLexicon.UnitMonth:
                    {
                        var first = new DateOnly(a.Year, a.Month, 1).AddMonths(r.Amount);
                        var (ms, me) = MonthPart(first.Year, first.Month, r.A.Part);
                        (s, e, p) = (ms, me, DatePrecision.Month);
                        break;
                    }
                default:
                    {
                        var (ys, ye) = YearPart(a.Year + r.Amount, r.A.Part);
                        (s, e, p) = (ys, ye, DatePrecision.Year);
                        break;
                    }
            }
            if (r.Amount == 0 && r.Trim == -1 && e > a) e = a > s ? a : s;
            if (r.Amount == 0 && r.Trim == 1 && s < a) s = a < e ? a : e;
            return (s, e, p, null);
        }
    }
}
