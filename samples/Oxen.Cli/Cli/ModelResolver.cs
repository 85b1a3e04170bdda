using System.CommandLine.Parsing;
using Oxen.Cli.Commands;
using Oxen.Video;
using Oxen.Video.Models;

namespace Oxen.Cli.Cli;

/// <summary>
/// Finds the model a <c>generate</c> line names before the line is parsed, because the model's parameters are
/// the line's options (<c>--aspect-ratio</c> exists only for a model that has it): the compiled registry first,
/// then <c>--schemas DIR/&lt;id&gt;.json</c>, then the hub's <c>GET /api/ai/models/{id}</c> (when a hub is set).
/// </summary>
internal static class ModelResolver
{
    /// <summary>The model of <c>generate --model &lt;id&gt;</c>, or <see langword="null"/> for any other line.</summary>
    /// <exception cref="UsageException">The id names no model anywhere.</exception>
    public static async Task<OxenModelInfo?> ResolveAsync(IReadOnlyList<string> args, CliContext context)
    {
        var words = CommandWords(args, out var completing);
        if (words.Count == 0 || words[0] != "generate" || OptionValue(words, "--model") is not { Length: > 0 } id)
        {
            return null;
        }

        if (Find(id) is { } compiled)
        {
            return compiled;
        }

        // A TAB never fails and never calls the hub: completion goes on without the model's parameters.
        if (completing)
        {
            return null;
        }

        return await FindElsewhereAsync(id, OptionValue(words, "--schemas"), context).ConfigureAwait(false)
            ?? throw new UsageException(UnknownModel(id));
    }

    /// <summary>A compiled model by id, case-insensitively.</summary>
    public static OxenModelInfo? Find(string id) =>
        OxenModels.Find(id) ?? OxenModels.All.FirstOrDefault(m => string.Equals(m.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>A model the build did not compile: from <paramref name="schemas"/>, else from the hub when one is set.</summary>
    public static async Task<OxenModelInfo?> FindElsewhereAsync(string id, string? schemas, CliContext context)
    {
        if (!SchemasCommand.IsSafeFileName(id))
        {
            return null;
        }

        if (schemas is not null)
        {
            if (!Directory.Exists(schemas))
            {
                throw new UsageException($"--schemas {schemas} is not a folder.");
            }

            var file = Directory.EnumerateFiles(schemas, "*.json").FirstOrDefault(f => string.Equals(Path.GetFileNameWithoutExtension(f), id, StringComparison.OrdinalIgnoreCase));
            return file is null ? null : Load(file, await File.ReadAllTextAsync(file, context.CancellationToken).ConfigureAwait(false));
        }

        if (!HubSession.IsConfigured(context.Environment))
        {
            return null;
        }

        await using var session = await HubSession.OpenAsync(context.Environment, context.Error, context.Loggers, context.CancellationToken).ConfigureAwait(false);
        OxenModel model;
        try
        {
            model = await session.Client.GetModelAsync(id, context.CancellationToken).ConfigureAwait(false);
        }
        catch (OxenApiException ex) when (ex.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        return Load(id + ".json", model.Json.GetRawText());
    }

    /// <summary>A schema file read by the schema core, as the build would read it.</summary>
    public static OxenModelInfo Load(string path, string text) => RuntimeModels.Load(path, text);

    public static string UnknownModel(string id) =>
        $"unknown model '{id}'{Suggestions.DidYouMean(id, OxenModels.All.Select(m => m.Id))} (see: oxen models list; a model the build did not compile needs --schemas DIR or a hub: OXEN_BASE_URL / OXEN_API_KEY)";

    /// <summary>The words of the line without directives; for <c>[suggest:N] "oxen generate ..."</c> the quoted line split.</summary>
    internal static IReadOnlyList<string> CommandWords(IReadOnlyList<string> args, out bool completing)
    {
        completing = false;
        var index = 0;
        while (index < args.Count && args[index].StartsWith('[') && args[index].EndsWith(']'))
        {
            completing |= args[index].StartsWith("[suggest", StringComparison.Ordinal);
            index++;
        }

        var words = args.Skip(index).ToList();
        if (completing && words.Count == 1)
        {
            words = [.. CommandLineParser.SplitCommandLine(words[0])];
            if (words.Count > 0 && Path.GetFileNameWithoutExtension(words[0]) == "oxen")
            {
                words.RemoveAt(0);
            }
        }

        return words;
    }

    /// <summary>The value of <c>--name value</c> or <c>--name=value</c>, the last one given.</summary>
    internal static string? OptionValue(IReadOnlyList<string> words, string name)
    {
        string? value = null;
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i] == "--")
            {
                break;
            }

            if (words[i] == name && i + 1 < words.Count)
            {
                value = words[++i];
            }
            else if (words[i].StartsWith(name + "=", StringComparison.Ordinal))
            {
                value = words[i][(name.Length + 1)..];
            }
        }

        return value;
    }
}
