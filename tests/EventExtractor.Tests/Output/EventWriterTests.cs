using EventExtractor.Extraction;
using EventExtractor.Output;
using Newtonsoft.Json.Linq;

namespace EventExtractor.Tests.Output;

public sealed class EventWriterTests
{
    private static readonly ControlEvent AlbuKamal = new(
        DocumentId: "seed",
        Type: EventTypes.Captured,
        Actor: new EventActor("Syria's army", "Syrian army", "SYR-GOV-MIL", "SY", "state"),
        Counterpart: new EventActor("the Islamic State (ISIS)", "ISIS", "ISIS", null, "non-state"),
        Place: new EventPlace("Albu Kamal", "Albu Kamal", 174448, 34.45226, 40.91854, "SY", "Deir ez-Zor", "PPLA2"),
        Date: "2017-11-09",
        DatePrecision: "day",
        Confidence: 0.93,
        Evidence: [new Evidence(0, 0, 151, "Syria's army announced Thursday (November 9) the capture of ...")],
        Model: "control-classifier@test");

    private static readonly ControlEvent Unresolved = AlbuKamal with
    {
        Type = EventTypes.Controls,
        Place = new EventPlace("Tal \"Abyad\", east", "Tal \"Abyad\", east", null, null, null, null, null, null),
        Date = null,
        DatePrecision = null,
    };

    // A village the gazetteer lacks, which the text puts near a town it has.
    private static readonly ControlEvent NearTown = AlbuKamal with
    {
        Place = new EventPlace("Qarzoun", "Qarzoun", null, null, null, null, null, null,
            new EventPlace("Manbij", "Manbij", 167357, 36.52815, 37.95495, "SY", "Aleppo", "PPLA2")),
    };

    private static string WriteAll(OutputFormat format, params ControlEvent[] events)
    {
        var sw = new StringWriter();
        var writer = EventWriter.Create(format, sw);
        foreach (var e in events) writer.Write(e);
        writer.Complete();
        return sw.ToString();
    }

    [Fact]
    public void Jsonl_has_the_contract_fields_in_order()
    {
        var line = WriteAll(OutputFormat.Jsonl, AlbuKamal).TrimEnd('\n');
        var obj = JObject.Parse(line);
        Assert.Equal(
            ["schema", "id", "documentId", "type", "actor", "counterpart", "place", "date", "datePrecision", "confidence", "evidence", "predicate", "model"],
            obj.Properties().Select(p => p.Name));
        Assert.Equal("control-event/1", (string)obj["schema"]!);
        Assert.Equal(["text", "name", "geonameId", "lat", "lon", "country", "admin1", "featureCode", "near"], ((JObject)obj["place"]!).Properties().Select(p => p.Name));
        Assert.Equal(JTokenType.Null, obj["place"]!["near"]!.Type);
        Assert.Equal(34.45226, (double)obj["place"]!["lat"]!);
        Assert.Equal("captured(Syrian army, Albu Kamal, 2017-11-09)", (string)obj["predicate"]!);
        Assert.Equal(174448L, (long)obj["place"]!["geonameId"]!);
    }

    [Fact]
    public void The_id_is_stable_and_depends_on_what_the_event_is()
    {
        Assert.Equal(AlbuKamal.Id, (AlbuKamal with { Confidence = 0.5, Evidence = [] }).Id);
        Assert.NotEqual(AlbuKamal.Id, (AlbuKamal with { Date = "2017-11-10" }).Id);
        Assert.Matches("^[0-9a-f]{20}$", AlbuKamal.Id);
    }

    [Fact]
    public void A_place_the_gazetteer_lacks_carries_the_place_the_text_puts_it_near()
    {
        var near = new EventPlace("Manbij", "Manbij", 167357, 36.52815, 37.95495, "SY", "Aleppo", "PPLA2");
        var e = Unresolved with { Place = new EventPlace("Qarzoun", "Qarzoun", null, null, null, null, null, null, near) };
        var place = (JObject)JObject.Parse(WriteAll(OutputFormat.Jsonl, e))["place"]!;
        Assert.Equal(JTokenType.Null, place["lat"]!.Type);
        Assert.Equal("Manbij", (string)place["near"]!["name"]!);
        Assert.Equal(36.52815, (double)place["near"]!["lat"]!);
        Assert.Null(((JObject)place["near"]!)["near"]); // one level only
    }

    [Fact]
    public void Unresolved_places_have_null_coordinates_in_json()
    {
        var obj = JObject.Parse(WriteAll(OutputFormat.Jsonl, Unresolved));
        Assert.Equal(JTokenType.Null, obj["place"]!["lat"]!.Type);
        Assert.Equal(JTokenType.Null, obj["date"]!.Type);
        Assert.Equal("controls(Syrian army, Tal \"Abyad\", east, unknown)", (string)obj["predicate"]!);
    }

