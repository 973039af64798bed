using EventExtractor.Actors;
using EventExtractor.Places;
using EventExtractor.Text;

namespace EventExtractor.Classification;

/// <summary>Places from the GeoNames geoparser (with coordinates and qualifier flags), actors from the actor dictionary.</summary>
public sealed class GeoparserMentionFinder : IMentionFinder
{
    private readonly Geoparser _geoparser;
    private readonly ActorRecognizer _actors;

    public GeoparserMentionFinder(Geoparser geoparser, ActorRecognizer actors)
    {
        _geoparser = geoparser;
        _actors = actors;
    }

    public string Name => "geoparser+actor-dictionary";

    public MentionSet Find(Document doc)
    {
        // The actors go to the geoparser too (their countries help choose between homonyms), as in extraction.
        var actorMentions = _actors.Find(doc);
        var actors = actorMentions.Select(m => new ActorSpan(m.Span, m.Text, m.Actor?.Id, m.Actor?.Name)).ToList();
        var places = _geoparser.Parse(doc, actorMentions)
            .Select(p => new PlaceSpan(p.Span, p.Text, p.Entry?.Name, p.Entry?.Lat, p.Entry?.Lon, p.IsQualifier))
            .ToList();
        return new MentionSet(places, actors);
    }
}

/// <summary>The mention finder the CLI uses: the best recognizers this build has.</summary>
public static class MentionFinders
{
    /// <summary>The geoparser when the gazetteer is found (models/gazetteer.bin.gz), else the capitalised-sequence fallback.</summary>
    public static IMentionFinder CreateDefault(TextWriter? log = null)
    {
        var actors = new ActorRecognizer();
        if (Gazetteer.FindDefaultPath() is { } path)
        {
            log?.WriteLine($"mention finder: geoparser ({path}) + actor dictionary");
            return new GeoparserMentionFinder(new Geoparser(Gazetteer.Load(path)), actors);
        }
        log?.WriteLine("mention finder: actor dictionary + capitalised-sequence places (no gazetteer found)");
        return new HeuristicMentionFinder(actors);
    }
}
