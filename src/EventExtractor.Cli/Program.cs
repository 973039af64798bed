using System.CommandLine;
using EventExtractor.Cli.Commands;

namespace EventExtractor.Cli;

/// <summary>The <c>eventx</c> command line: a thin layer over the EventExtractor library.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("EventExtractor: territorial control events (captured, withdrew, controls, contested) from news text.");
        root.Subcommands.Add(TokenizeCommand.Create());
        root.Subcommands.Add(GazetteerCommand.Create());
        root.Subcommands.Add(GeoparseCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(EvaluateCommand.Create());
        return root.Parse(args).Invoke();
    }
}
