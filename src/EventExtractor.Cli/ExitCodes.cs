namespace EventExtractor.Cli;

/// <summary>Exit codes of the output contract.</summary>
public static class ExitCodes
{
    /// <summary>The job finished; bad records were reported on standard error and skipped.</summary>
    public const int Ok = 0;

    /// <summary>A failure that retrying may cure (I/O).</summary>
    public const int IoFailure = 1;

    /// <summary>A usage, model or configuration error that retrying won't fix.</summary>
    public const int UsageError = 2;

    /// <summary>
    /// Runs a command's work, reporting a missing or malformed input as a usage error (retrying won't help) and any
    /// other I/O failure as one that retrying may cure, each with one message naming the command.
    /// </summary>
    public static int Guard(string command, TextWriter errors, Func<int> work)
    {
        try
        {
            return work();
        }
        catch (Exception e) when (e is DirectoryNotFoundException or FileNotFoundException or InvalidDataException)
        {
            errors.WriteLine($"eventx {command}: {e.Message}");
            return UsageError;
        }
        catch (IOException e)
        {
            errors.WriteLine($"eventx {command}: {e.Message}");
            return IoFailure;
        }
    }
}
