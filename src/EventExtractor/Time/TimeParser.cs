using EventExtractor.Text;

namespace EventExtractor.Time;

/// <summary>Calendar fields as written; 0 means absent.</summary>
internal struct DateParts
{
    public int Year;
    public int Month;
    public int Day;
    /// <summary>1 spring, 2 summer, 3 autumn, 4 winter.</summary>
    public int Season;
    /// <summary><see cref="TimeLexicon.PartEarly"/>, mid or late: "early 2017", "mid-December".</summary>
    public int Part;
    public bool Decade;
    /// <summary>A slash date whose day and month could be swapped (11/9/2017).</summary>
    public bool Ambiguous;
    /// <summary>True when the year was written in the text, not inherited from the rest of a range.</summary>
    public bool YearWritten;

    public readonly bool IsEmpty => Year == 0 && Month == 0 && Day == 0 && Season == 0;
}

internal enum RelForm : byte
{
    None,
    /// <summary>today, yesterday, tomorrow: Amount is the offset in days.</summary>
    DayOffset,
    /// <summary>"two days ago": Amount units before the anchor.</summary>
    Ago,
    /// <summary>"last week", "this month", "earlier this year": Amount is -1, 0 or +1 period; ToDate/FromDate trims.</summary>
    Period,
    /// <summary>"the past week": from Amount units before the anchor up to it.</summary>
    PastSpan,
    /// <summary>"the following day", "two days later", "that day": Amount units after the date just mentioned.</summary>
    Anaphor,
    /// <summary>"last November", "this summer": A holds the month or season; Amount -1, 0, +1.</summary>
    Deictic,
}

/// <summary>A recognised expression before resolution: token range and what it says.</summary>
internal sealed class RawMention
{
    public int First;
    public int Last;
    public TimeKind Kind;
    public DateParts A;
    public DateParts B;
    public bool IsRange;
    public int Weekday = -1;
    /// <summary>0: on or before the anchor; -1: strictly before ("last Thursday"); +1: after ("next Thursday").</summary>
    public int WeekdayMode;
    public RelForm Rel;
    public int Amount;
    public int Unit;
    /// <summary>-1: "earlier this month" (up to the anchor); +1: "later this month" (from the anchor).</summary>
    public int Trim;
    public bool Approximate;
    /// <summary>A year-like number outside date context ("the 2016 Dabiq offensive"): not a mention, only weak evidence of the narrative's year.</summary>
    public bool Silent;
}

