namespace Oxen.Cli;

/// <summary>The command line's exit codes (also in <c>oxen --help</c> and the README).</summary>
internal static class ExitCodes
{
    public const int Done = 0;
    public const int GenerationFailed = 1;
    public const int UsageOrValidation = 2;
    public const int ApiOrNetwork = 3;

    /// <summary><c>schemas diff</c> found a breaking change, or <c>schemas check</c> found a problem.</summary>
    public const int SchemaFindings = 4;

    /// <summary>
    /// <c>schemas diff</c> found behavior (a default) or additive changes and none breaking: code still compiles and
    /// valid requests stay valid, but the cached files are out of date (cosmetic changes alone exit 0).
    /// </summary>
    public const int SchemaChanges = 5;

    /// <summary>Ctrl+C: stopped waiting (the generation goes on at the hub).</summary>
    public const int Interrupted = 130;

    public const string Summary = "Exit codes: 0 done, 1 generation failed, "
        + "2 usage or validation error (nothing was sent), "
        + "3 API or network error (or --timeout), 4 schemas diff/check findings (diff: a breaking change), "
        + "5 schemas diff behavior (default) or additive changes only, 130 interrupted (Ctrl+C).";
}

/// <summary>A usage or validation problem found before anything was sent: exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
