namespace EventExtractor;

/// <summary>
/// Finds the files that training and the gazetteer build write to <c>models/</c>: in $EVENTX_MODELS, then beside
/// the program (the CLI and the tests copy <c>models/</c> into their output), then in <c>models/</c> of the
/// current directory or one of its parents (a checkout).
/// </summary>
public static class ModelFiles
{
    public const string EnvironmentVariable = "EVENTX_MODELS";

    /// <summary>The path of <paramref name="fileName"/> in the first place that has it, or null.</summary>
    public static string? Find(string fileName)
    {
        var env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(env) && File.Exists(Path.Combine(env, fileName))) return Path.Combine(env, fileName);
        var besideProgram = Path.Combine(AppContext.BaseDirectory, "models", fileName);
        if (File.Exists(besideProgram)) return besideProgram;
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var p = Path.Combine(dir.FullName, "models", fileName);
            if (File.Exists(p)) return p;
        }
        return null;
    }
}
