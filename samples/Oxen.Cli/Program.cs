using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Oxen.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C stops waiting; the generation goes on at the hub and its id was printed.
    e.Cancel = true;
    cancellation.Cancel();
};

// SIGTERM (docker stop, systemd, kill) ends 'oxen hub serve' cleanly too, saving its state. Without this the
// emulator's web host takes the signal and the process keeps running.
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
{
    signal.Cancel = true;
    cancellation.Cancel();
});

using var loggers = new LazyLoggerFactory(() => LoggerFactory.Create(builder => builder
    .AddSimpleConsole(o => o.SingleLine = true)
    .SetMinimumLevel(Environment.GetEnvironmentVariable("OXEN_LOG_LEVEL") is { } level && Enum.TryParse<LogLevel>(level, true, out var parsed) ? parsed : LogLevel.Warning)));

// Colours and live redraw only on a terminal, and never with NO_COLOR (https://no-color.org).
var interactive = !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
var context = new CliContext(Console.Out, Console.Error, Environment.GetEnvironmentVariable, loggers, interactive, cancellation.Token);
return await OxenCli.RunAsync(args, context);