    [Fact]
    public void Json_is_one_array_also_when_empty()
    {
        Assert.Equal(2, JArray.Parse(WriteAll(OutputFormat.Json, AlbuKamal, Unresolved)).Count);
        Assert.Empty(JArray.Parse(WriteAll(OutputFormat.Json)));
    }

    [Fact]
    public void Csv_quotes_fields_with_commas_and_quotes()
    {
        var lines = WriteAll(OutputFormat.Csv, AlbuKamal, Unresolved).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("event_date,type,actor1,actor2,location,latitude,longitude,geonames_id,country,admin1,confidence,notes,document_id", lines[0]);
        Assert.StartsWith("2017-11-09,captured,Syrian army,ISIS,Albu Kamal,34.45226,40.91854,174448,SY,Deir ez-Zor,0.93,", lines[1]);
        Assert.Contains(",Syria's army announced Thursday (November 9) the capture of ...,seed,day,", lines[1]);
        Assert.StartsWith(",controls,Syrian army,ISIS,\"Tal \"\"Abyad\"\", east\",,,,,,0.93,", lines[2]);
    }

    [Fact]
    public void Csv_maps_a_village_the_gazetteer_lacks_at_its_near_town_with_geo_precision_2()
    {
        var lines = WriteAll(OutputFormat.Csv, AlbuKamal, NearTown, Unresolved).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(",date_precision,event_id,geo_precision,near_location", lines[0]);
        Assert.EndsWith(",1,", lines[1]);
        // The village stays the location, with no GeoNames id of its own; the point, country and province are the town's.
        Assert.StartsWith("2017-11-09,captured,Syrian army,ISIS,Qarzoun,36.52815,37.95495,,SY,Aleppo,0.93,", lines[2]);
        Assert.EndsWith(",2,Manbij", lines[2]);
        Assert.EndsWith(",,", lines[3]);
    }

    [Fact]
    public void Geojson_maps_a_village_the_gazetteer_lacks_at_its_near_town()
    {
        var fc = JObject.Parse(WriteAll(OutputFormat.Geojson, AlbuKamal, NearTown));
        var features = (JArray)fc["features"]!;
        Assert.Equal(2, features.Count);
        Assert.Equal(1, (int)features[0]["properties"]!["geoPrecision"]!);
        Assert.Equal(JTokenType.Null, features[0]["properties"]!["near"]!.Type);
        Assert.Equal([37.95495, 36.52815], features[1]["geometry"]!["coordinates"]!.Select(c => (double)c));
        Assert.Equal(2, (int)features[1]["properties"]!["geoPrecision"]!);
        Assert.Equal("Qarzoun", (string)features[1]["properties"]!["place"]!);
        Assert.Equal("Manbij", (string)features[1]["properties"]!["near"]!);
    }

    [Fact]
    public void Geojson_is_a_feature_collection_of_resolved_events_and_counts_the_rest()
    {
        var sw = new StringWriter();
        var writer = EventWriter.Create(OutputFormat.Geojson, sw);
        writer.Write(AlbuKamal);
        writer.Write(Unresolved);
        writer.Complete();

        var fc = JObject.Parse(sw.ToString());
        Assert.Equal("FeatureCollection", (string)fc["type"]!);
        var feature = Assert.Single((JArray)fc["features"]!);
        Assert.Equal([40.91854, 34.45226], feature["geometry"]!["coordinates"]!.Select(c => (double)c));
        Assert.Equal(1, writer.LeftOut);
        Assert.Empty((JArray)JObject.Parse(WriteAll(OutputFormat.Geojson))["features"]!);
    }

    [Fact]
    public void Predicates_are_one_a_line()
    {
        Assert.Equal("captured(Syrian army, Albu Kamal, 2017-11-09)\n", WriteAll(OutputFormat.Predicates, AlbuKamal));
    }

    [Theory]
    [InlineData("jsonl", OutputFormat.Jsonl)]
    [InlineData("GeoJSON", OutputFormat.Geojson)]
    [InlineData("predicates", OutputFormat.Predicates)]
    public void Formats_parse_by_name(string name, OutputFormat expected)
    {
        Assert.True(OutputFormats.TryParse(name, out var format));
        Assert.Equal(expected, format);
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("7")]
    [InlineData("")]
    public void Unknown_formats_are_refused(string name) => Assert.False(OutputFormats.TryParse(name, out _));
}
