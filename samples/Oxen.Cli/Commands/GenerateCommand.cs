using System.CommandLine;
using System.Globalization;
using Oxen.Cli.Cli;
using Oxen.Cli.Output;
using Oxen.Video;
using Oxen.Video.Models;

namespace Oxen.Cli.Commands;

/// <summary><c>oxen generate --model &lt;id&gt; [--&lt;param&gt; value ...] [--mode sync|queue|sse] [--out file.mp4]</c></summary>
internal static class GenerateCommand
{
    /// <summary>The names of generate's own options: a model parameter so named becomes <c>--param-&lt;name&gt;</c>.</summary>
    public static readonly IReadOnlySet<string> FixedOptionNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "--model", "-m", "--mode", "--out", "-o", "--timeout", "--max-cost", "--allow-unknown-cost", "--schemas", "--media-repo", "--help", "-h", "-?", "--version",
    };

    public static Command Create(CliContext context, OxenModelInfo? model)
    {
        var modelOption = new Option<string>("--model", "-m")
        {
            Description = "The model id (required; see 'oxen models list'). Matched case-insensitively. Its parameters become options: 'oxen generate --model <id> --help' lists them.",
            HelpName = "id",
        };
        modelOption.CompletionSources.Add(_ => CommandTree.ModelIds().Select(id => new System.CommandLine.Completions.CompletionItem(id)));
        var mode = new Option<string>("--mode")
        {
            Description = "How to wait: queue (default; the id is printed at once), sse (events), or sync (one blocking call).",
            HelpName = "queue|sse|sync",
        };
        mode.AcceptOnlyFromAmong("queue", "sse", "sync");
        var output = CommonOptions.Out("<model>-<time>.mp4");
        var timeout = CommonOptions.Timeout();
        var maxCost = new Option<decimal?>("--max-cost")
        {
            Description = "Refuse (exit 2, nothing sent) when the estimated cost in USD is above this, or unknown (unless --allow-unknown-cost).",
            HelpName = "usd",
        };
        var allowUnknownCost = new Option<bool>("--allow-unknown-cost") { Description = "With --max-cost: send even when the price is unknown." };
        var schemas = new Option<string>("--schemas")
        {
            Description = "A folder of <id>.json schemas, for a model oxen was not built with (else such a model's schema comes from the hub).",
            HelpName = "folder",
        };
        var mediaRepository = MediaRepositoryOption();
        var command = new Command("generate", model is null
            ? "Generate a video. Add --model <id> to --help to list that model's parameters."
            : $"Generate a video with {model.DisplayName} ({model.Id}). Its parameters are the options after --schemas.")
        {
            modelOption, mode, output, timeout, maxCost, allowUnknownCost, schemas, mediaRepository,
        };
        System.Diagnostics.Debug.Assert(command.Options.SelectMany(o => o.Aliases.Append(o.Name)).All(FixedOptionNames.Contains), "FixedOptionNames lists every option of generate.");
        var parameters = model is null ? null : ModelOptions.Create(model, FixedOptionNames);
        foreach (var parameter in parameters?.Options ?? [])
        {
            command.Options.Add(parameter.Option);
        }

        CommandTree.AddFooter(command, model is null
            ? "Model parameters: 'oxen generate --model <id> --help'. Exit codes: 0 done, 1 generation failed, 2 usage (nothing sent), 3 API/network or --timeout."
            : $"Parameters are checked before anything is sent (exit 2). Exit codes: 0 done, 1 generation failed, 2 usage (nothing sent), 3 API/network or --timeout.");

        command.SetAction((parse, _) => RunAsync(context, new GenerateLine(
            parameters ?? throw new UsageException("--model is required (see: oxen models list)."),
            parse.GetValue(mode),
            parse.GetValue(output),
            parse.GetValue(timeout),
            parse.GetValue(maxCost),
            parse.GetValue(allowUnknownCost),
            parse.GetValue(mediaRepository),
            parameters.Given(parse).ToList())));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, GenerateLine line)
    {
        var model = line.Parameters.Model;
        var mode = line.Mode switch
        {
            "sync" => OxenGenerationMode.Sync,
            "sse" => OxenGenerationMode.Sse,
            _ => OxenGenerationMode.Queue,
        };

        // Everything is checked before the hub is even contacted: nothing is sent for a bad value or target.
        using var media = new MediaArguments(context);
        var request = RequestBuilder.Build(line.Parameters, line.Given, media);
        var repository = HubSession.MediaRepository(line.MediaRepository ?? context.Environment(OxenClientOptions.MediaRepositoryEnvironmentVariable));
        var target = OutputTarget.Check(line.Out, $"{model.Id}-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.mp4");
        var status = target.IsStandardOutput ? context.Error : context.Output;
        await CostGuard.CheckAsync(model, request, line.MaxCost, line.AllowUnknownCost, status).ConfigureAwait(false);

        await using var session = await HubSession.OpenAsync(context.Environment, status, context.Loggers, context.CancellationToken, repository).ConfigureAwait(false);
        await status.WriteLineAsync($"Generating with {model.DisplayName} ({model.Id}), mode {mode.ToString().ToLowerInvariant()}…").ConfigureAwait(false);
        var progress = new ProgressView(status, context.Interactive && !target.IsStandardOutput, session.IdLifetimeNote);
        using var wait = line.Timeout is { } limit ? new CancellationTokenSource(limit, context.Time) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, wait.Token);
        decimal? charged;
        string? generationId;
        try
        {
            var video = await progress.RunAsync(p => session.Client.GenerateVideoAsync(request, mode, p, linked.Token)).ConfigureAwait(false);
            await target.WriteAsync(video, context.OpenStandardOutput, linked.Token).ConfigureAwait(false);
            charged = video.ChargedCostUsd;
            generationId = video.GenerationId ?? progress.GenerationId;
        }
        catch (OperationCanceledException) when (wait.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
            throw TimedOut(line.Timeout!.Value, progress.GenerationId, session.IdLifetimeNote);
        }

        await status.WriteLineAsync(target.Path is null ? "Wrote the video to standard output." : $"Saved {target.Path}").ConfigureAwait(false);
        if (charged is { } usd)
        {
            await status.WriteLineAsync($"Charged: {CostGuard.Usd(usd)}.").ConfigureAwait(false);
        }
        else if (mode == OxenGenerationMode.Sync && generationId is null)
        {
            // Silence here would read as "free": the synchronous answer ({model, created, videos}) carries neither.
            await status.WriteLineAsync("The hub's synchronous answer names no generation id and no charged cost; "
                + "--mode queue (the default) shows both.").ConfigureAwait(false);
        }

        return ExitCodes.Done;
    }

    /// <summary><c>--media-repo</c>, shared by generate and batch.</summary>
    internal static Option<string> MediaRepositoryOption() => new("--media-repo")
    {
        Description = "An Oxen repository (NAMESPACE/NAME) to upload local media larger than 4 MiB to (created when missing; "
            + "the model's provider reads from it, so make it public knowingly). Default: OXEN_MEDIA_REPO.",
        HelpName = "namespace/repo",
    };

    internal static WaitTimedOutException TimedOut(TimeSpan limit, string? id, string? idLifetimeNote) => new(id is null
        ? $"--timeout {Durations.Format(limit)} ran out before the hub gave an id."
        : $"--timeout {Durations.Format(limit)} ran out; generation {id} goes on at the hub. {idLifetimeNote ?? $"Resume with: oxen generations wait {id}"}");

    private sealed record GenerateLine(
        ModelOptions Parameters,
        string? Mode,
        string? Out,
        TimeSpan? Timeout,
        decimal? MaxCost,
        bool AllowUnknownCost,
        string? MediaRepository,
        IReadOnlyList<GivenParameter> Given);
}
