using EventExtractor.Extraction;

namespace EventExtractor.Tests.Extraction;

/// <summary>
/// The real extractor, loaded once for all tests that need it. It needs models/control-classifier.zip (from
/// `eventx train`, or $EVENTX_MODELS); where no model exists those tests are skipped, saying so.
/// </summary>
public static class ExtractorFixture
{
    private static readonly Lazy<ControlEventExtractor?> Instance = new(() =>
        ControlEventExtractor.FindDefaultModelPath() is null ? null : ControlEventExtractor.Load());

    public static ControlEventExtractor? Extractor => Instance.Value;

    public const string SkipReason = "no models/control-classifier.zip (run `eventx train` or set EVENTX_MODELS)";
}

/// <summary>A fact that needs the trained model: skipped where there is none.</summary>
public sealed class ModelFactAttribute : FactAttribute
{
    public ModelFactAttribute()
    {
        if (ControlEventExtractor.FindDefaultModelPath() is null) Skip = ExtractorFixture.SkipReason;
    }
}
