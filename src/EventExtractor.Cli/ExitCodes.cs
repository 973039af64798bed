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
}
