namespace Oxen.Cli;

/// <summary>The command line's exit codes (also in <c>oxen --help</c>).</summary>
internal static class ExitCodes
{
    public const int Done = 0;
    public const int GenerationFailed = 1;
    public const int UsageOrValidation = 2;
    public const int ApiOrNetwork = 3;
}

/// <summary>A usage or validation problem found before anything was sent: exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
