using Microsoft.Extensions.Logging.Abstractions;

namespace Oxen.Cli.Tests;

/// <summary>Runs the command line in-process with its own environment and captured output.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public string All => Output + Error;

    public static async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var context = new CliContext(output, error, name => environment.GetValueOrDefault(name), NullLoggerFactory.Instance, Interactive: false, timeout.Token);
        var exitCode = await OxenCli.RunAsync(args, context);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
