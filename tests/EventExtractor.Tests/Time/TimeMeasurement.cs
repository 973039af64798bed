using EventExtractor.Text;
using EventExtractor.Time;
using Xunit;
using Xunit.Abstractions;

namespace EventExtractor.Tests.Time;

/// <summary>Console-free measurements of the time stage; the tests print the figures to the test log.</summary>
public static class TimeMeasurements
{
    public readonly record struct Score(int Exact, int Total, IReadOnlyList<string> Misses)
    {
        public double Rate => Total == 0 ? 0 : (double)Exact / Total;

        public override string ToString() => $"{Exact}/{Total} ({Rate:P1})";
    }

    /// <summary>Rows of the expression table whose expected value is one exact day, and how many of them come out exactly so.</summary>
    public static Score TableDayLevel()
    {
        int exact = 0, total = 0;
        var misses = new List<string>();
        foreach (var row in TimeTable.Rows)
        {
            var expected = (string)row[4]!;
            if (expected.Contains(' ', StringComparison.Ordinal) || expected == "none") continue;
            total++;
            var problem = TimeTable.Check((string)row[1]!, (string?)row[2], (string)row[3]!, expected, out var found);
            if (problem is null && found is { IsExactDay: true }) exact++;
            else misses.Add($"{row[0]}: {problem}");
        }
        return new Score(exact, total, misses);
    }

    /// <summary>
    /// Leave-one-year-out on real narrative: for each "on D Month YYYY" in the Wikipedia articles (front matter
    /// skipped), delete that one " YYYY" and check the bare "D Month" still resolves to the same day from the rest
    /// of the text. At most <paramref name="perDocument"/> dates per article, evenly spread.
    /// </summary>
    public static Score LeaveOneYearOut(string directory, int perDocument = 40)
    {
        int exact = 0, total = 0;
        var misses = new List<string>();
        foreach (var path in Directory.GetFiles(directory, "*.md").OrderBy(p => p, StringComparer.Ordinal))
        {
            var text = StripFrontMatter(File.ReadAllText(path));
            var doc = Document.Create(path, text);
            var candidates = new List<TimeMention>();
            foreach (var m in TimeRecognizer.Analyze(doc).Mentions)
            {
                if (m.Kind != TimeKind.Explicit || !m.IsExactDay || m.Text.Length < 10) continue;
                int ti = doc.TokenAt(m.Span.Start);
                if (ti == 0 || !doc.TokenText(ti - 1).Equals("on", StringComparison.OrdinalIgnoreCase)) continue;
                if (!char.IsAsciiDigit(m.Text[0]) || !char.IsAsciiDigit(m.Text[^1]) || m.Text[^5] != ' ') continue;
                candidates.Add(m);
            }
            int step = Math.Max(1, candidates.Count / perDocument);
            for (int k = 0; k < candidates.Count; k += step)
            {
                var m = candidates[k];
                int cut = m.Span.End - 5;
                var modified = string.Concat(text.AsSpan(0, cut), text.AsSpan(m.Span.End));
                var again = TimeRecognizer.Analyze(Document.Create(path, modified)).Mentions
                    .FirstOrDefault(x => x.Span.Start == m.Span.Start);
                total++;
                if (again is not null && again.IsExactDay && again.Start == m.Start) exact++;
                else misses.Add($"{Path.GetFileName(path)}: [{m.Text}] -> {again?.Start:yyyy-MM-dd} ({again?.Note})");
            }
        }
        return new Score(exact, total, misses);
    }

    /// <summary>
    /// Real bare day-months ("On 5 June", no year written) in the articles whose title names one year and no range
    /// ("2016_dabiq_offensive", "battle_of_sirte_(2016)"): how many resolve to a day in that year. Background
    /// sections about earlier years count as misses even when right, so this is a lower bound.
    /// </summary>
    public static Score TitleYear(string directory)
    {
        int exact = 0, total = 0;
        var misses = new List<string>();
        foreach (var path in Directory.GetFiles(directory, "*.md").OrderBy(p => p, StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (name.Contains('\u2013', StringComparison.Ordinal)) continue;
            int year = 0, years = 0;
            for (int i = 0; i + 4 <= name.Length; i++)
            {
                if ((i == 0 || !char.IsAsciiDigit(name[i - 1])) && (i + 4 == name.Length || !char.IsAsciiDigit(name[i + 4]))
                    && int.TryParse(name.AsSpan(i, 4), out int y) && y is > 1900 and < 2030) { year = y; years++; }
            }
            if (years != 1) continue;
            var text = StripFrontMatter(File.ReadAllText(path));
            var doc = Document.Create(path, text);
            foreach (var m in TimeRecognizer.Analyze(doc).Mentions)
            {
                if (m.Kind != TimeKind.Explicit || m.Precision != DatePrecision.Day || HasYear(m.Text)) continue;
                total++;
                if (m.IsExactDay && m.Start!.Value.Year == year) exact++;
                else misses.Add($"{name}: [{m.Text}] -> {m.Start:yyyy-MM-dd} ({m.Note})");
            }
        }
        return new Score(exact, total, misses);
    }

    private static bool HasYear(string text)
    {
        int run = 0;
        foreach (char c in text)
        {
            run = char.IsAsciiDigit(c) ? run + 1 : 0;
            if (run == 4) return true;
        }
        return false;
    }

    private static string StripFrontMatter(string text)
    {
        if (!text.StartsWith("---", StringComparison.Ordinal)) return text;
        int end = text.IndexOf("\n---", 3, StringComparison.Ordinal);
        return end < 0 ? text : text[(end + 4)..];
    }
}

public class TimeMeasurementTests(ITestOutputHelper output)
{
    [Fact]
    public void Table_day_level_rows_are_all_exact()
    {
        var score = TimeMeasurements.TableDayLevel();
        output.WriteLine($"table day-level exact: {score}");
        foreach (var miss in score.Misses) output.WriteLine(miss);
        Assert.True(score.Total >= 50, $"only {score.Total} day-level rows");
        Assert.Equal(score.Total, score.Exact);
    }

    [Fact]
    public void Bare_day_months_in_single_year_articles_take_the_title_year()
    {
        var dir = Path.Combine(TimeTable.SharedDir(), "data", "wikipedia", "syria-iraq");
        if (!Directory.Exists(dir)) return;
        var score = TimeMeasurements.TitleYear(dir);
        output.WriteLine($"title-year check, bare day-month exact: {score}");
        foreach (var miss in score.Misses) output.WriteLine(miss);
        Assert.True(score.Total >= 100, $"only {score.Total} samples");
        Assert.True(score.Rate >= 0.90, $"title-year {score}");
    }

    [Fact]
    public void Leave_one_year_out_on_wikipedia_narrative()
    {
        var dir = Path.Combine(TimeTable.SharedDir(), "data", "wikipedia", "syria-iraq");
        if (!Directory.Exists(dir)) return;
        var score = TimeMeasurements.LeaveOneYearOut(dir);
        output.WriteLine($"leave-one-year-out day-level exact: {score}");
        foreach (var miss in score.Misses.Take(60)) output.WriteLine(miss);
        // Adversarial: Wikipedia writes the year exactly where context does not give it, so this is far below the
        // rate on bare dates as written (see the title-year check). A regression guard, not a target.
        Assert.True(score.Total >= 200, $"only {score.Total} samples");
        Assert.True(score.Rate >= 0.60, $"day-level exact {score}");
    }
}
