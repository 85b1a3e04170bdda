using System.CommandLine;
using System.Text.Json;
using Oxen.Cli.Cli;
using Oxen.Cli.Schemas;
using Oxen.Video;

namespace Oxen.Cli.Commands;

/// <summary>
/// <c>oxen schemas pull &lt;id&gt;... | --all-video</c>, <c>oxen schemas diff [&lt;id&gt;...]</c> and
/// <c>oxen schemas check</c>, all with <c>[--dir oxen-schemas]</c>.
/// </summary>
internal static class SchemasCommand
{
    public static Command Create(CliContext context)
    {
        var pullIds = new Argument<string[]>("id") { Description = "Model ids to pull.", Arity = ArgumentArity.ZeroOrMore };
        pullIds.CompletionSources.Add(_ => CommandTree.ModelIds().Select(m => new System.CommandLine.Completions.CompletionItem(m)));
        var allVideo = new Option<bool>("--all-video") { Description = "Pull every video model the hub lists." };
        var pullDir = CommonOptions.SchemaDirectory("Where to write <id>.json");
        var pull = new Command("pull", "Fetch model schemas from the hub into a folder (one <id>.json each, named by the id asked for).") { pullIds, allVideo, pullDir };
        pull.SetAction((parse, _) =>
        {
            var ids = parse.GetValue(pullIds) ?? [];
            var all = parse.GetValue(allVideo);
            return ids.Length == 0 && !all
                ? throw new UsageException("schemas pull needs model ids or --all-video (see: oxen schemas pull --help).")
                : PullAsync([.. ids], all, parse.GetValue(pullDir)!, context);
        });

        var diffIds = new Argument<string[]>("id")
        {
            Description = "Model ids to compare (default: every file in the folder).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var diffDir = CommonOptions.SchemaDirectory("The folder of cached <id>.json files");
        var diffJson = new Option<bool>("--json")
        {
            Description = "Write one JSON object for CI: per model its changes (path, class, description, before, "
                + "after), a summary and the exit code.",
        };
        var diff = new Command("diff", DiffHelp) { diffIds, diffDir, diffJson };
        diff.SetAction((parse, _) => DiffAsync(
            [.. parse.GetValue(diffIds) ?? []], parse.GetValue(diffDir)!, parse.GetValue(diffJson), context));

        var checkDir = CommonOptions.SchemaDirectory("The folder to check");
        var check = new Command("check", $"Check schema files as the build would (generator diagnostics, file and line): exit {ExitCodes.SchemaFindings} on any finding.") { checkDir };
        check.SetAction((parse, _) => CheckAsync(parse.GetValue(checkDir)!, context));

        return new Command("schemas", "Cached model schemas: pull, diff against the hub, check.") { pull, diff, check };
    }

    private static async Task<int> PullAsync(List<string> ids, bool allVideo, string directory, CliContext context)
    {
        if (ids.FirstOrDefault(id => !IsSafeFileName(id)) is { } unsafeId)
        {
            throw new UsageException($"'{unsafeId}' is not a model id: an id is a file name in --dir (no '/', '\\', '..' or control characters).");
        }

        await using var session = await HubSession.OpenAsync(context.Environment, context.Output, context.Loggers, context.CancellationToken).ConfigureAwait(false);
        var client = session.Client;
        var models = new List<(string Id, OxenModel Model)>();
        if (allVideo)
        {
            foreach (var listed in (await client.ListModelsAsync(context.CancellationToken).ConfigureAwait(false)).Where(m => m.IsVideoModel))
            {
                if (!IsSafeFileName(listed.Id))
                {
                    await context.Error.WriteLineAsync($"skipped   a listed model whose id is not a file name: '{listed.Id}'").ConfigureAwait(false);
                    continue;
                }

                // List items may come without their schema: fetch those one by one.
                models.Add((listed.Id, listed.RequestSchema is null ? await client.GetModelAsync(listed.Id, context.CancellationToken).ConfigureAwait(false) : listed));
            }
        }

        foreach (var id in ids)
        {
            models.Add((id, await client.GetModelAsync(id, context.CancellationToken).ConfigureAwait(false)));
        }

        Directory.CreateDirectory(directory);
        foreach (var (id, model) in models)
        {
            // Named by the id asked for (or listed), never by what the hub put in the body.
            var path = Path.Combine(directory, id + ".json");
            var text = SchemaJson.Normalize(model.Json);
            var existing = File.Exists(path) ? await File.ReadAllTextAsync(path, context.CancellationToken).ConfigureAwait(false) : null;
            var state = existing is null ? "added" : existing == text ? "unchanged" : "updated";
            await File.WriteAllTextAsync(path, text, context.CancellationToken).ConfigureAwait(false);
            await context.Output.WriteLineAsync($"{state,-9} {path}").ConfigureAwait(false);
        }

        await context.Output.WriteLineAsync($"{models.Count} model(s) pulled into {directory}.").ConfigureAwait(false);
        return ExitCodes.Done;
    }

    private static readonly string DiffHelp =
        "Compare cached schemas with the hub's by meaning; each change is breaking (accepts less or changes a type), "
        + "behavior (a default changed), additive (accepts more) or cosmetic (title, description, order). "
        + $"Exit {ExitCodes.SchemaFindings} when any is breaking, {ExitCodes.SchemaChanges} when behavior or additive "
        + $"ones remain, {ExitCodes.Done} when none or only cosmetic.";

    private static async Task<int> DiffAsync(List<string> ids, string directory, bool json, CliContext context)
    {
        if (ids.Count == 0)
        {
            ids = Directory.Exists(directory)
                ? Directory.EnumerateFiles(directory, "*.json").Select(f => Path.GetFileNameWithoutExtension(f))
                    .Order(StringComparer.Ordinal).ToList()
                : throw new UsageException($"No folder {directory}: nothing to compare (use --dir).");
        }

        // With --json, standard output holds the one object only: the emulator notice goes to standard error.
        var status = json ? context.Error : context.Output;
        await using var session = await HubSession
            .OpenAsync(context.Environment, status, context.Loggers, context.CancellationToken).ConfigureAwait(false);
        var models = new List<(string Id, List<SchemaChange> Changes)>();
        foreach (var id in ids)
        {
            var path = Path.Combine(directory, id + ".json");
            if (!File.Exists(path))
            {
                throw new UsageException($"{path} does not exist; pull it first: oxen schemas pull {id}");
            }

            var cachedSchema = await ReadCachedSchemaAsync(path, context.CancellationToken).ConfigureAwait(false);
            var live = await session.Client.GetModelAsync(id, context.CancellationToken).ConfigureAwait(false);
            var changes = SchemaDiff.Compare(cachedSchema, SchemaJson.RequestSchema(live.Json));
            models.Add((id, changes));
            if (!json)
            {
                foreach (var change in changes)
                {
                    await context.Output.WriteLineAsync($"{id}: {change}").ConfigureAwait(false);
                }
            }
        }

        var report = DiffReport.Of(models);
        if (json)
        {
            var text = JsonSerializer.Serialize(report, SchemaDiffJsonContext.Default.DiffReport);
            await context.Output.WriteLineAsync(text).ConfigureAwait(false);
            return report.ExitCode;
        }

        var s = report.Summary;
        await context.Output.WriteLineAsync(
            $"{s.Models} model(s) compared: {s.Breaking} breaking, {s.Behavior} behavior, {s.Additive} additive, "
            + $"{s.Cosmetic} cosmetic change(s).").ConfigureAwait(false);
        return report.ExitCode;
    }

    /// <summary>A cached file's request schema; a file that is not one is the user's to fix (exit 2), named with why.</summary>
    private static async Task<JsonElement> ReadCachedSchemaAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            using var cached = JsonDocument.Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false));
            return SchemaJson.RequestSchema(cached.RootElement);
        }
        catch (JsonException ex)
        {
            throw new UsageException($"{path} is not a schema file: {ex.Message} (check it with: oxen schemas check, or pull it again).");
        }
    }

    private static async Task<int> CheckAsync(string directory, CliContext context)
    {
        if (!Directory.Exists(directory))
        {
            throw new UsageException($"No folder {directory} (use --dir).");
        }

        var files = Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal).ToList();
        var withProblems = 0;
        foreach (var file in files)
        {
            var problems = await SchemaCheck.RunAsync(file, context.CancellationToken).ConfigureAwait(false);
            withProblems += problems.Count > 0 ? 1 : 0;
            foreach (var problem in problems)
            {
                await context.Output.WriteLineAsync(problem).ConfigureAwait(false);
            }
        }

        await context.Output.WriteLineAsync($"{files.Count} file(s) checked, {withProblems} with findings.").ConfigureAwait(false);
        return withProblems == 0 ? ExitCodes.Done : ExitCodes.SchemaFindings;
    }

    /// <summary>An id that is one file name: what the hub says must not move a write outside --dir.</summary>
    internal static bool IsSafeFileName(string id) =>
        id.Length is > 0 and <= 200
        && id is not ("." or "..")
        && id.IndexOfAny(Path.GetInvalidFileNameChars()) < 0
        && id.IndexOfAny(['/', '\\', ':']) < 0
        && !id.Any(char.IsControl)
        && id.Trim() == id;
}
