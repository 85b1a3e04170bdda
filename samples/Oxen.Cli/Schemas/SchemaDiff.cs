using System.Globalization;
using System.Text.Json;
using Oxen.Video.Schemas.Parsing;
using Oxen.Video.Schemas.Specs;

namespace Oxen.Cli.Schemas;

/// <summary>
/// Compares two request schemas by meaning: both are parsed by the schema core into the specs the generator emits
/// from (types, enums, ranges, lengths, item counts, required), so reordered keys or <c>1</c> written as
/// <c>1.0</c> change nothing. Breaking: a type changed, a property or enum member removed, a property became
/// required, a range or a length or item limit narrowed, a format added. Additive: the opposite moves, and new or
/// changed defaults, descriptions and titles.
/// </summary>
internal static class SchemaDiff
{
    public static List<SchemaChange> Compare(JsonElement cached, JsonElement live)
    {
        var changes = new List<SchemaChange>();
        var before = Parse(cached);
        var after = Parse(live);
        if (before is null || after is null)
        {
            if (before is not null || after is not null)
            {
                changes.Add(new(after is null, "", after is null ? "the request schema is no longer an object schema" : "the request schema became an object schema"));
            }

            return changes;
        }

        new Comparison(before, after, changes).CompareObject(before.Request, after.Request, "");
        return changes;
    }

