using EventExtractor.Evaluation;

namespace EventExtractor.Tests.Classification;

/// <summary>Made-up rows only: no ACLED text is in this repository.</summary>
public class AcledReaderTests
{
    [Theory]
    [InlineData("Battle-Government regains territory", true)]
    [InlineData("Battle-Non-state actor overtakes territory", true)]
    [InlineData("Non-violent transfer of territory", true)]
    [InlineData("Government regains territory", true)]
    [InlineData("Non-state actor overtakes territory", true)]
    [InlineData("Battle - Government regains territory", true)]
    [InlineData("Battle-No change of territory", false)]
    [InlineData("Armed clash", false)]
    [InlineData("Remote violence", false)]
    [InlineData("Riots/Protests", false)]
    public void Territory_transfer_event_types(string eventType, bool expected) =>
        Assert.Equal(expected, AcledReader.IsTerritoryTransfer(eventType));

    [Fact]
    public void Reads_quoted_fields_with_commas_quotes_and_newlines_and_reports_bad_rows()
    {
        var csv = "data_id,event_date,event_type,actor1,actor2,location,latitude,longitude,notes\n"
            + "1,2018-01-05,Battle-Government regains territory,Army,Rebels,Townville,35.5,38.25,\"Troops took Townville, a \"\"key\"\" town,\nafter fighting.\"\n"
            + "2,2018-01-06,Armed clash,Rebels,Army,Village B,35.0,38.0\n"
            + "3,2018-01-07,Armed clash,Rebels,Army,Village C,bad,38.0,Clashes near Village C.\n";
        var errors = new StringWriter();
        var rows = AcledReader.Read(new StringReader(csv), "made-up.csv", errors);
        Assert.Equal(2, rows.Count);
        Assert.True(rows[0].IsTerritoryTransfer);
        Assert.Equal("Troops took Townville, a \"key\" town,\nafter fighting.", rows[0].Notes);
        Assert.Equal(new DateOnly(2018, 1, 5), rows[0].EventDate);
        Assert.Equal(35.5, rows[0].Latitude);
        Assert.False(rows[1].IsTerritoryTransfer);
        Assert.Null(rows[1].Latitude);
        Assert.Contains("made-up.csv:4:", errors.ToString(), StringComparison.Ordinal);
        Assert.Null(rows[0].GeoPrecision); // this export has no geo_precision column
    }

    [Fact]
    public void Reads_geo_precision_when_the_export_has_it()
    {
        var csv = "data_id,event_type,location,geo_precision,notes\n"
            + "1,Armed clash,Townville,2,Clashes near Townville.\n"
            + "2,Armed clash,Village B,,Clashes in Village B.\n";
        var rows = AcledReader.Read(new StringReader(csv), "made-up.csv", new StringWriter());
        Assert.Equal(2, rows[0].GeoPrecision);
        Assert.Null(rows[1].GeoPrecision);
    }

    [Fact]
    public void Place_match_by_distance_or_name()
    {
        Assert.InRange(AcledScorer.HaversineKm(35.0, 38.0, 35.1, 38.1), 14, 15);
        Assert.True(AcledScorer.SameName("al-Bab", "Al Bab"));
        Assert.True(AcledScorer.SameName("Abu al-Duhur", "Abu Al Duhur"));
        Assert.False(AcledScorer.SameName("Homs", "Hama"));
    }
}
