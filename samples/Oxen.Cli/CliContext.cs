using Microsoft.Extensions.Logging;

namespace Oxen.Cli;

/// <summary>What a command runs with: where it writes, the environment it reads, and how it is stopped.</summary>
internal sealed record CliContext(
    TextWriter Output,
    TextWriter Error,
    Func<string, string?> Environment,
    ILoggerFactory Loggers,
    bool Interactive,
    CancellationToken CancellationToken);
