using Oxen.Video.Models;

namespace Oxen.Cli.Commands;

/// <summary><c>oxen models list</c> and <c>oxen models show &lt;id&gt;</c>, from the generated registry.</summary>
internal static class ModelsCommand
{
    public static async Task<int> RunAsync(CliArguments args, CliContext context)
    {
        var output = context.Output;
        switch (args.Words.ElementAtOrDefault(1))
        {
            case "list":
                foreach (var model in OxenModels.All)
                {
                    var note = model.RemovedFromDocsOn is null ? "" : $"  (left the docs {model.RemovedFromDocsOn})";
                    await output.WriteLineAsync($"{model.Id,-52} {model.DisplayName}{note}").ConfigureAwait(false);
                }

                await output.WriteLineAsync($"{OxenModels.All.Count} models.").ConfigureAwait(false);
                return ExitCodes.Done;
            case "show" when args.Words.ElementAtOrDefault(2) is { } id:
                var found = OxenModels.Find(id) ?? throw new UsageException($"Unknown model '{id}' (see: oxen models list).");
                await output.WriteLineAsync($"{found.DisplayName} ({found.Id})").ConfigureAwait(false);
                if (found.Description is { } description)
                {
                    await output.WriteLineAsync(description).ConfigureAwait(false);
                }

                await output.WriteLineAsync($"Endpoint {found.Endpoint}; type {found.ModelType ?? "?"}; input {string.Join(", ", found.InputCapabilities)}; request type {found.RequestType.FullName}").ConfigureAwait(false);
                if (found.RemovedFromDocsOn is { } removed)
                {
                    await output.WriteLineAsync($"Its page left Oxen's docs on {removed}: it may no longer be served.").ConfigureAwait(false);
                }

                await output.WriteLineAsync(RequestBuilder.Describe(found)).ConfigureAwait(false);
                return ExitCodes.Done;
            default:
                throw new UsageException("Usage: oxen models list | oxen models show <id>");
        }
    }
}
