using EventExtractor.Places;

namespace EventExtractor.Tests.Places;

/// <summary>The committed gazetteer (models/gazetteer.bin.gz), loaded once for all place tests, and where ../shared is.</summary>
public sealed class PlacesFixture
{
    public PlacesFixture()
    {
        Gazetteer = Gazetteer.LoadDefault();
        Parser = new Geoparser(Gazetteer);
    }

    public Gazetteer Gazetteer { get; }

    public Geoparser Parser { get; }

    /// <summary>The shared data folder (<see cref="TestData.SharedDir"/>); the place gold tests need it.</summary>
    public static string Shared => TestData.SharedDir
        ?? throw new InvalidOperationException("../shared (with seeds/ and data/) not found beside the repository: the place gold tests need it.");

    public static string SeedText => File.ReadAllText(Path.Combine(Shared, "seeds", "isis-left-clinging-to-scraps.txt"));
}

[CollectionDefinition("Places")]
public sealed class PlacesCollection : ICollectionFixture<PlacesFixture>;
