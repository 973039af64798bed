using EventExtractor.Text;
using EventExtractor.Time;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace EventExtractor.Tests.Time;

public class TimeBehaviourTests
{
    private static readonly DateOnly Today = new(2026, 1, 1);

    [Fact]
    public void Seed_without_publication_date_infers_2017_from_the_weekday()
    {
        var doc = Document.Create("seed", File.ReadAllText(TimeTable.SeedPath));
        var analysis = TimeRecognizer.Analyze(doc, Today);

        Assert.Equal(new DateOnly(2017, 11, 9), analysis.Anchor);
        Assert.Equal(AnchorSource.InferredFromWeekday, analysis.AnchorSource);
        Assert.Contains("2014", analysis.AnchorNote, StringComparison.Ordinal);

        var thursday = Assert.Single(analysis.Mentions, m => m.Text == "Thursday (November 9)");
        Assert.Equal(new DateOnly(2017, 11, 9), thursday.Start);
        Assert.True(thursday.IsExactDay);
        Assert.Equal("day", thursday.Precision.ToContractString());

        var november3 = Assert.Single(analysis.Mentions, m => m.Text == "November 3");
        Assert.Equal(new DateOnly(2017, 11, 3), november3.Start);
        Assert.True(november3.IsExactDay);
    }

    [Fact]
    public void Weekday_with_date_but_no_year_anywhere_leaves_the_anchor_null()
    {
        var doc = Document.Create("x", "Syria's army announced Thursday (November 9) the capture of the last town held by the Islamic State.");
        var analysis = TimeRecognizer.Analyze(doc, Today);
        Assert.Null(analysis.Anchor);
        Assert.Equal(AnchorSource.None, analysis.AnchorSource);
        Assert.Contains("28-year", analysis.AnchorNote, StringComparison.Ordinal);
        var m = Assert.Single(analysis.Mentions);
        Assert.Null(m.Start);
        Assert.NotNull(m.Note);
    }

    [Fact]
    public void Inferred_year_never_lies_in_the_future()
    {
        // 9 November is a Thursday in 2017 and 2023; with 2018 the latest year mentioned, the next fit (2023) is after "today" 2020.
        var doc = Document.Create("x", "The army announced Thursday (November 9) the capture of the town, its first since 2018.");
        var analysis = TimeRecognizer.Analyze(doc, new DateOnly(2020, 1, 1));
        Assert.Null(analysis.Anchor);
    }

    [Fact]
    public void Empty_and_blank_text_give_no_mentions()
    {
        foreach (var text in new[] { "", " ", "\n\n", "\u200B" })
        {
            var analysis = TimeRecognizer.Analyze(Document.Create("x", text, new DateOnly(2017, 11, 10)), Today);
            Assert.Empty(analysis.Mentions);
            Assert.Equal(AnchorSource.Publication, analysis.AnchorSource);
        }
        var undated = TimeRecognizer.Analyze(Document.Create("x", ""), Today);
        Assert.Empty(undated.Mentions);
        Assert.Null(undated.Anchor);
        Assert.Equal(AnchorSource.None, undated.AnchorSource);
    }

