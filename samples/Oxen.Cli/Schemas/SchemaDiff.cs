using System.Globalization;
using System.Text.Json;

namespace Oxen.Cli.Schemas;

/// <summary>
/// Compares two request schemas and classifies each change. Breaking: a type changed, a property or enum member
/// removed, a property became required, a range or a length or item limit narrowed, a format added. Additive:
/// the opposite moves, and new or changed defaults, descriptions and titles.
/// </summary>
internal static class SchemaDiff
{
    public static List<SchemaChange> Compare(JsonElement cached, JsonElement live)
    {
        var changes = new List<SchemaChange>();
        CompareObject(cached, live, "", changes);
        return changes;
    }

    private static void CompareObject(JsonElement cached, JsonElement live, string path, List<SchemaChange> changes)
    {
        var oldProperties = Properties(cached);
        var newProperties = Properties(live);
        var oldRequired = Required(cached);
        var newRequired = Required(live);
        foreach (var (name, schema) in oldProperties)
        {
            var at = path + name;
            if (!newProperties.TryGetValue(name, out var current))
            {
                changes.Add(new(true, at, "property removed"));
                continue;
            }

            CompareValue(schema, current, at, changes);
        }

        foreach (var name in newProperties.Keys.Where(n => !oldProperties.ContainsKey(n)))
        {
            changes.Add(new(newRequired.Contains(name), path + name, newRequired.Contains(name) ? "required property added" : "optional property added"));
        }

        foreach (var name in newRequired.Where(n => !oldRequired.Contains(n) && oldProperties.ContainsKey(n)))
        {
            changes.Add(new(true, path + name, "became required"));
        }

        foreach (var name in oldRequired.Where(n => !newRequired.Contains(n) && newProperties.ContainsKey(n)))
        {
            changes.Add(new(false, path + name, "no longer required"));
        }
    }

    private static void CompareValue(JsonElement cached, JsonElement live, string path, List<SchemaChange> changes)
    {
        var oldTypes = Types(cached);
        var newTypes = Types(live);
        if (!oldTypes.SetEquals(newTypes))
        {
            changes.Add(new(true, path, $"type changed from {Describe(oldTypes)} to {Describe(newTypes)}"));
        }

        CompareEnum(cached, live, path, changes);
        CompareBound(cached, live, path, "minimum", lowerBound: true, changes);
        CompareBound(cached, live, path, "exclusiveMinimum", lowerBound: true, changes);
        CompareBound(cached, live, path, "maximum", lowerBound: false, changes);
        CompareBound(cached, live, path, "exclusiveMaximum", lowerBound: false, changes);
        CompareBound(cached, live, path, "minLength", lowerBound: true, changes);
        CompareBound(cached, live, path, "maxLength", lowerBound: false, changes);
        CompareBound(cached, live, path, "minItems", lowerBound: true, changes);
        CompareBound(cached, live, path, "maxItems", lowerBound: false, changes);

        var oldFormat = Text(cached, "format");
        var newFormat = Text(live, "format");
        if (oldFormat != newFormat)
        {
            changes.Add(new(newFormat is not null, path, $"format changed from {oldFormat ?? "none"} to {newFormat ?? "none"}"));
        }

        foreach (var annotation in new[] { "default", "description", "title" })
        {
            var before = Raw(cached, annotation);
            var after = Raw(live, annotation);
            var same = cached.TryGetProperty(annotation, out var a) == live.TryGetProperty(annotation, out var b)
                && (a.ValueKind == JsonValueKind.Undefined || JsonElement.DeepEquals(a, b));
            if (!same)
            {
                changes.Add(new(false, path, $"{annotation} changed from {Shorten(before)} to {Shorten(after)}"));
            }
        }

        if (cached.TryGetProperty("items", out var oldItems) && live.TryGetProperty("items", out var newItems)
            && oldItems.ValueKind == JsonValueKind.Object && newItems.ValueKind == JsonValueKind.Object)
        {
            CompareValue(oldItems, newItems, path + "[]", changes);
        }

        if (cached.TryGetProperty("properties", out _) || live.TryGetProperty("properties", out _))
        {
            CompareObject(cached, live, path + ".", changes);
        }
    }

    private static void CompareEnum(JsonElement cached, JsonElement live, string path, List<SchemaChange> changes)
    {
        var before = Members(cached);
        var after = Members(live);
        if (before is null && after is null)
        {
            return;
        }

        if (before is null)
        {
            changes.Add(new(true, path, $"now limited to {string.Join(", ", after!)}"));
            return;
        }

        if (after is null)
        {
            changes.Add(new(true, path, "enum removed: the generated enum type becomes a plain value"));
            return;
        }

        foreach (var removed in before.Where(m => !after.Contains(m)))
        {
            changes.Add(new(true, path, $"enum member {removed} removed"));
        }

        foreach (var added in after.Where(m => !before.Contains(m)))
        {
            changes.Add(new(false, path, $"enum member {added} added"));
        }
    }

    private static void CompareBound(JsonElement cached, JsonElement live, string path, string keyword, bool lowerBound, List<SchemaChange> changes)
    {
        var before = Number(cached, keyword);
        var after = Number(live, keyword);
        if (before == after)
        {
            return;
        }

        // A new bound, or a bound that moved inward, rejects values that were valid.
        var narrowed = before is null || (after is not null && (lowerBound ? after > before : after < before));
        changes.Add(new(narrowed, path, $"{keyword} changed from {Format(before)} to {Format(after)}"));
    }

    private static Dictionary<string, JsonElement> Properties(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object
            ? p.EnumerateObject().ToDictionary(x => x.Name, x => x.Value, StringComparer.Ordinal)
            : new Dictionary<string, JsonElement>(StringComparer.Ordinal);

    private static HashSet<string> Required(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.Array
            ? r.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);

    private static HashSet<string> Types(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("type", out var type))
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        var names = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.ToString()) : [type.ToString()];
        return names.Where(n => n != "null").ToHashSet(StringComparer.Ordinal);
    }

    private static List<string>? Members(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("enum", out var e) && e.ValueKind == JsonValueKind.Array
            ? e.EnumerateArray().Select(m => m.ValueKind == JsonValueKind.String ? JsonSerializer.Serialize(m.GetString(), CliJsonContext.Default.String) : m.GetRawText()).ToList()
            : null;

    private static double? Number(JsonElement schema, string keyword) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty(keyword, out var n) && n.ValueKind == JsonValueKind.Number ? n.GetDouble() : null;

    private static string? Text(JsonElement schema, string keyword) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty(keyword, out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;

    private static string? Raw(JsonElement schema, string keyword) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty(keyword, out var v) ? v.GetRawText() : null;

    private static string Describe(HashSet<string> types) => types.Count == 0 ? "any" : string.Join("|", types.Order(StringComparer.Ordinal));

    private static string Format(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "none";

    private static string Shorten(string? text) => text is null ? "none" : text.Length > 50 ? text[..50] + "…" : text;
}
