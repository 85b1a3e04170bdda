using Microsoft.Extensions.Logging;

namespace Oxen.Cli;

/// <summary>What a command runs with: where it writes, the environment it reads, and how it is stopped.</summary>
/// <param name="Output">Standard output as text.</param>
/// <param name="Error">Standard error.</param>
/// <param name="Environment">Reads an environment variable.</param>
/// <param name="Loggers">Loggers for the client.</param>
/// <param name="Interactive">Standard output is a terminal and <c>NO_COLOR</c> is not set: colours and live redraw.</param>
/// <param name="CancellationToken">Ctrl+C.</param>
internal sealed record CliContext(
    TextWriter Output,
    TextWriter Error,
    Func<string, string?> Environment,
    ILoggerFactory Loggers,
    bool Interactive,
    CancellationToken CancellationToken)
{
    /// <summary>Standard output as bytes, for <c>--out -</c>.</summary>
    public Func<Stream> OpenStandardOutput { get; init; } = Console.OpenStandardOutput;

    /// <summary>Standard input as bytes, for a media option given as <c>-</c>.</summary>
    public Func<Stream> OpenStandardInput { get; init; } = Console.OpenStandardInput;

    /// <summary>The folder relative media paths are read from.</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>The clock of <c>--timeout</c>.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
