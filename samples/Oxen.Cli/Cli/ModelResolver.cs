using System.CommandLine.Parsing;
using Oxen.Video.Models;

namespace Oxen.Cli.Cli;

/// <summary>
/// Finds the model a <c>generate</c> line names before the line is parsed, because the model's parameters are
/// the line's options (<c>--aspect-ratio</c> exists only for a model that has it).
/// </summary>
internal static class ModelResolver
{
    /// <summary>The model of <c>generate --model &lt;id&gt;</c>, or <see langword="null"/> for any other line.</summary>
    /// <exception cref="UsageException">The id names no model.</exception>
    public static Task<OxenModelInfo?> ResolveAsync(IReadOnlyList<string> args, CliContext context)
    {
        _ = context;
        var words = CommandWords(args, out var completing);
        if (words.Count == 0 || words[0] != "generate" || OptionValue(words, "--model") is not { Length: > 0 } id)
        {
            return Task.FromResult<OxenModelInfo?>(null);
        }

        if (Find(id) is { } compiled)
        {
            return Task.FromResult<OxenModelInfo?>(compiled);
        }

        // A TAB never fails: completion goes on without the model's parameters.
        return completing ? Task.FromResult<OxenModelInfo?>(null) : throw new UsageException(UnknownModel(id));
    }

    /// <summary>A compiled model by id, case-insensitively.</summary>
    public static OxenModelInfo? Find(string id) =>
        OxenModels.Find(id) ?? OxenModels.All.FirstOrDefault(m => string.Equals(m.Id, id, StringComparison.OrdinalIgnoreCase));

    public static string UnknownModel(string id) =>
        $"unknown model '{id}'{Suggestions.DidYouMean(id, OxenModels.All.Select(m => m.Id))} (see: oxen models list)";

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
