using System.Text.Json;
using Oxen.Video.Models;
using Oxen.Video.Tests.Infrastructure;

namespace Oxen.Video.Tests.Oracle;

/// <summary>
/// The registry's parameter list, which the oracle cases are built from, says what the schema file says:
/// names in x-order, required, JSON kind, enum members (exact JSON), bounds, format and default.
/// </summary>
public sealed class ModelInfoTests
{
    public static TheoryData<string> Models => new(SchemaFile.All.Select(f => f.FileName));

    [Theory]
    [MemberData(nameof(Models))]
    public void Parameters_match_the_schema_file(string model)
    {
        var file = SchemaFile.Get(model);
        var info = OxenModels.Find(model);
        Assert.NotNull(info);

        var expectedOrder = file.Properties
            .Select((p, index) => (p.Name, index, order: p.Value.TryGetProperty("x-order", out var o) ? o.GetDouble() : double.MaxValue))
            .OrderBy(t => t.order).ThenBy(t => t.index).Select(t => t.Name);
        Assert.Equal(expectedOrder, info.Parameters.Select(p => p.Name));

        var problems = new List<string>();
        foreach (var p in info.Parameters)
        {
            var schema = file.Property(p.Name);
            var items = schema.TryGetProperty("items", out var i) ? i : (JsonElement?)null;
            Check(problems, p.Name, "IsRequired", file.Required.Contains(p.Name), p.IsRequired);
            Check(problems, p.Name, "Kind", KindOf(schema), p.Kind);
            Check(problems, p.Name, "ItemKind", items is { } it ? KindOf(it) : null, p.ItemKind);
            Check(problems, p.Name, "Minimum", SampleValues.Bound(items ?? schema, "minimum") ?? SampleValues.Bound(schema, "minimum"), p.Minimum);
            Check(problems, p.Name, "Maximum", SampleValues.Bound(items ?? schema, "maximum") ?? SampleValues.Bound(schema, "maximum"), p.Maximum);
            Check(problems, p.Name, "Format", Text(schema, "format") ?? (items is { } f ? Text(f, "format") : null), p.Format);

            var members = schema.TryGetProperty("enum", out var e) ? e.GetRawText() : "[]";
            var sameMembers = JsonSemantics.Differences(members, "[" + string.Join(",", p.AllowedValues) + "]");
            if (sameMembers.Count > 0)
            {
                problems.Add($"{p.Name}.AllowedValues: schema {members}, registry [{string.Join(",", p.AllowedValues)}]: {string.Join("; ", sameMembers)}");
            }

            var hasDefault = schema.TryGetProperty("default", out var d) && !(p.IsRequired && d.ValueKind == JsonValueKind.String && d.GetString() == "");
            if (hasDefault != (p.DefaultJson is not null) || (hasDefault && JsonSemantics.Differences(d.GetRawText(), p.DefaultJson!).Count > 0))
            {
                problems.Add($"{p.Name}.DefaultJson: schema {(hasDefault ? d.GetRawText() : "none")}, registry {p.DefaultJson ?? "null"}");
            }
        }

        Assert.True(problems.Count == 0, $"{model}: the registry differs from schemas/{model}.json:\n  " + string.Join("\n  ", problems));
    }

    /// <summary>The kind the OxenValueKind docs promise for a schema: an enum is Enum, an object, with or without declared keys, is Object.</summary>
    private static OxenValueKind KindOf(JsonElement schema) =>
        schema.TryGetProperty("enum", out _)
            ? OxenValueKind.Enum
            : SampleValues.TypeOf(schema) switch
            {
                "string" => OxenValueKind.String,
                "integer" => OxenValueKind.Integer,
                "number" => OxenValueKind.Number,
                "boolean" => OxenValueKind.Boolean,
                "array" => OxenValueKind.Array,
                "object" => OxenValueKind.Object,
                _ => OxenValueKind.Any,
            };

    private static string? Text(JsonElement schema, string keyword) =>
        schema.TryGetProperty(keyword, out var value) ? value.GetString() : null;

    private static void Check<T>(List<string> problems, string name, string what, T expected, T actual)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            problems.Add($"{name}.{what}: schema says {expected?.ToString() ?? "null"}, registry says {actual?.ToString() ?? "null"}");
        }
    }
}
