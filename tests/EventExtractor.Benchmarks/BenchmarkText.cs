using System.Text;

namespace EventExtractor.Benchmarks;

/// <summary>
/// Real article text for the benchmarks: the Wikipedia articles in ../shared when present, else the
/// repository's own corpus text, repeated up to the size asked for.
/// </summary>
public static class BenchmarkText
{
    public static string Load(int minChars)
    {
        var sources = new List<string>();
        var root = FindRepoRoot();
        var wiki = Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "wikipedia", "syria-iraq"));
        if (Directory.Exists(wiki))
        {
            foreach (var f in Directory.GetFiles(wiki, "*.md").Order(StringComparer.Ordinal)) sources.Add(File.ReadAllText(f));
        }
        if (sources.Count == 0)
        {
            foreach (var f in Directory.GetFiles(Path.Combine(root, "corpus"), "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                sources.Add(File.ReadAllText(f));
        }
        if (sources.Count == 0) throw new InvalidOperationException("no article text found under ../shared or corpus/");
        var sb = new StringBuilder(minChars + 200_000);
        while (sb.Length < minChars)
        {
            foreach (var s in sources)
            {
                sb.Append(s).Append("\n\n");
                if (sb.Length >= minChars) break;
            }
        }
        return sb.ToString();
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
