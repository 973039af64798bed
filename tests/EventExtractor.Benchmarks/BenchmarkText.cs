using System.Text;

namespace EventExtractor.Benchmarks;

/// <summary>
/// Real article text for the benchmarks: the Wikipedia articles in shared/ ($EVENTX_SHARED, or a <c>shared</c>
/// folder beside the repository or any folder above it) when present, else the repository's own news text.
/// </summary>
public static class BenchmarkText
{
    private static readonly Lazy<string[]> LazyArticles = new(LoadArticles);

    /// <summary>One text a file, in ordinal path order.</summary>
    public static string[] Articles => LazyArticles.Value;

    /// <summary>The UTF-8 size of <see cref="Articles"/>, for MB/s.</summary>
    public static long ArticlesUtf8Bytes => Articles.Sum(t => (long)Encoding.UTF8.GetByteCount(t));

    /// <summary>The number of sentences in <see cref="Articles"/> (as the project's tokenizer splits them), for sentences/s.</summary>
    public static long ArticlesSentences => LazySentences.Value;

    private static readonly Lazy<long> LazySentences = new(() => Articles.Sum(t => (long)EventExtractor.Text.Document.Create("s", t).Sentences.Length));

    /// <summary>The articles joined by blank lines and repeated up to at least <paramref name="minChars"/> characters.</summary>
    public static string Load(int minChars)
    {
        var sb = new StringBuilder(minChars + 200_000);
        while (sb.Length < minChars)
        {
            foreach (var s in Articles)
            {
                sb.Append(s).Append("\n\n");
                if (sb.Length >= minChars) break;
            }
        }
        return sb.ToString();
    }

    private static string[] LoadArticles()
    {
        var root = FindRepoRoot();
        if (FindShared(root) is { } shared)
        {
            var wiki = Path.Combine(shared, "data", "wikipedia", "syria-iraq");
            var files = Directory.Exists(wiki) ? Directory.GetFiles(wiki, "*.md").Order(StringComparer.Ordinal).ToArray() : [];
            if (files.Length > 0) return [.. files.Select(File.ReadAllText)];
        }
        // Without shared/, the repository's news text, repeated so that a run still measures megabytes.
        var own = Directory.GetFiles(Path.Combine(root, "corpus"), "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        if (own.Length == 0) throw new InvalidOperationException("no article text found under shared/ or corpus/");
        return [.. Enumerable.Repeat(own.Select(File.ReadAllText), 500).SelectMany(t => t)];
    }

    private static string? FindShared(string repoRoot)
    {
        if (Environment.GetEnvironmentVariable("EVENTX_SHARED") is { Length: > 0 } env && Directory.Exists(env)) return env;
        for (var dir = new DirectoryInfo(repoRoot).Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "data"))) return candidate;
        }
        return null;
    }

    public static string FindRepoRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "EventExtractor.sln"))) return dir.FullName;
            }
        }
        throw new InvalidOperationException("EventExtractor.sln not found");
    }
}
