using System.Text.Json;
using Oxen.Cli.Schemas;
using Oxen.Video;

namespace Oxen.Cli.Commands;

/// <summary>
/// <c>oxen schemas pull &lt;id&gt;... | --all-video</c>, <c>oxen schemas diff [&lt;id&gt;...]</c> and
/// <c>oxen schemas check</c>, all with <c>[--dir schemas]</c>.
/// </summary>
internal static class SchemasCommand
{
    public static async Task<int> RunAsync(CliArguments args, CliContext context)
    {
        var verb = args.Words.ElementAtOrDefault(1);
        var ids = args.Words.Skip(2).ToList();
        var directory = args.Take("dir") ?? "schemas";
        switch (verb)
        {
            case "pull":
                var allVideo = args.Take("all-video") is not null;
                if (ids.Count == 0 && !allVideo)
                {
                    throw new UsageException("Usage: oxen schemas pull <model-id>... | --all-video [--dir schemas]");
                }

                return await PullAsync(ids, allVideo, directory, context).ConfigureAwait(false);
            case "diff":
                return await DiffAsync(ids, directory, context).ConfigureAwait(false);
            case "check":
                return await CheckAsync(directory, context).ConfigureAwait(false);
            default:
                throw new UsageException("Usage: oxen schemas pull <id>... | --all-video | diff [<id>...] | check, with [--dir schemas]");
        }
    }

    private static async Task<int> PullAsync(List<string> ids, bool allVideo, string directory, CliContext context)
    {
        await using var session = await HubSession.OpenAsync(context.Environment, context.Output, context.Loggers, context.CancellationToken).ConfigureAwait(false);
        var client = session.Client;
        var models = new List<OxenModel>();
        if (allVideo)
        {
            foreach (var listed in (await client.ListModelsAsync(context.CancellationToken).ConfigureAwait(false)).Where(m => m.IsVideoModel))
            {
                // List items may come without their schema: fetch those one by one.
                models.Add(listed.RequestSchema is null ? await client.GetModelAsync(listed.Id, context.CancellationToken).ConfigureAwait(false) : listed);
            }
        }

        foreach (var id in ids)
        {
            models.Add(await client.GetModelAsync(id, context.CancellationToken).ConfigureAwait(false));
        }

        Directory.CreateDirectory(directory);
        foreach (var model in models)
        {
            var path = Path.Combine(directory, model.Id + ".json");
            var text = SchemaJson.Normalize(model.Json);
            var existing = File.Exists(path) ? await File.ReadAllTextAsync(path, context.CancellationToken).ConfigureAwait(false) : null;
            var state = existing is null ? "added" : existing == text ? "unchanged" : "updated";
            await File.WriteAllTextAsync(path, text, context.CancellationToken).ConfigureAwait(false);
            await context.Output.WriteLineAsync($"{state,-9} {path}").ConfigureAwait(false);
        }

        await context.Output.WriteLineAsync($"{models.Count} model(s) pulled into {directory}.").ConfigureAwait(false);
        return ExitCodes.Done;
    }

    private static async Task<int> DiffAsync(List<string> ids, string directory, CliContext context)
    {
        if (ids.Count == 0)
        {
            ids = Directory.Exists(directory)
                ? Directory.EnumerateFiles(directory, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal).ToList()
                : throw new UsageException($"No folder {directory}: nothing to compare (use --dir).");
        }

        await using var session = await HubSession.OpenAsync(context.Environment, context.Output, context.Loggers, context.CancellationToken).ConfigureAwait(false);
        var breaking = 0;
        var additive = 0;
        foreach (var id in ids)
        {
            var path = Path.Combine(directory, id + ".json");
            if (!File.Exists(path))
            {
                throw new UsageException($"{path} does not exist; pull it first: oxen schemas pull {id}");
            }

            using var cached = JsonDocument.Parse(await File.ReadAllTextAsync(path, context.CancellationToken).ConfigureAwait(false));
            var live = await session.Client.GetModelAsync(id, context.CancellationToken).ConfigureAwait(false);
            var changes = SchemaDiff.Compare(SchemaJson.RequestSchema(cached.RootElement), SchemaJson.RequestSchema(live.Json));
            foreach (var change in changes)
            {
                await context.Output.WriteLineAsync($"{id}: {change}").ConfigureAwait(false);
            }

            breaking += changes.Count(c => c.IsBreaking);
            additive += changes.Count(c => !c.IsBreaking);
        }

        await context.Output.WriteLineAsync($"{ids.Count} model(s) compared: {breaking} breaking, {additive} additive change(s).").ConfigureAwait(false);
        return breaking > 0 ? ExitCodes.GenerationFailed : ExitCodes.Done;
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
        return withProblems == 0 ? ExitCodes.Done : ExitCodes.GenerationFailed;
    }
}
