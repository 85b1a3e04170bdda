using Oxen.Video;
using Oxen.Video.Models;

namespace Oxen.Cli.Commands;

/// <summary><c>oxen generate --model &lt;id&gt; [--&lt;param&gt; value ...] [--mode sync|queue|sse] [--out file.mp4]</c></summary>
internal static class GenerateCommand
{
    public static async Task<int> RunAsync(CliArguments args, CliContext context)
    {
        var modelId = args.Take("model") ?? throw new UsageException("generate needs --model <id> (see: oxen models list).");
        var model = OxenModels.Find(modelId) ?? throw new UsageException($"Unknown model '{modelId}' (see: oxen models list).");
        var mode = ParseMode(args.Take("mode"));
        var output = args.Take("out") ?? $"{model.Id}-{DateTime.UtcNow:yyyyMMdd-HHmmss}.mp4";

        // Everything is checked before the hub is even contacted: nothing is sent for a bad value.
        var request = RequestBuilder.Build(model, args.Remaining);

        await using var session = await HubSession.OpenAsync(context.Environment, context.Output, context.Loggers, context.CancellationToken).ConfigureAwait(false);
        await context.Output.WriteLineAsync($"Generating with {model.DisplayName} ({model.Id}), mode {mode.ToString().ToLowerInvariant()}…").ConfigureAwait(false);
        var progress = new ProgressPrinter(context.Output, context.Interactive);
        var video = await session.Client.GenerateVideoAsync(request, mode, progress, context.CancellationToken).ConfigureAwait(false);
        progress.Finish();
        await video.SaveAsync(output, context.CancellationToken).ConfigureAwait(false);
        await context.Output.WriteLineAsync($"Saved {Path.GetFullPath(output)}").ConfigureAwait(false);
        return ExitCodes.Done;
    }

    private static OxenGenerationMode ParseMode(string? mode) => mode?.ToLowerInvariant() switch
    {
        null or "queue" => OxenGenerationMode.Queue,
        "sync" => OxenGenerationMode.Sync,
        "sse" => OxenGenerationMode.Sse,
        _ => throw new UsageException($"--mode {mode} is not a mode; allowed: sync, queue, sse."),
    };
}