/// <summary>
/// Finds time expressions in a document's token stream. Works on token text through span lookups; no
/// regular expressions and no per-token allocation (one object per expression found).
/// </summary>
internal ref struct TimeParser
{
    private readonly string _text;
    private readonly ReadOnlySpan<Token> _tokens;
    private readonly List<RawMention> _out;
    private int _lastEnd; // the last token of the previous expression, or -10

    public TimeParser(Document doc, List<RawMention> output)
    {
        _text = doc.Text;
        _tokens = doc.Tokens.AsSpan();
        _out = output;
        _lastEnd = -10;
    }

    private readonly int Count => _tokens.Length;

    private readonly ReadOnlySpan<char> T(int i) => (uint)i < (uint)_tokens.Length ? _tokens[i].In(_text) : default;

    private readonly LexEntry L(int i) => (uint)i < (uint)_tokens.Length && _tokens[i].Kind != TokenKind.Number ? TimeLexicon.Get(T(i)) : default;

    /// <summary>The first word of a sentence or line: capitalised there for grammar, not because it is a name.</summary>
    private readonly bool IsSentenceInitial(int i)
    {
        if (i == 0) return true;
        var prev = T(i - 1);
        if (prev is "." or "!" or "?" or ":" or "\"" or "\u201C" or "*" or "-" or "|" or "#" or "(") return true;
        var gap = _text.AsSpan(_tokens[i - 1].End, _tokens[i].Start - _tokens[i - 1].End);
        return gap.Contains('\n');
    }

    /// <summary>True when token <paramref name="i"/> is the first on its line.</summary>
    private readonly bool StartsLine(int i) =>
        i <= 0 || _text.AsSpan(_tokens[i - 1].End, _tokens[i].Start - _tokens[i - 1].End).Contains('\n');

    /// <summary>True when a blank line (paragraph break) separates any two tokens of first..last.</summary>
    private readonly bool CrossesParagraph(int first, int last)
    {
        for (int k = first; k < last; k++)
        {
            var gap = _text.AsSpan(_tokens[k].End, _tokens[k + 1].Start - _tokens[k].End);
            int nl = gap.Count('\n');
            if (nl >= 2) return true;
        }
        return false;
    }

    private readonly bool Is(int i, string word) => T(i).Equals(word, StringComparison.OrdinalIgnoreCase);

    private readonly bool IsCapitalized(int i) => T(i) is { Length: > 0 } t && char.IsUpper(t[0]);

    private readonly bool IsNumber(int i) => (uint)i < (uint)_tokens.Length && _tokens[i].Kind == TokenKind.Number;

    public void Run()
    {
        int i = 0;
        while (i < Count)
        {
            var m = TryAt(i);
            if (m is null || CrossesParagraph(m.First, m.Last)) { i++; continue; }
            _out.Add(m);
            if (!m.Silent) _lastEnd = m.Last;
            i = m.Last + 1;
        }
        MergeRanges();
    }

    private RawMention? TryAt(int i)
    {
        var tok = _tokens[i];
        if (tok.Kind == TokenKind.Number) return TryNumber(i);
        if (tok.Kind != TokenKind.Word) return null;
        var e = TimeLexicon.Get(T(i));
        switch (e.Class)
        {
            case Lex.Month:
            case Lex.MonthAbbrev:
                return IsCapitalized(i) ? TryMonthFirst(i, requireContext: true) : null;
            case Lex.Weekday:
                return IsCapitalized(i) ? TryWeekday(i) : null;
            case Lex.Season:
                return TrySeason(i, i, 0);
            case Lex.Part:
                return TryPart(i, i, e.Value);
            case Lex.Boundary:
                return Is(i + 1, "of") ? TryPartTarget(i, i + 2, e.Value, allowThe: true) : null;
            case Lex.The:
                return TryThe(i);
            case Lex.DayWord:
                // "Russia Today", "USA Today", "Syria's Tomorrow Movement": capitalised mid-sentence, a name.
                if (char.IsUpper(T(i)[0]) && !IsSentenceInitial(i)) return null;
                return new RawMention { First = i, Last = i, Kind = TimeKind.Relative, Rel = RelForm.DayOffset, Amount = e.Value };
            case Lex.Deictic:
                return TryDeictic(i, i, e.Value);
            case Lex.Earlier:
            case Lex.Later:
                return TryEarlierLater(i, e.Value);
            case Lex.Count:
                return TryCount(i);
            case Lex.That:
                return TryThat(i, i);
            default:
                return TryHyphenWord(i);
        }
    }

    // ---- numbers ----

    private RawMention? TryNumber(int i)
    {
        var t = T(i);
        if (TryIso(t, out var iso)) return Single(i, i, TimeKind.Explicit, iso);
        if (TrySlash(t, out var slash)) return Single(i, i, TimeKind.Explicit, slash);
        if (TryDecade(t, out int decade))
            return Single(i, i, TimeKind.Year, new DateParts { Year = decade, Decade = true, YearWritten = true });
        if (IsYearToken(t, out int year))
        {
            // "2014–2017": a year range reads as dates even without a preposition.
            if (L(i + 1).Class == Lex.Connector && !Is(i + 1, "to") && IsYearToken(T(i + 2), out int y2) && y2 > year && y2 - year <= 100)
                return Single(i, i, TimeKind.Year, new DateParts { Year = year, YearWritten = true });
            if (YearInContext(i))
                return Single(i, i, TimeKind.Year, new DateParts { Year = year, YearWritten = true });
            if (year is >= 1900 and <= 2100 && T(i + 1) is not ("," or "." or ")") || IsCapitalized(i + 1))
            {
                var silent = Single(i, i, TimeKind.Year, new DateParts { Year = year, YearWritten = true });
                silent.Silent = true;
                return silent;
            }
            return null;
        }
        if (TryDayNumber(t, out int day))
        {
            var dm = TryDayFirst(i, day);
            if (dm is not null) return dm;
        }
        if (TryInt(t, out int n) && n is > 0 and < 1000) return TryCountUnit(i, i, n);
        return null;
    }

    /// <summary>A year is a date after in/since/by/until/from/early/..., after a connector that follows another date, or before a month.</summary>
    private readonly bool YearInContext(int i)
    {
        var prev = T(i - 1);
        if (prev.IsEmpty) return false;
        if (prev.Equals("of", StringComparison.OrdinalIgnoreCase))
        {
            // "the end of 2016", "the summer of 2016", "the Treaty of 1920." but not "a force of 2000 men".
            var next = T(i + 1);
            var before = L(i - 2).Class;
            return before is Lex.Boundary or Lex.Season or Lex.Month || next.IsEmpty || _tokens[i + 1].Kind == TokenKind.Punctuation;
        }
        if (TimeLexicon.IsDateContext(prev)) return true;
        // A Markdown heading that is a year ("### 2016"): the section's dates are in that year.
        if (prev is "#" && (i + 1 >= Count || T(i + 1) is ":" || _text.AsSpan(_tokens[i].End, _tokens[i + 1].Start - _tokens[i].End).Contains('\n'))) return true;
        // "from 2014 to 2016", "in 2014 and 2015", "2015–2016"
        if (_lastEnd == i - 2 && !StartsLine(i - 1) && (L(i - 1).Class is Lex.Connector or Lex.And || prev is "," or "/")) return true;
        return false;
    }

    private readonly RawMention? TryDayFirst(int i, int day)
    {
        // 9 November [2017]; 9th of November; 3 to 9 November; 12 and 13 January
        int j = i + 1;
        if (Is(j, "of") && IsMonthAt(j + 1)) j++;
        if (IsMonthAt(j))
        {
            var parts = new DateParts { Day = day, Month = L(j).Value };
            int last = TakeYear(j, ref parts);
            return Single(i, last, TimeKind.Explicit, parts);
        }
        // day range: D1 (to|–|-|and|until) D2 Month [Year]
        var c = L(i + 1).Class;
        if ((c is Lex.Connector or Lex.And) && IsNumber(i + 2) && TryDayNumber(T(i + 2), out int day2) && day2 > day)
        {
            int k = i + 3;
            if (Is(k, "of") && IsMonthAt(k + 1)) k++;
            if (!IsMonthAt(k)) return null;
            int month = L(k).Value;
            var b = new DateParts { Day = day2, Month = month };
            int last = TakeYear(k, ref b);
            var a = new DateParts { Day = day, Month = month, Year = b.Year };
            return Range(StartWithRangeWord(i), last, a, b);
        }
        return null;
    }

    /// <summary>"between"/"from" before the first date belong to the range.</summary>
    private readonly int StartWithRangeWord(int i) => Is(i - 1, "between") || Is(i - 1, "from") ? i - 1 : i;

    private readonly bool IsMonthAt(int j)
    {
        var e = L(j);
        return e.Class is Lex.Month or Lex.MonthAbbrev && IsCapitalized(j);
    }

    /// <summary>An optional year after a month (", 2017" or " 2017"); returns the last token used.</summary>
    private readonly int TakeYear(int monthIndex, ref DateParts parts)
    {
        int k = monthIndex + 1;
        if (T(k) is "," && IsYearToken(T(k + 1), out int y1)) { parts.Year = y1; parts.YearWritten = true; return k + 1; }
        if (IsYearToken(T(k), out int y2)) { parts.Year = y2; parts.YearWritten = true; return k; }
        return monthIndex;
    }

    // ---- months ----

    private readonly RawMention? TryMonthFirst(int i, bool requireContext)
    {
        var e = L(i);
        int month = e.Value;
        var t = T(i);
        bool abbrevNoPeriod = e.Class == Lex.MonthAbbrev && t[^1] != '.';
        // November 9[, 2017]; November 3–9[, 2017]; Nov. 9
        if (IsNumber(i + 1) && TryDayNumber(T(i + 1), out int day))
        {
            var c = L(i + 2).Class;
            if ((c is Lex.Connector or Lex.And) && IsNumber(i + 3) && TryDayNumber(T(i + 3), out int day2) && day2 > day)
            {
                var b = new DateParts { Month = month, Day = day2 };
                int lastR = TakeYear(i + 3, ref b);
                var a = new DateParts { Month = month, Day = day, Year = b.Year };
                return Range(StartWithRangeWord(i), lastR, a, b);
            }
            var parts = new DateParts { Month = month, Day = day };
            int last = TakeYear(i + 1, ref parts);
            return Single(i, last, TimeKind.Explicit, parts);
        }
        // November 2016
        if (IsYearToken(T(i + 1), out int year))
            return Single(i, i + 1, TimeKind.Month, new DateParts { Month = month, Year = year, YearWritten = true });
        if (abbrevNoPeriod || !requireContext) return abbrevNoPeriod ? null : Single(i, i, TimeKind.Month, new DateParts { Month = month });
        // bare month: "in November", "since March", "between March and May"
        var prev = T(i - 1);
        if (prev.IsEmpty) return null;
        if (TimeLexicon.IsDateContext(prev) || (_lastEnd == i - 2 && !StartsLine(i - 1) && L(i - 1).Class is Lex.Connector or Lex.And))
        {
            if (t.Equals("May", StringComparison.Ordinal) && IsModalContext(i)) return null;
            return Single(i, i, TimeKind.Month, new DateParts { Month = month });
        }
        return null;
    }

    /// <summary>"May" followed by a verb-like lowercase word ("by May fall") is the modal, not the month.</summary>
    private readonly bool IsModalContext(int i)
    {
        var next = T(i + 1);
        if (next.IsEmpty || _tokens[i + 1].Kind != TokenKind.Word || !char.IsLower(next[0])) return false;
        return !(next is "and" or "or" or "to" or "the" or "when" or "after" or "before" or "as" or "with" or "while" or "until");
    }

    // ---- weekdays ----

    private readonly RawMention? TryWeekday(int i)
    {
        // "The Sunday Telegraph": a weekday after "the" and before a capitalised word is a name.
        // The same for "*Sunday Times*" and "Friday prayers" (a weekly event, not a date).
        if (IsCapitalized(i + 1) && _tokens[i + 1].Kind == TokenKind.Word && !IsMonthAt(i + 1)
            && !(Is(i - 1, "on") || Is(i - 1, "since") || Is(i - 1, "by") || Is(i - 1, "until") || Is(i - 1, "from") || Is(i - 1, "early") || Is(i - 1, "late")))
            return null;
        if (Is(i + 1, "prayers") || Is(i + 1, "prayer") || Is(i + 1, "sermon") || Is(i + 1, "sermons")) return null;
        int wd = L(i).Value;
        // Thursday (November 9) / Thursday, 9 November 2017 / Thursday 20 November 2003
        int j = i + 1;
        bool paren = false;
        if (T(j) is "(" ) { paren = true; j++; }
        else if (T(j) is ",") j++;
        RawMention? date = null;
        if (IsMonthAt(j)) date = TryMonthFirst(j, requireContext: false);
        else if (IsNumber(j) && TryDayNumber(T(j), out int d)) date = TryDayFirst(j, d);
        if (date is not null && date.A.Day > 0 && !date.IsRange)
        {
            date.First = i;
            date.Weekday = wd;
            date.Kind = TimeKind.Explicit;
            if (paren && T(date.Last + 1) is ")") date.Last++;
            return date;
        }
        return new RawMention { First = i, Last = i, Kind = TimeKind.Weekday, Weekday = wd };
    }

    // ---- seasons, parts of periods ----

    private readonly RawMention? TrySeason(int first, int i, int part)
    {
        int season = L(i).Value;
        var t = T(i);
        bool isFall = t.Equals("fall", StringComparison.OrdinalIgnoreCase);
        if (char.IsUpper(t[0]) && !(i == 0 || T(i - 1) is "." or "\n")) return null; // "Arab Spring"
        var parts = new DateParts { Season = season, Part = part };
        // summer 2016 / summer of 2016
        int yearAt = IsYearToken(T(i + 1), out int y) ? i + 1 : Is(i + 1, "of") && IsYearToken(T(i + 2), out y) ? i + 2 : -1;
        if (yearAt > 0)
        {
            parts.Year = y;
            parts.YearWritten = true;
            // "the winter of 2007–2008" starts in December 2007; a bare "winter 2008" ends in February 2008.
            if (season == 4 && L(yearAt + 1).Class == Lex.Connector && IsNumber(yearAt + 2)) parts.Year++;
            return Single(first, yearAt, TimeKind.Season, parts);
        }
        if (isFall || first != i) return first != i && !isFall ? Single(first, i, TimeKind.Season, parts) : null;
        var prev = T(i - 1);
        if (Is(i - 1, "the")) prev = T(i - 2);
        return !prev.IsEmpty && TimeLexicon.IsDateContext(prev) ? Single(i, i, TimeKind.Season, parts) : null;
    }

    /// <summary>early/mid/late + (-) + month, year or season.</summary>
    private readonly RawMention? TryPart(int first, int i, int part)
    {
        int j = i + 1;
        if (T(j) is "-" or "\u2010" or "\u2011") j++;
        return TryPartTarget(first, j, part, allowThe: false);
    }

    private readonly RawMention? TryPartTarget(int first, int j, int part, bool allowThe)
    {
        if (allowThe && Is(first - 1, "the")) first--;
        if (allowThe && Is(j, "the")) j++;
        if (IsMonthAt(j) && L(j).Class == Lex.Month)
        {
            var m = TryMonthFirst(j, requireContext: false);
            if (m is null || m.A.Day > 0 || m.IsRange) return null;
            m.First = first;
            m.A.Part = part;
            return m;
        }
        if (IsNumber(j) && IsYearToken(T(j), out int y))
            return Single(first, j, TimeKind.Year, new DateParts { Year = y, Part = part, YearWritten = true });
        if (L(j).Class == Lex.Season && char.IsLower(T(j)[0])) return TrySeason(first, j, part);
        if (L(j).Class == Lex.Deictic && L(j + 1).Class == Lex.Unit && L(j + 1).Value is TimeLexicon.UnitMonth or TimeLexicon.UnitYear)
        {
            // "early this year", "late last month"
            var r = TryDeictic(first, j, L(j).Value);
            if (r is not null) r.A.Part = part;
            return r;
        }
        return null;
    }

    /// <summary>Words the tokenizer keeps whole because a digit follows the hyphen: "mid-2017", "late-2016".</summary>
    private readonly RawMention? TryHyphenWord(int i)
    {
        var t = T(i);
        int dash = t.IndexOf('-');
        if (dash <= 0 || dash == t.Length - 1) return null;
        var e = TimeLexicon.Get(t[..dash]);
        if (e.Class != Lex.Part || !IsYearToken(t[(dash + 1)..], out int y)) return null;
        return Single(i, i, TimeKind.Year, new DateParts { Year = y, Part = e.Value, YearWritten = true });
    }

    // ---- relative and anaphoric ----

    private readonly RawMention? TryDeictic(int first, int i, int offset)
    {
        var next = L(i + 1);
        bool isThis = offset == 0;
        switch (next.Class)
        {
            case Lex.Unit when next.Value is TimeLexicon.UnitWeek or TimeLexicon.UnitMonth or TimeLexicon.UnitYear or TimeLexicon.UnitWeekend:
                if (T(i + 1)[^1] == 's') return null; // "last months", "the next years"
                if (Is(i - 1, "the")) return null;    // "the next year" is anaphoric; handled by TryThe
                return new RawMention { First = first, Last = i + 1, Kind = TimeKind.Relative, Rel = RelForm.Period, Amount = offset, Unit = next.Value };
            case Lex.Unit when isThis && next.Value == TimeLexicon.UnitNight:
                return new RawMention { First = first, Last = i + 1, Kind = TimeKind.Relative, Rel = RelForm.DayOffset, Amount = 0 };
            case Lex.Unit when offset == -1 && next.Value == TimeLexicon.UnitNight:
                return new RawMention { First = first, Last = i + 1, Kind = TimeKind.Relative, Rel = RelForm.DayOffset, Amount = -1 };
            case Lex.Weekday when IsCapitalized(i + 1):
                if (Is(i - 1, "the")) return null;
                return new RawMention { First = first, Last = i + 1, Kind = TimeKind.Weekday, Weekday = next.Value, WeekdayMode = offset };
            case Lex.Month when IsCapitalized(i + 1):
                return new RawMention { First = first, Last = i + 1, Kind = TimeKind.Month, Rel = RelForm.Deictic, Amount = offset, A = new DateParts { Month = next.Value } };
            case Lex.Season when char.IsLower(T(i + 1)[0]):
                return new RawMention { First = first, Last = i + 1, Kind = TimeKind.Season, Rel = RelForm.Deictic, Amount = offset, A = new DateParts { Season = next.Value } };
        }
        return null;
    }

    /// <summary>"earlier this month", "later this week", "later that day".</summary>
    private readonly RawMention? TryEarlierLater(int i, int direction)
    {
        var d = L(i + 1);
        if (d.Class == Lex.Deictic && d.Value == 0 && L(i + 2).Class == Lex.Unit && L(i + 2).Value is TimeLexicon.UnitWeek or TimeLexicon.UnitMonth or TimeLexicon.UnitYear)
            return new RawMention { First = i, Last = i + 2, Kind = TimeKind.Relative, Rel = RelForm.Period, Amount = 0, Unit = L(i + 2).Value, Trim = direction };
        if (d.Class == Lex.That) return TryThat(i, i + 1);
        return null;
    }

    /// <summary>"that day", "that night", "later that day" (the day just mentioned).</summary>
    private readonly RawMention? TryThat(int first, int i)
    {
        var u = L(i + 1);
        if (u.Class != Lex.Unit || T(i + 1)[^1] == 's') return null;
        // "that week/month/year" also names a period in passing ("that year's harvest"); only "that day/night" stands alone.
        if (first == i && u.Value is not (TimeLexicon.UnitDay or TimeLexicon.UnitNight)
            && !(Is(i - 1, "on") || Is(i - 1, "by") || Is(i - 1, "until") || Is(i - 1, "since") || Is(i - 1, "in")))
            return null;
        int unit = u.Value == TimeLexicon.UnitNight ? TimeLexicon.UnitDay : u.Value;
        if (unit == TimeLexicon.UnitWeekend) return null;
        return new RawMention { First = first, Last = i + 1, Kind = TimeKind.Anaphoric, Rel = RelForm.Anaphor, Amount = 0, Unit = unit };
    }

    private readonly RawMention? TryThe(int i)
    {
        var a = L(i + 1);
        var u = L(i + 2);
        // the following day / the next day / the previous day / the same day / the next morning
        if (a.Class is Lex.Following or Lex.Previous or Lex.Same || (a.Class == Lex.Deictic && a.Value == 1))
        {
            if (u.Class != Lex.Unit || T(i + 2)[^1] == 's' || u.Value == TimeLexicon.UnitWeekend) return null;
            int unit = u.Value == TimeLexicon.UnitNight ? TimeLexicon.UnitDay : u.Value;
            int amount = a.Class == Lex.Same ? 0 : a.Class == Lex.Previous ? -1 : 1;
            if (a.Class == Lex.Same && u.Value == TimeLexicon.UnitNight) return null;
            return new RawMention { First = i, Last = i + 2, Kind = TimeKind.Anaphoric, Rel = RelForm.Anaphor, Amount = amount, Unit = unit };
        }
        // the day before / the day after
        if (a.Class == Lex.Unit && a.Value == TimeLexicon.UnitDay && T(i + 1) is "day" && (Is(i + 2, "before") || Is(i + 2, "after")))
        {
            // "the day after the attack" refers to the attack, not to a date: require the phrase to end there.
            var next = T(i + 3);
            if (!next.IsEmpty && _tokens[i + 3].Kind == TokenKind.Word && !(next is "and" or "but" or "when")) return null;
            return new RawMention { First = i, Last = i + 2, Kind = TimeKind.Anaphoric, Rel = RelForm.Anaphor, Amount = Is(i + 2, "after") ? 1 : -1, Unit = TimeLexicon.UnitDay };
        }
        // the past week / the past two weeks
        if (a.Class == Lex.Past || (a.Class == Lex.Deictic && a.Value == -1))
        {
            int j = i + 2;
            int n = 1;
            if (L(j).Class == Lex.Count && L(j).Value > 0) { n = L(j).Value; j++; }
            else if (IsNumber(j) && TryInt(T(j), out int k) && k is > 0 and < 100) { n = k; j++; }
            var unit = L(j);
            // "the last two weeks of March", "the last day of Eid": the end of a period, not time before the anchor.
            if (Is(j + 1, "of")) return null;
            if (n == 1 && T(j) is { Length: > 0 } unitWord && unitWord[^1] == 's') return null; // "the past months": vague
            if (a.Class == Lex.Deictic && n == 1 && unit.Value == TimeLexicon.UnitDay) return null; // "on the last day"
            if (unit.Class == Lex.Unit && unit.Value is TimeLexicon.UnitDay or TimeLexicon.UnitWeek or TimeLexicon.UnitMonth or TimeLexicon.UnitYear)
                return new RawMention { First = i, Last = j, Kind = TimeKind.Relative, Rel = RelForm.PastSpan, Amount = n, Unit = unit.Value };
        }
        return null;
    }

    /// <summary>"two days ago", "a week later", "a few days later".</summary>
    private readonly RawMention? TryCount(int i)
    {
        var e = L(i);
        if (e.Value < 0) return null; // "few" alone: only after "a"
        if (e.Value == 1 && L(i + 1).Class == Lex.Count && L(i + 1).Value < 0)
        {
            var r = TryCountUnit(i, i + 1, 3);
            if (r is not null) r.Approximate = true;
            return r;
        }
        return TryCountUnit(i, i, e.Value);
    }

    private readonly RawMention? TryCountUnit(int first, int i, int n)
    {
        var u = L(i + 1);
        if (u.Class != Lex.Unit || u.Value is TimeLexicon.UnitWeekend or TimeLexicon.UnitNight) return null;
        bool plural = T(i + 1)[^1] == 's';
        if (plural != (n != 1) && !(n == 3 && plural)) return null;
        var w = L(i + 2);
        if (w.Class == Lex.Ago)
            return new RawMention { First = first, Last = i + 2, Kind = TimeKind.Relative, Rel = RelForm.Ago, Amount = n, Unit = u.Value };
        if (w.Class is Lex.Later or Lex.Earlier)
            return new RawMention { First = first, Last = i + 2, Kind = TimeKind.Anaphoric, Rel = RelForm.Anaphor, Amount = n * w.Value, Unit = u.Value };
        return null;
    }

    // ---- ranges across two expressions ----

    /// <summary>Joins "30 November – 2 December 2016", "from March to May 2016", "between 2014 and 2016".</summary>
    private readonly void MergeRanges()
    {
        for (int k = _out.Count - 2; k >= 0; k--)
        {
            var a = _out[k];
            var b = _out[k + 1];
            if (b.First != a.Last + 2 || !IsDateLike(a) || !IsDateLike(b)) continue;
            int c = a.Last + 1;
            if (StartsLine(c)) continue; // "- 2014" on the next line is a list bullet, not a dash between dates
            var cls = L(c).Class;
            bool connector = cls == Lex.Connector || (_tokens[c].Kind == TokenKind.Punctuation && T(c) is "-" or "\u2013" or "\u2014");
            if (!CompatibleEnds(a.A, b.A)) continue;
            if (!connector && cls == Lex.And && !Is(a.First - 1, "between"))
            {
                // "in July and August 2012": two dates, the first taking the second's year.
                if (a.A.Year == 0 && b.A.Year != 0 && b.A.YearWritten)
                    a.A.Year = a.A.Month > b.A.Month && b.A.Month != 0 ? b.A.Year - 1 : b.A.Year;
                continue;
            }
            if (!connector && !(cls == Lex.And && Is(a.First - 1, "between"))) continue;
            var start = a.A;
            var end = b.A;
            if (start.Year == 0 && end.Year != 0)
            {
                start.Year = end.Year;
                if (start.Month > end.Month && end.Month != 0) start.Year--;
            }
            if (start.Month == 0 && start.Day != 0) start.Month = end.Month;
            a.A = start;
            a.B = end;
            a.IsRange = true;
            a.Kind = TimeKind.Range;
            a.Last = b.Last;
            a.First = Is(a.First - 1, "between") || Is(a.First - 1, "from") ? a.First - 1 : a.First;
            _out.RemoveAt(k + 1);
        }
    }

    private static bool IsDateLike(RawMention m) =>
        !m.Silent && !m.IsRange && m.Rel == RelForm.None && m.Kind is TimeKind.Explicit or TimeKind.Month or TimeKind.Year or TimeKind.Season && m.Weekday < 0 && !m.A.Ambiguous;

    /// <summary>Both ends must name the same kind of unit (day with day, month with month, year with year, season with season).</summary>
    private static bool CompatibleEnds(DateParts a, DateParts b) =>
        (a.Day != 0) == (b.Day != 0) && (a.Month != 0) == (b.Month != 0) && !a.Decade && !b.Decade && (a.Season != 0) == (b.Season != 0);

    // ---- helpers ----

    private static RawMention Single(int first, int last, TimeKind kind, DateParts parts) =>
        new() { First = first, Last = last, Kind = kind, A = parts };

    private static RawMention Range(int first, int last, DateParts a, DateParts b) =>
        new() { First = first, Last = last, Kind = TimeKind.Range, A = a, B = b, IsRange = true };

    internal static bool TryInt(ReadOnlySpan<char> t, out int value)
    {
        value = 0;
        if (t.IsEmpty || t.Length > 6) return false;
        foreach (char c in t)
        {
            if (!TextChars.IsAsciiDigit(c)) return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }

    internal static bool IsYearToken(ReadOnlySpan<char> t, out int year) =>
        TryInt(t, out year) && t.Length == 4 && year is >= 1000 and <= 2100;

    /// <summary>1..31, or an ordinal (3rd, 21st).</summary>
    internal static bool TryDayNumber(ReadOnlySpan<char> t, out int day)
    {
        if (t.Length > 2 && char.IsLetter(t[^1])) t = t[..^2];
        return TryInt(t, out day) && t.Length <= 2 && day is >= 1 and <= 31;
    }

    private static bool TryDecade(ReadOnlySpan<char> t, out int decade)
    {
        decade = 0;
        return t.Length == 5 && t[4] == 's' && TryInt(t[..4], out decade) && decade % 10 == 0 && decade is >= 1000 and <= 2100;
    }

    private static bool TryIso(ReadOnlySpan<char> t, out DateParts parts)
    {
        parts = default;
        if (t.Length != 10 || t[4] != '-' || t[7] != '-') return false;
        if (!TryInt(t[..4], out int y) || !TryInt(t.Slice(5, 2), out int m) || !TryInt(t.Slice(8, 2), out int d)) return false;
        parts = new DateParts { Year = y, Month = m, Day = d, YearWritten = true };
        return true;
    }

    /// <summary>d/m/yyyy or m/d/yyyy; when both readings are valid and differ, the day and month are unknown.</summary>
    private static bool TrySlash(ReadOnlySpan<char> t, out DateParts parts)
    {
        parts = default;
        int s1 = t.IndexOf('/');
        if (s1 <= 0) return false;
        int s2 = t[(s1 + 1)..].IndexOf('/');
        if (s2 <= 0) return false;
        s2 += s1 + 1;
        if (!TryInt(t[..s1], out int p1) || !TryInt(t[(s1 + 1)..s2], out int p2) || !TryInt(t[(s2 + 1)..], out int y)) return false;
        int yLen = t.Length - s2 - 1;
        if (yLen == 2) y += y < 50 ? 2000 : 1900;
        else if (yLen != 4) return false;
        if (s1 > 2 || s2 - s1 - 1 > 2 || p1 == 0 || p2 == 0) return false;
        if (p1 > 12 && p2 <= 12) { parts = new DateParts { Year = y, Month = p2, Day = p1, YearWritten = true }; return true; }
        if (p2 > 12 && p1 <= 12) { parts = new DateParts { Year = y, Month = p1, Day = p2, YearWritten = true }; return true; }
        if (p1 > 12 || p2 > 12) return false;
        parts = p1 == p2
            ? new DateParts { Year = y, Month = p1, Day = p2, YearWritten = true }
            : new DateParts { Year = y, Month = p1, Day = p2, YearWritten = true, Ambiguous = true };
        return true;
    }
}