    [Theory]
    [InlineData("31 February 2017", "February has no day 31")]
    [InlineData("February 30, 2016", "February has no day 30")]
    [InlineData("31 April 2017", "April has no day 31")]
    [InlineData("2017-13-01", "invalid month 13")]
    [InlineData("2017-02-29", "February has no day 29")]
    public void Impossible_dates_are_mentions_with_a_null_date_and_a_reason(string text, string reason)
    {
        var m = Assert.Single(TimeRecognizer.Recognize(Document.Create("x", "The town fell on " + text + ".", new DateOnly(2017, 11, 10))));
        Assert.Null(m.Start);
        Assert.Null(m.End);
        Assert.Contains(reason, m.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Publication_date_in_the_future_is_used_but_flagged()
    {
        var doc = Document.Create("x", "The town fell to the army yesterday, a war monitor said Thursday.", new DateOnly(2030, 1, 10));
        var analysis = TimeRecognizer.Analyze(doc, Today);
        Assert.Equal(AnchorSource.Publication, analysis.AnchorSource);
        Assert.Equal(new DateOnly(2030, 1, 10), analysis.Anchor);
        Assert.Contains("after today", analysis.AnchorNote, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2030, 1, 9), analysis.Mentions[0].Start);
        Assert.Equal(new DateOnly(2030, 1, 10), analysis.Mentions[1].Start); // 10 January 2030 is a Thursday
    }

    [Fact]
    public void Null_document_is_rejected_with_a_clear_exception()
    {
        Assert.Throws<ArgumentNullException>(() => TimeRecognizer.Analyze(null!, Today));
    }

    [Fact]
    public void Precision_contract_strings()
    {
        Assert.Equal("day", DatePrecision.Day.ToContractString());
        Assert.Equal("month", DatePrecision.Month.ToContractString());
        Assert.Equal("year", DatePrecision.Year.ToContractString());
        Assert.Equal("document", DatePrecision.Document.ToContractString());
        Assert.Equal("week", DatePrecision.Week.ToContractString());
        Assert.Equal("month", DatePrecision.Week.ToCoarseContractString());
        Assert.Equal("year", DatePrecision.Season.ToCoarseContractString());
    }

    [Fact]
    public void Same_input_gives_the_same_mentions()
    {
        var text = File.ReadAllText(TimeTable.SeedPath);
        var a = TimeRecognizer.Analyze(Document.Create("s", text), Today);
        var b = TimeRecognizer.Analyze(Document.Create("s", text), Today);
        Assert.Equal(a.Mentions, b.Mentions);
        Assert.Equal(a.AnchorNote, b.AnchorNote);
    }

    // ---- properties ----

    private static readonly string[] Pieces =
    [
        "9", "November", "2017", "Nov.", "Nov", "Thursday", "(", ")", ",", " ", " ", " ", "\n", "\n\n", "-", "–", "to", "and", "between",
        "from", "in", "on", "last", "next", "this", "the", "following", "day", "days", "two", "ago", "later", "week", "month", "year",
        "mid", "early", "late", "end", "of", "summer", "winter", "fall", "May", "may", "31", "February", "29", "2017-11-09", "11/9/2017",
        "13/11/2017", "1990s", "mid-2017", "yesterday", "Today", "a", "few", "that", "'s", "3rd", "0", "99", "2254", "F-16", "T4",
        "x", "é", "\uD83D\uDE00", "\uD83D", ".", "!", "?", "\"", "past", "earlier", "this", "same", "previous", "9999", "0000", "1000",
    ];

    private static Gen<string> TextGen() =>
        Gen.Choose(0, 40).SelectMany(n => Gen.ArrayOf(Gen.Elements(Pieces), n)).Select(p => string.Concat(p));

    private static Gen<DateOnly?> PublicationGen() =>
        Gen.Frequency(
            (1, Gen.Constant<DateOnly?>(null)),
            (3, Gen.Choose(1, 3_652_058).Select(d => (DateOnly?)DateOnly.FromDayNumber(d))));

    [Fact]
    public void Never_throws_and_mentions_are_ordered_disjoint_spans_of_the_text()
    {
        var property = Prop.ForAll(TextGen().ToArbitrary(), PublicationGen().ToArbitrary(), (text, pub) =>
        {
            var doc = Document.Create("p", text, pub);
            var mentions = TimeRecognizer.Analyze(doc, Today).Mentions;
            int end = 0;
            foreach (var m in mentions)
            {
                if (m.Span.Start < end || m.Span.End <= m.Span.Start || m.Span.End > text.Length) return false;
                if (m.Text != text.Substring(m.Span.Start, m.Span.Length)) return false;
                if (m.Start is { } s && m.End is { } e && e < s) return false;
                if ((m.Start is null) != (m.End is null)) return false;
                end = m.Span.End;
            }
            return true;
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(3000).WithReplay(12345UL, 67891UL), property);
    }

    [Fact]
    public void Random_unicode_never_throws()
    {
        var rng = new Random(2017);
        for (int k = 0; k < 2000; k++)
        {
            var chars = new char[rng.Next(0, 80)];
            for (int i = 0; i < chars.Length; i++) chars[i] = (char)rng.Next(0, 0x3000);
            var text = new string(chars);
            DateOnly? pub = rng.Next(3) == 0 ? null : DateOnly.FromDayNumber(rng.Next(0, 3_652_059));
            var mentions = TimeRecognizer.Recognize(Document.Create("r", text, pub));
            foreach (var m in mentions) Assert.Equal(text.Substring(m.Span.Start, m.Span.Length), m.Text);
        }
    }
}
