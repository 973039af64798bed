namespace EventExtractor.Tests;

/// <summary>Paths to data the tests read: the repository's own files, and ../shared beside it when present.</summary>
public static class TestData
{
    /// <summary>The repository root: the folder above the test binaries that holds EventExtractor.sln.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The seed article, as committed in corpus/news.</summary>
    public static string SeedArticlePath => Path.Combine(RepoRoot, "corpus", "news", "isis-left-clinging-to-scraps.txt");

    /// <summary>../shared beside the repository, or null where it is absent.</summary>
    public static string? SharedDir
    {
        get
        {
            var dir = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));
            return Directory.Exists(dir) ? dir : null;
        }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EventExtractor.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("EventExtractor.sln not found above " + AppContext.BaseDirectory);
    }
}
