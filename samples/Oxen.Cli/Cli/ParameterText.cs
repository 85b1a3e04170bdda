using System.Text;
using System.Text.Json;
using Oxen.Video.Models;

namespace Oxen.Cli.Cli;

/// <summary>How a model parameter reads in help and in <c>models show</c>: one wording for both.</summary>
internal static class ParameterText
{
    /// <summary>The value placeholder, e.g. <c>9:16|16:9|1:1</c>, <c>number</c>, <c>url</c>.</summary>
    public static string ValueName(OxenParameterInfo parameter) => parameter.Kind switch
    {
        _ when parameter.MediaKind is { } media => $"{Noun(media)}-file|url",
        OxenValueKind.Enum when parameter.AllowedValues.Count <= 8 => string.Join('|', parameter.AllowedValues.Select(Unquote)),
        OxenValueKind.Enum => "value",
        OxenValueKind.Array => KindName(parameter.ItemKind ?? OxenValueKind.String, parameter.Format),
        _ => KindName(parameter.Kind, parameter.Format),
    };

    /// <summary>Type, allowed values, range and default (none for a required parameter), then the schema's text.</summary>
    public static string Describe(OxenParameterInfo parameter)
    {
        var text = new StringBuilder();
        text.Append(parameter.IsRequired ? "Required. " : "");
        text.Append(parameter.Kind switch
        {
            _ when parameter.MediaKind is { } media => MediaText(parameter, media),
            OxenValueKind.Enum => $"One of {string.Join(", ", parameter.AllowedValues.Select(Unquote))}.",
            OxenValueKind.Array => $"A list of {KindName(parameter.ItemKind ?? OxenValueKind.String, parameter.Format)} (repeat the option).",
            OxenValueKind.Object or OxenValueKind.Any => "JSON.",
            OxenValueKind.Boolean => "true or false.",
            var kind => $"{Capitalize(KindName(kind, parameter.Format))}.",
        });
        if (Range(parameter) is { } range)
        {
            text.Append(' ').Append(range).Append('.');
        }

        if (!parameter.IsRequired && parameter.DefaultJson is { } defaultJson)
        {
            text.Append(" Default ").Append(Shorten(Unquote(defaultJson))).Append('.');
        }

        if (FirstSentence(parameter.Description) is { Length: > 0 } description)
        {
            text.Append(' ').Append(description);
        }

        return text.ToString();
    }

    /// <summary><c>At least 0 and at most 10</c>: the validator's own wording of a range, or null.</summary>
    public static string? Range(OxenParameterInfo parameter) => parameter.Minimum is null && parameter.Maximum is null
        ? null
        : Capitalize(Oxen.Video.Internal.ValueRules.DescribeRange(parameter.Minimum ?? double.NegativeInfinity, parameter.Maximum ?? double.PositiveInfinity, false, false));

    /// <summary>A JSON value as typed on the command line: strings without their quotes.</summary>
    public static string Unquote(string json) =>
        json.Length >= 2 && json[0] == '"' ? JsonSerializer.Deserialize(json, CliJsonContext.Default.String)! : json;

    /// <summary>What a media option takes: a file (uploaded or inlined for you), or a URL the hub reads.</summary>
    private static string MediaText(OxenParameterInfo parameter, Oxen.Video.OxenMediaKind media) =>
        (parameter.Kind == OxenValueKind.Array
            ? $"A list of {Noun(media)} files or URLs (repeat the option)."
            : $"{(media == Oxen.Video.OxenMediaKind.Video ? "A" : "An")} {Noun(media)} file or URL ('-' reads standard input).")
        + $" A file is sent for you (a data: URI up to 4 MiB, else uploaded to --media-repo); formats: {Oxen.Video.OxenMediaTypes.Formats(media)}.";

    private static string Noun(Oxen.Video.OxenMediaKind media) => media.ToString().ToLowerInvariant();

    private static string KindName(OxenValueKind kind, string? format) => kind switch
    {
        OxenValueKind.String when format is "uri" => "url",
        OxenValueKind.String => "text",
        OxenValueKind.Boolean => "true|false",
        OxenValueKind.Object or OxenValueKind.Any => "json",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;

    private static string? FirstSentence(string? description)
    {
        if (string.IsNullOrWhiteSpace(description))
        {
            return null;
        }

        var flat = string.Join(' ', description.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var end = flat.IndexOf(". ", StringComparison.Ordinal);
        var sentence = end > 0 ? flat[..(end + 1)] : flat;
        return sentence.Length > 160 ? sentence[..159] + "…" : sentence;
    }
}
