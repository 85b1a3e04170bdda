using System.CommandLine;
using Microsoft.Extensions.Logging;
using Oxen.Cli.Cli;
using Oxen.Cli.Output;
using Oxen.Video;
using Oxen.Video.Batch;
using Oxen.Video.Models;

namespace Oxen.Cli.Commands;

/// <summary>
/// <c>oxen batch run jobs.jsonl --out DIR</c> and <c>oxen batch report DIR...</c>: many generations from one file,
/// checked whole before anything is sent, journaled so a re-run resumes without billing a line twice.
/// </summary>
internal static class BatchCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "The JSON Lines file: one {\"model\": ..., ...parameters, \"key\": \"optional\"} a line." };
        var output = new Option<string>("--out", "-o") { Description = "The folder for the videos, the journal, results.jsonl and report.html.", HelpName = "folder", Required = true };
        var concurrency = new Option<int>("--concurrency") { Description = "Generations in flight at once.", DefaultValueFactory = _ => 4, HelpName = "N" };
        concurrency.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 256)
            {
                r.AddError("--concurrency must be from 1 to 256.");
            }
        });
        var mode = new Option<string>("--mode") { Description = "sse (one event stream for the batch) or queue (polling).", DefaultValueFactory = _ => "sse", HelpName = "sse|queue" };
        mode.AcceptOnlyFromAmong("sse", "queue");
        var maxCost = new Option<decimal?>("--max-cost") { Description = "Refuse the whole batch (nothing sent) when its estimate is above this many USD, or unknown.", HelpName = "usd" };
        maxCost.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<decimal?>() is < 0)
            {
                r.AddError("--max-cost must be zero or more.");
            }
        });
        var retryFailed = new Option<int>("--retry-failed") { Description = "Retry failed lines that may succeed this many times (never 'Insufficient credits' or a refused parameter).", DefaultValueFactory = _ => 0, HelpName = "N" };
        retryFailed.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 0)
            {
                r.AddError("--retry-failed must be zero or more.");
            }
        });
        var shard = new Option<string>("--shard") { Description = "Run only shard i of n (e.g. 2/3): n machines run one file, each into its own folder.", HelpName = "i/n" };
        var schemas = new Option<string>("--schemas") { Description = "A folder of <id>.json schema files for models oxen was not built with.", HelpName = "folder" };
        var mediaRepository = GenerateCommand.MediaRepositoryOption();
        var run = new Command("run", "Run (or resume) a batch: every line is checked first; run the same command again to resume. "
            + "A media field may hold a path, relative to the file's folder.")
        {
            file, output, concurrency, mode, maxCost, retryFailed, shard, schemas, mediaRepository,
        };
        run.SetAction((parse, _) => RunAsync(context, new RunLine(
            parse.GetValue(file)!, parse.GetValue(output)!, parse.GetValue(concurrency), parse.GetValue(mode)!, parse.GetValue(maxCost),
            parse.GetValue(retryFailed), parse.GetValue(shard), parse.GetValue(schemas), parse.GetValue(mediaRepository))));

        var folders = new Argument<string[]>("folders") { Description = "The output folders of the runs (one per shard).", Arity = ArgumentArity.OneOrMore };
        var reportOut = new Option<string>("--out", "-o") { Description = "Where the merged results.jsonl and report.html go.", HelpName = "folder", Required = true };
        var report = new Command("report", "Merge the journals of several runs (shards) into one results.jsonl and one report.html.") { folders, reportOut };
        report.SetAction(parse => Report(context, parse.GetValue(folders)!, parse.GetValue(reportOut)!));
        return new Command("batch", "Many generations from one JSON Lines file, crash-safe and never billed twice.") { run, report };
    }

    private static async Task<int> RunAsync(CliContext context, RunLine line)
    {
        var shard = ParseShard(line.Shard);
        if (string.IsNullOrWhiteSpace(line.Out))
        {
            throw new UsageException("--out is empty; give a folder.");
        }

        if (!File.Exists(line.File))
        {
            throw new UsageException($"The batch file '{line.File}' does not exist.");
        }

        var repository = HubSession.MediaRepository(line.MediaRepository ?? context.Environment(OxenClientOptions.MediaRepositoryEnvironmentVariable));
        var mediaFolder = Path.GetDirectoryName(Path.GetFullPath(line.File));
        var factory = BatchRequests.FromModels(OxenModels.All, OtherModels(line.Schemas), mediaFolder);
        var plan = BatchPlan.Read(line.File, factory, shard, static request => request.EstimateCost()?.TotalUsd);
        if (!plan.IsValid)
        {
            foreach (var problem in plan.Problems)
            {
                await context.Error.WriteLineAsync(problem.ToString()).ConfigureAwait(false);
            }

            throw new UsageException($"{plan.Problems.Count} problem(s) in {line.File}; nothing was sent.");
        }

        await context.Output.WriteLineAsync($"{plan.Lines.Count} line(s){(shard == BatchShard.All ? "" : $" in shard {shard}")}; estimated cost "
            + $"{CostGuard.Usd(plan.KnownCostUsd)}{(plan.UnknownCostLines > 0 ? $" plus {plan.UnknownCostLines} line(s) of unknown price" : "")}.").ConfigureAwait(false);

        await using var session = await HubSession.OpenAsync(context.Environment, context.Output, context.Loggers, context.CancellationToken).ConfigureAwait(false);
        var options = new OxenBatchOptions
        {
            Client = new OxenClientOptions
            {
                BaseAddress = session.Client.BaseAddress,
                ApiKey = context.Environment(OxenClientOptions.ApiKeyEnvironmentVariable),
                MediaRepository = repository,
            },
            ClientLogger = context.Loggers.CreateLogger<OxenClient>(),
            Concurrency = line.Concurrency,
            Mode = line.Mode == "queue" ? OxenGenerationMode.Queue : OxenGenerationMode.Sse,
            MaxCostUsd = line.MaxCost,
            RetryFailed = line.RetryFailed,
        };
        var batch = new OxenBatch(plan, Path.GetFullPath(line.Out), options);
        var progress = new BatchProgressView(context.Error, context.Interactive);
        BatchSummary summary;
        try
        {
            summary = await progress.RunAsync(p => batch.RunAsync(p, context.CancellationToken)).ConfigureAwait(false);
        }
        catch (BatchValidationException ex)
        {
            throw new UsageException(string.Join(Environment.NewLine, ex.Problems));
        }
        catch (BatchRefusedException ex)
        {
            throw new UsageException(ex.Message);
        }
        catch (BatchJournalException ex)
        {
            throw new UsageException(ex.Message);
        }

        await context.Output.WriteLineAsync($"{summary.Downloaded} downloaded, {summary.Failed} failed, {summary.Enqueued + summary.Unfinished} unfinished; "
            + $"{summary.ResultsPath ?? "(no results)"}, {summary.ReportPath ?? "(no report)"}").ConfigureAwait(false);
        if (!summary.IsComplete)
        {
            await context.Output.WriteLineAsync("Some lines are not finished: run the same command again to resume (nothing is sent twice).").ConfigureAwait(false);
            return ExitCodes.ApiOrNetwork;
        }

        return summary.Failed > 0 ? ExitCodes.GenerationFailed : ExitCodes.Done;
    }

    private static int Report(CliContext context, string[] folders, string output)
    {
        try
        {
            var merged = BatchReport.Merge(folders.Select(Path.GetFullPath), Path.GetFullPath(output));
            context.Output.WriteLine($"{merged.Lines} line(s): {merged.ResultsPath}, {merged.ReportPath}");
            return ExitCodes.Done;
        }
        catch (BatchValidationException ex)
        {
            throw new UsageException(string.Join(Environment.NewLine, ex.Problems));
        }
        catch (BatchJournalException ex)
        {
            throw new UsageException(ex.Message);
        }
    }

    private static BatchShard ParseShard(string? text)
    {
        if (text is null)
        {
            return BatchShard.All;
        }

        try
        {
            return BatchShard.Parse(text);
        }
        catch (FormatException ex)
        {
            throw new UsageException($"--shard {text}: {ex.Message}");
        }
    }

    /// <summary>Models outside the registry: <c>--schemas DIR/&lt;model&gt;.json</c>, read by the schema core.</summary>
    private static BatchRequestFactory? OtherModels(string? folder)
    {
        if (folder is null)
        {
            return null;
        }

        var loaded = new Dictionary<string, OxenModelInfo?>(StringComparer.Ordinal);
        return line =>
        {
            if (!loaded.TryGetValue(line.Model, out var info))
            {
                var path = Path.Combine(folder, line.Model + ".json");
                info = line.Model.IndexOfAny(['/', '\\']) < 0 && File.Exists(path) ? RuntimeModels.Load(path, File.ReadAllText(path)) : null;
                loaded[line.Model] = info;
            }

            return info?.ParseRequest(line.Body.Span) ?? throw new BatchLineException("model", $"'{line.Model}' is neither built in nor in {folder}.");
        };
    }

    private sealed record RunLine(
        string File,
        string Out,
        int Concurrency,
        string Mode,
        decimal? MaxCost,
        int RetryFailed,
        string? Shard,
        string? Schemas,
        string? MediaRepository);
}
