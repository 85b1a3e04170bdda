namespace Oxen.Cli.Commands;

/// <summary><c>oxen generations status|wait|cancel &lt;id&gt; [--out file.mp4]</c>: work with a saved generation id.</summary>
internal static class GenerationsCommand
{
    public static async Task<int> RunAsync(CliArguments args, CliContext context)
    {
        var verb = args.Words.ElementAtOrDefault(1);
        var id = args.Words.ElementAtOrDefault(2);
        if (verb is not ("status" or "wait" or "cancel") || string.IsNullOrWhiteSpace(id))
        {
            throw new UsageException("Usage: oxen generations status|wait|cancel <generation-id> [--out file.mp4]");
        }

        var output = args.Take("out");
        await using var session = await HubSession.OpenAsync(context.Environment, context.Output, context.Loggers, context.CancellationToken).ConfigureAwait(false);
        var operation = session.Client.GetOperation(id);
        switch (verb)
        {
            case "status":
                var generation = await operation.UpdateStatusAsync(context.CancellationToken).ConfigureAwait(false);
                await context.Output.WriteLineAsync($"{generation.GenerationId}: {generation.StatusText ?? generation.Status.ToString()}" + (generation.ErrorMessage is { } error ? $" ({error})" : "") + (generation.ResultUrl is { } url ? $" {url.GetLeftPart(UriPartial.Path)}" : "")).ConfigureAwait(false);
                return ExitCodes.Done;
            case "cancel":
                await operation.CancelAsync(context.CancellationToken).ConfigureAwait(false);
                await context.Output.WriteLineAsync($"Asked the hub to cancel {id}.").ConfigureAwait(false);
                return ExitCodes.Done;
            default:
                var progress = new ProgressPrinter(context.Output, context.Interactive);
                var video = await operation.WaitForCompletionAsync(progress, context.CancellationToken).ConfigureAwait(false);
                progress.Finish();
                var path = output ?? $"{id}.mp4";
                await video.SaveAsync(path, context.CancellationToken).ConfigureAwait(false);
                await context.Output.WriteLineAsync($"Saved {Path.GetFullPath(path)}").ConfigureAwait(false);
                return ExitCodes.Done;
        }
    }
}