    // The same parser as the build; the file name only names the model in the parser's own findings, unused here.
    private static ModelSpec? Parse(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object ? SchemaParser.Parse("request.json", schema.GetRawText()).Model : null;

    private sealed class Comparison(ModelSpec before, ModelSpec after, List<SchemaChange> changes)
    {
        public void CompareObject(ObjectSpec cached, ObjectSpec live, string path)
        {
            var oldProperties = cached.Properties.ToDictionary(p => p.JsonName, StringComparer.Ordinal);
            var newProperties = live.Properties.ToDictionary(p => p.JsonName, StringComparer.Ordinal);
            foreach (var property in cached.Properties)
            {
                var at = path + property.JsonName;
                if (!newProperties.TryGetValue(property.JsonName, out var current))
                {
                    changes.Add(new(true, at, "property removed"));
                    continue;
                }

                CompareProperty(property, current, at);
            }

            foreach (var added in live.Properties.Where(p => !oldProperties.ContainsKey(p.JsonName)))
            {
                changes.Add(new(added.IsRequired, path + added.JsonName, added.IsRequired ? "required property added" : "optional property added"));
            }

            foreach (var property in live.Properties.Where(p => p.IsRequired && oldProperties.TryGetValue(p.JsonName, out var old) && !old.IsRequired))
            {
                changes.Add(new(true, path + property.JsonName, "became required"));
            }

            foreach (var property in cached.Properties.Where(p => p.IsRequired && newProperties.TryGetValue(p.JsonName, out var now) && !now.IsRequired))
            {
                changes.Add(new(false, path + property.JsonName, "no longer required"));
            }
        }

        private void CompareProperty(PropertySpec cached, PropertySpec live, string path)
        {
            CompareType(cached.Type, live.Type, path);
            Annotation("default", cached.Default?.Json, live.Default?.Json, path);
            Annotation("description", cached.Description, live.Description, path);
            Annotation("title", cached.Title, live.Title, path);
        }

        private void CompareType(TypeSpec cached, TypeSpec live, string path)
        {
            var oldKind = KindOf(before, cached);
            var newKind = KindOf(after, live);
            if (oldKind != newKind)
            {
                changes.Add(new(true, path, $"type changed from {oldKind} to {newKind}"));
                return;
            }

            CompareEnum(cached, live, path);
            var (c, l) = (cached.Constraints, live.Constraints);
            CompareBound("minimum", c.Minimum, c.ExclusiveMinimum, l.Minimum, l.ExclusiveMinimum, lower: true, path);
            CompareBound("maximum", c.Maximum, c.ExclusiveMaximum, l.Maximum, l.ExclusiveMaximum, lower: false, path);
            CompareBound("minLength", c.MinLength, false, l.MinLength, false, lower: true, path);
            CompareBound("maxLength", c.MaxLength, false, l.MaxLength, false, lower: false, path);
            CompareBound("minItems", c.MinItems, false, l.MinItems, false, lower: true, path);
            CompareBound("maxItems", c.MaxItems, false, l.MaxItems, false, lower: false, path);
            if (c.Format != l.Format)
            {
                changes.Add(new(l.Format is not null, path, $"format changed from {c.Format ?? "none"} to {l.Format ?? "none"}"));
            }

            if (cached.Item is { } oldItem && live.Item is { } newItem)
            {
                CompareType(oldItem, newItem, path + "[]");
            }

            if (cached.Kind == ValueKind.Object && cached.TypeName is not null && live.TypeName is not null)
            {
                CompareObject(Nested(before, cached.TypeName), Nested(after, live.TypeName), path + ".");
            }
        }

        private void CompareEnum(TypeSpec cached, TypeSpec live, string path)
        {
            var oldMembers = Members(before, cached);
            var newMembers = Members(after, live);
            foreach (var removed in oldMembers.Where(m => !newMembers.Contains(m)))
            {
                changes.Add(new(true, path, $"enum member {removed} removed"));
            }

            foreach (var added in newMembers.Where(m => !oldMembers.Contains(m)))
            {
                changes.Add(new(false, path, $"enum member {added} added"));
            }
        }

        private void CompareBound(string keyword, double? oldValue, bool oldExclusive, double? newValue, bool newExclusive, bool lower, string path)
        {
            if (oldValue == newValue && oldExclusive == newExclusive)
            {
                return;
            }

            // A new bound, or a bound that moved inward (or became exclusive), rejects values that were valid.
            var narrowed = oldValue is null
                || (newValue is not null && (lower ? newValue > oldValue : newValue < oldValue))
                || (newValue == oldValue && newExclusive);
            changes.Add(new(narrowed, path, $"{keyword} changed from {Bound(oldValue, oldExclusive, lower)} to {Bound(newValue, newExclusive, lower)}"));
        }

        private void Annotation(string name, string? oldText, string? newText, string path)
        {
            if (!string.Equals(oldText, newText, StringComparison.Ordinal))
            {
                changes.Add(new(false, path, $"{name} changed from {Shorten(oldText)} to {Shorten(newText)}"));
            }
        }
    }

    /// <summary>The JSON type a value has on the wire: an enum of integers is an integer, one of strings a string.</summary>
    private static string KindOf(ModelSpec model, TypeSpec type)
    {
        if (type.Kind != ValueKind.Enum)
        {
            return type.Kind.ToString().ToLowerInvariant();
        }

        var members = model.Enums.First(e => e.TypeName == type.TypeName).Members;
        return members.All(m => m.StringValue is not null) ? "string"
            : members.All(m => m.StringValue is null && long.TryParse(m.WireJson, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)) ? "integer"
            : members.All(m => m.StringValue is null && m.WireJson is not ("true" or "false")) ? "number"
            : "enum";
    }

    /// <summary>An enum's members by meaning (numbers as numbers); a plain value has none.</summary>
    private static List<string> Members(ModelSpec model, TypeSpec type) =>
        type.Kind != ValueKind.Enum
            ? []
            : model.Enums.First(e => e.TypeName == type.TypeName).Members.Select(m => m.StringValue is null && double.TryParse(m.WireJson, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? number.ToString("R", CultureInfo.InvariantCulture)
                : m.WireJson).ToList();

    private static ObjectSpec Nested(ModelSpec model, string typeName) => model.NestedObjects.First(o => o.TypeName == typeName);

    private static string Bound(double? value, bool exclusive, bool lower) =>
        value is null ? "none" : (exclusive ? (lower ? ">" : "<") : "") + value.Value.ToString(CultureInfo.InvariantCulture);

    private static string Shorten(string? text) => text is null ? "none" : text.Length > 50 ? text[..50] + "…" : text;
}
