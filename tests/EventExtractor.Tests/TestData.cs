namespace EventExtractor.Tests;

/// <summary>Paths to data the tests read: the repository's own files, and ../shared beside it when present.</summary>
public static class TestData
{
    /// <summary>The repository root: the folder above the test binaries that holds EventExtractor.sln.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The seed article, as committed in corpus/news.</summary>
    public static string SeedArticlePath => Path.Combine(RepoRoot, "corpus", "news", "isis-left-clinging-to-scraps.txt");

    /// <summary>
    /// The shared data folder: $EVENTX_SHARED, else a <c>shared</c> folder (with <c>seeds/</c>) beside the repository
    /// or beside any folder above it (a git worktree); null where there is none.
    /// </summary>
    public static string? SharedDir { get; } = FindSharedDir();

    private static string? FindSharedDir()
    {
        var env = Environment.GetEnvironmentVariable("EVENTX_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return env;
        for (var dir = new DirectoryInfo(RepoRoot).Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "seeds"))) return candidate;
        }
        return null;
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
