using EventExtractor.Actors;

namespace EventExtractor.Classification;

/// <summary>The mention finder the CLI uses: the best recognizers this build has.</summary>
public static class MentionFinders
{
    public static IMentionFinder CreateDefault(TextWriter? log = null)
    {
        log?.WriteLine("mention finder: actor dictionary + capitalised-sequence places (no geoparser in this build)");
        return new HeuristicMentionFinder(new ActorRecognizer());
    }
}
