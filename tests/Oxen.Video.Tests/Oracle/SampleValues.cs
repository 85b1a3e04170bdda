using System.Globalization;
using System.Text.Json;
using Oxen.Video.Models;

namespace Oxen.Video.Tests.Oracle;

/// <summary>
/// Valid JSON values (as JSON text) built mechanically: from a parameter's registry entry for top-level
/// parameters, from the schema for what nests inside arrays and objects.
/// </summary>
internal static class SampleValues
{
    public const string Url = "\"https://example.com/a.png\"";
    public const string Prompt = "\"a prompt\"";
    public const string NotAUri = "\"not a uri\"";

    /// <summary>Every value to try for a parameter; the first is the one other cases use.</summary>
    public static IReadOnlyList<string> For(OxenParameterInfo parameter, JsonElement schema) => parameter.Kind switch
    {
        OxenValueKind.Enum => parameter.AllowedValues,
        OxenValueKind.Integer => Numbers(parameter.Minimum, parameter.Maximum, parameter.DefaultJson, integer: true),
        OxenValueKind.Number => Numbers(parameter.Minimum, parameter.Maximum, parameter.DefaultJson, integer: false),
        OxenValueKind.String => [parameter.Format == "uri" || parameter.MediaKind is not null ? Url : Prompt],
        OxenValueKind.Boolean => ["true", "false"],
        OxenValueKind.Array => ArrayValues(parameter, schema),
        _ => Distinct(FromSchema(schema, allProperties: false), FromSchema(schema, allProperties: true)),
    };

    /// <summary>min, middle and max when the range is closed; the bound and one step inside when half open.</summary>
    public static IReadOnlyList<string> Numbers(double? minimum, double? maximum, string? defaultJson, bool integer)
    {
        double[] values = (minimum, maximum) switch
        {
            ({ } lo, { } hi) => [lo, integer ? Math.Floor((lo + hi) / 2) : (lo + hi) / 2, hi],
            ({ } lo, null) => [lo, lo + 1],
            (null, { } hi) => [hi - 1, hi],
            _ => [defaultJson is not null && double.TryParse(defaultJson, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : 1],
        };
        return Distinct(values.Select(Number).ToArray());
    }

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A valid value from a schema: the first (or last) enum member, the lower bound, a URL for <c>uri</c>…</summary>
    /// <remarks>
    /// A string named like a media field (<c>reference_image_urls</c>) gets a URL: a list of plain strings with
    /// such a name is a list of media, which must be URLs or files.
    /// </remarks>
    public static string FromSchema(JsonElement schema, bool allProperties, bool last = false, string name = "")
    {
        if (schema.TryGetProperty("enum", out var members))
        {
            var list = members.EnumerateArray().ToList();
            return (last ? list[^1] : list[0]).GetRawText();
        }

        switch (TypeOf(schema))
        {
            case "string":
                return (schema.TryGetProperty("format", out var format) && format.GetString() == "uri") || NamesMedia(name) ? Url : Prompt;
            case "integer" or "number":
                var numbers = Numbers(Bound(schema, "minimum"), Bound(schema, "maximum"), null, TypeOf(schema) == "integer");
                return last ? numbers[^1] : numbers[0];
            case "boolean":
                return "true";
            case "array":
                return schema.TryGetProperty("items", out var items) ? $"[{FromSchema(items, allProperties, last, name)}]" : $"[{Prompt}]";
            case "object":
                var required = Infrastructure.SchemaFile.RequiredOf(schema);
                var keys = schema.TryGetProperty("properties", out var properties)
                    ? properties.EnumerateObject()
                        .Where(q => allProperties || required.Contains(q.Name))
                        .Select(q => $"{JsonSerializer.Serialize(q.Name)}:{FromSchema(q.Value, allProperties, last, q.Name)}")
                    : Enumerable.Empty<string>();
                return "{" + string.Join(",", keys) + "}";
            default:
                return Prompt;
        }
    }

    /// <summary>The schema's JSON type: the first non-null one of a type array, or what its keywords imply.</summary>
    public static string? TypeOf(JsonElement schema)
    {
        if (schema.TryGetProperty("type", out var type))
        {
            return type.ValueKind == JsonValueKind.Array
                ? type.EnumerateArray().Select(t => t.GetString()).First(t => t != "null")
                : type.GetString();
        }

        return schema.TryGetProperty("properties", out _) ? "object" : schema.TryGetProperty("items", out _) ? "array" : null;
    }

    public static double? Bound(JsonElement schema, string keyword) =>
        schema.TryGetProperty(keyword, out var value) ? value.GetDouble() : null;

    private static IReadOnlyList<string> ArrayValues(OxenParameterInfo parameter, JsonElement schema)
    {
        var items = schema.GetProperty("items");
        return parameter.ItemKind switch
        {
            OxenValueKind.String => [$"[{(parameter.Format == "uri" || parameter.MediaKind is not null ? Url : Prompt)}]"],
            OxenValueKind.Integer or OxenValueKind.Number =>
                [$"[{Numbers(parameter.Minimum, parameter.Maximum, null, parameter.ItemKind == OxenValueKind.Integer)[0]}]"],
            OxenValueKind.Boolean => ["[true]"],
            // Objects: once with the required keys only, once with every key.
            _ => Distinct($"[{FromSchema(items, allProperties: false)}]", $"[{FromSchema(items, allProperties: true)}]"),
        };
    }

    private static bool NamesMedia(string name) =>
        name.Contains("image", StringComparison.Ordinal) || name.Contains("video", StringComparison.Ordinal) || name.Contains("audio", StringComparison.Ordinal);

    private static string[] Distinct(params string[] values) => values.Distinct(StringComparer.Ordinal).ToArray();
}
