using System.CommandLine;
using Oxen.Cli.Cli;
using Oxen.Cli.Output;

namespace Oxen.Cli.Commands;

/// <summary><c>oxen generations status|wait|cancel &lt;id&gt;</c>: work with a saved generation id.</summary>
internal static class GenerationsCommand
{
    public static Command Create(CliContext context)
    {
        var status = new Command("status", "Print a generation's status (and its result URL once done).") { Id() };
        status.SetAction((parse, _) => StatusAsync(context, parse.GetValue<string>("id")!));

        var output = CommonOptions.Out("<id>.mp4");
        var timeout = CommonOptions.Timeout();
        var wait = new Command("wait", "Wait for a generation and save its video.") { Id(), output, timeout };
        wait.SetAction((parse, _) => WaitAsync(context, parse.GetValue<string>("id")!, parse.GetValue(output), parse.GetValue(timeout)));

        var cancel = new Command("cancel", "Ask the hub to cancel a queued or running generation.") { Id() };
        cancel.SetAction((parse, _) => CancelAsync(context, parse.GetValue<string>("id")!));

        return new Command("generations", "Work with a generation id (printed by 'oxen generate').") { status, wait, cancel };
    }

    private static Argument<string> Id() => new("id") { Description = "The generation id." };

    /// <summary>The operation of <paramref name="id"/>; an id that cannot be one is exit 2, before any request.</summary>
    private static Oxen.Video.OxenGenerationOperation Operation(HubSession session, string id)
    {
        try
        {
            return session.Client.GetOperation(id);
        }
        catch (ArgumentException ex)
        {
            // The library names its parameter; on the command line the argument is the id.
            var message = ex.ParamName is null ? ex.Message : ex.Message.Replace($" (Parameter '{ex.ParamName}')", "", StringComparison.Ordinal);
            throw new UsageException($"The generation id {Oxen.Video.Validation.OxenValidator.FormatString(id)} cannot be one: {message}");
        }
    }

    private static async Task<int> StatusAsync(CliContext context, string id)
    {
        await using var session = await HubSession.OpenAsync(context.Environment, context.Output, context.Loggers, context.CancellationToken).ConfigureAwait(false);
        var generation = await Operation(session, id).UpdateStatusAsync(context.CancellationToken).ConfigureAwait(false);
        await context.Output.WriteLineAsync($"{generation.GenerationId}: {generation.StatusText ?? generation.Status.ToString()}"
            + (generation.ErrorMessage is { } error ? $" ({error})" : "")
            + (generation.ResultUrl is { } url ? $" {url.GetLeftPart(UriPartial.Path)}" : "")).ConfigureAwait(false);
        return ExitCodes.Done;
    }

    private static async Task<int> CancelAsync(CliContext context, string id)
    {
        await using var session = await HubSession.OpenAsync(context.Environment, context.Output, context.Loggers, context.CancellationToken).ConfigureAwait(false);
        var operation = Operation(session, id);
        var current = await operation.UpdateStatusAsync(context.CancellationToken).ConfigureAwait(false);
        if (current.HasCompleted)
        {
            // Asking anyway would print a success for a cancel that did nothing.
            var status = current.StatusText ?? current.Status.ToString().ToLowerInvariant();
            await context.Output.WriteLineAsync($"Generation {id} has already finished ({status}): there was nothing to cancel.").ConfigureAwait(false);
            return ExitCodes.Done;
        }

        await operation.CancelAsync(context.CancellationToken).ConfigureAwait(false);
        await context.Output.WriteLineAsync($"Asked the hub to cancel {id}.").ConfigureAwait(false);
        return ExitCodes.Done;
    }

    private static async Task<int> WaitAsync(CliContext context, string id, string? output, TimeSpan? timeout)
    {
        var target = OutputTarget.Check(output, $"{id}.mp4");
        var status = target.IsStandardOutput ? context.Error : context.Output;
        await using var session = await HubSession.OpenAsync(context.Environment, status, context.Loggers, context.CancellationToken).ConfigureAwait(false);
        var progress = new ProgressView(status, context.Interactive && !target.IsStandardOutput, session.IdLifetimeNote);
        using var limit = timeout is { } t ? new CancellationTokenSource(t, context.Time) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, limit.Token);
        try
        {
            var video = await progress.RunAsync(p => Operation(session, id).WaitForCompletionAsync(p, linked.Token)).ConfigureAwait(false);
            await target.WriteAsync(video, context.OpenStandardOutput, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
            throw GenerateCommand.TimedOut(timeout!.Value, id, session.IdLifetimeNote);
        }

        await status.WriteLineAsync(target.Path is null ? "Wrote the video to standard output." : $"Saved {target.Path}").ConfigureAwait(false);
        return ExitCodes.Done;
    }
}
