using System.CommandLine;
using Oxen.Cli.Cli;
using Oxen.Cli.Output;
using Oxen.Video;
using Oxen.Video.Models;

namespace Oxen.Cli.Commands;

/// <summary>
/// <c>oxen models list</c> and <c>oxen models show &lt;id&gt;</c>: the compiled registry, plus the models of
/// <c>--schemas DIR</c> and, when a hub is set, the hub's video models oxen was not built with.
/// </summary>
internal static class ModelsCommand
{
    public static Command Create(CliContext context)
    {
        var listSchemas = Schemas();
        var list = new Command("list", "List the models, with their price per output second.") { listSchemas };
        list.SetAction(async (parse, _) =>
        {
            var models = OxenModels.All.ToList();
            models.AddRange(await OtherModelsAsync(parse.GetValue(listSchemas), models, context).ConfigureAwait(false));
            ModelTables.List(models, context.Output, context.Interactive);
            return ExitCodes.Done;
        });

        var id = new Argument<string>("id") { Description = "The model id (case-insensitive)." };
        id.CompletionSources.Add(_ => CommandTree.ModelIds().Select(m => new System.CommandLine.Completions.CompletionItem(m)));
        var showSchemas = Schemas();
        var show = new Command("show", "Show a model: what it is, its price, and its parameters as 'oxen generate' options.") { id, showSchemas };
        show.SetAction(async (parse, _) =>
        {
            var text = parse.GetValue(id)!;
            var model = ModelResolver.Find(text)
                ?? await ModelResolver.FindElsewhereAsync(text, parse.GetValue(showSchemas), context).ConfigureAwait(false)
                ?? throw new UsageException(ModelResolver.UnknownModel(text));
            ModelTables.Show(model, " (as options of 'oxen generate')", context.Output, context.Interactive);
            return ExitCodes.Done;
        });

        return new Command("models", "The models oxen knows.") { list, show };
    }

    private static Option<string> Schemas() => new("--schemas")
    {
        Description = "A folder of <id>.json schemas: their models are listed too.",
        HelpName = "folder",
    };

    /// <summary>Models of the folder and of the hub (when one is set) that the registry does not have.</summary>
    private static async Task<List<OxenModelInfo>> OtherModelsAsync(string? schemas, List<OxenModelInfo> known, CliContext context)
    {
        var ids = known.Select(m => m.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var found = new List<OxenModelInfo>();
        if (schemas is not null)
        {
            if (!Directory.Exists(schemas))
            {
                throw new UsageException($"--schemas {schemas} is not a folder.");
            }

            foreach (var file in Directory.EnumerateFiles(schemas, "*.json").Order(StringComparer.Ordinal))
            {
                if (!ids.Contains(Path.GetFileNameWithoutExtension(file)) && TryLoad(file, File.ReadAllText(file), context) is { } model && ids.Add(model.Id))
                {
                    found.Add(model);
                }
            }
        }

        if (!HubSession.IsConfigured(context.Environment))
        {
            return found;
        }

        try
        {
            await using var session = await HubSession.OpenAsync(context.Environment, context.Error, context.Loggers, context.CancellationToken).ConfigureAwait(false);
            foreach (var listed in await session.Client.ListModelsAsync(context.CancellationToken).ConfigureAwait(false))
            {
                if (listed.IsVideoModel && !ids.Contains(listed.Id) && SchemasCommand.IsSafeFileName(listed.Id)
                    && TryLoad(listed.Id + ".json", listed.Json.GetRawText(), context) is { } model && ids.Add(model.Id))
                {
                    found.Add(model);
                }
            }
        }
        catch (Exception ex) when (ex is OxenApiException or HttpRequestException or TaskCanceledException && !context.CancellationToken.IsCancellationRequested)
        {
            // The compiled list is still right: say what is missing and go on.
            await context.Error.WriteLineAsync($"warning: the hub's models are not listed: {ex.Message}").ConfigureAwait(false);
        }

        return found;
    }

    private static OxenModelInfo? TryLoad(string path, string text, CliContext context)
    {
        try
        {
            return ModelResolver.Load(path, text);
        }
        catch (UsageException ex)
        {
            context.Error.WriteLine($"warning: {ex.Message.Split('\n')[0]}");
            return null;
        }
    }
}
