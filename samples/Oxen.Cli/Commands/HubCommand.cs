using System.CommandLine;
using Oxen.Video.Testing;

namespace Oxen.Cli.Commands;

/// <summary><c>oxen hub serve [--port N] [--state DIR]</c>: the hub emulator as its own process, until Ctrl+C.</summary>
internal static class HubCommand
{
    public static Command Create(CliContext context)
    {
        var port = new Option<int?>("--port", "-p") { Description = "The API port on 127.0.0.1 (default: a free port). Result files use a second, free port.", HelpName = "N" };
        port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1 or > 65535)
            {
                result.AddError("--port must be from 1 to 65535.");
            }
        });
        var state = new Option<string>("--state")
        {
            Description = "A folder that keeps the generations across restarts, so 'oxen generations wait <id>' works after the emulator restarts.",
            HelpName = "folder",
        };
        var serve = new Command("serve", "Run the hub emulator (the built-in catalog) until Ctrl+C; point OXEN_BASE_URL at it.") { port, state };
        serve.SetAction((parse, _) => ServeAsync(context, parse.GetValue(port), parse.GetValue(state)));
        return new Command("hub", "The local hub emulator.") { serve };
    }

    private static async Task<int> ServeAsync(CliContext context, int? port, string? state)
    {
        if (state is not null && string.IsNullOrWhiteSpace(state))
        {
            throw new UsageException("--state is empty; give a folder.");
        }

        var options = HubSession.EmulatorOptions();
        options.Port = port;
        options.StateDirectory = state is null ? null : Path.GetFullPath(state);
        var hub = await OxenHubEmulator.StartAsync(options, context.CancellationToken).ConfigureAwait(false);
        await using (hub.ConfigureAwait(false))
        {
            await context.Output.WriteLineAsync($"Hub emulator listening on {hub.BaseAddress} ({hub.ModelIds.Count} models"
                + (options.StateDirectory is { } folder ? $"; generations kept in {folder}" : "; generations kept in memory only") + ").").ConfigureAwait(false);
            await context.Output.WriteLineAsync($"Use it with: export OXEN_BASE_URL={hub.BaseAddress}   (Ctrl+C stops it)").ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, context.CancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: stop cleanly, which saves the state.
            }
        }

        await context.Output.WriteLineAsync("Hub emulator stopped.").ConfigureAwait(false);
        return ExitCodes.Done;
    }
}
