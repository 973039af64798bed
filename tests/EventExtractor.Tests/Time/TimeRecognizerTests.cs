using EventExtractor.Text;
using EventExtractor.Time;
using Xunit;

namespace EventExtractor.Tests.Time;

public class TimeRecognizerTests
{
    public static IEnumerable<object?[]> Rows() => TimeTable.Cases();

    [Theory]
    [MemberData(nameof(Rows))]
    public void Table(string name, string text, string? publication, string target, string expected)
    {
        var problem = TimeTable.Check(text, publication, target, expected, out _);
        Assert.True(problem is null, $"{name}: {problem}");
    }

    [Fact]
    public void Table_has_at_least_80_rows_most_from_real_text()
    {
        Assert.True(TimeTable.Rows.Length >= 80);
        int real = TimeTable.Rows.Count(r => !((string)r[0]!).StartsWith("constructed", StringComparison.Ordinal));
        Assert.True(real >= 80, $"only {real} rows from real text");
    }
}
