using System.Collections.Generic;
using System.Linq;
using Oxen.Video.Schemas.Diagnostics;
using Oxen.Video.Schemas.Json;
using Oxen.Video.Schemas.Specs;

namespace Oxen.Video.Schemas.Parsing;

/// <summary>
/// <c>const</c> as an enum: <c>oneOf</c>/<c>anyOf</c> of <c>{"const": v, "title": t}</c> choices (how pydantic and
/// OpenAPI give each value a name) is an enum whose members are named from the titles, and a lone <c>const</c> is
/// an enum of one member. Both are rewritten as <c>enum</c> + <c>x-enum-varnames</c>, so one rule reads them.
/// </summary>
internal sealed partial class SchemaParser
{
    /// <summary>A choice that is one value: <c>const</c>, with nothing but a type and annotations beside it.</summary>
    private static bool IsConstChoice(JsonObject choice) =>
        choice["const"] is { Kind: not JsonKind.Object and not JsonKind.Array }
        && choice.Properties.All(p => p.Name is "const" or "type" || IsAnnotation(p.Name));

    /// <summary>The schema with the choices as <c>enum</c>, the titles as names; null (reported) beside an enum.</summary>
    private JsonObject? ConstEnum(
        JsonObject schema, JsonProperty keyword, List<JsonObject> choices, string jsonName, string jsonPath)
    {
        if ((schema.Find("enum") ?? schema.Find("x-enum-varnames")) is { } clash)
        {
            var what = $"'{keyword.Name}' of consts beside '{clash.Name}'";
            Report(SchemaRules.UnsupportedSchema, FileLocation.OfName(_path, clash), "Property", jsonPath, what);
            return null;
        }

        var values = choices.Select(c => c["const"]!).ToList();
        var names = choices.Select((c, i) => c["title"] is JsonString { Value: var title } && title.Trim().Length > 0
            ? title
            : DefaultMemberName(jsonName, values[i])).ToList();
        var properties = schema.Properties.Where(p => p != keyword).ToList();
        properties.Add(Synthetic("enum", keyword, values));
        properties.Add(Synthetic("x-enum-varnames", keyword, names.Select(n => (JsonValue)Text(n, keyword)).ToList()));
        return new JsonObject(schema.Start, schema.Length, properties, schema.RawText);
    }

    /// <summary>A lone <c>const</c>: an enum of one member, or null (reported) when it cannot be one.</summary>
    private JsonObject? ConstAsEnum(JsonObject schema, JsonProperty keyword, string jsonPath)
    {
        if (keyword.Value.Kind is JsonKind.Object or JsonKind.Array or JsonKind.Null)
        {
            var what = keyword.Value.Kind == JsonKind.Null
                ? "'const' null (a value that is always null)"
                : "'const' with an object or array value";
            Report(SchemaRules.UnsupportedSchema, FileLocation.OfName(_path, keyword), "Property", jsonPath, what);
            return null;
        }

        var properties = schema.Properties.Where(p => p != keyword).ToList();
        properties.Add(Synthetic("enum", keyword, [keyword.Value]));
        return new JsonObject(schema.Start, schema.Length, properties, schema.RawText);
    }

    private static string DefaultMemberName(string jsonName, JsonValue value) =>
        Naming.EnumMember(jsonName, value is JsonString s ? s.Value : value.RawText, value.Kind != JsonKind.String);

    // Written where the keyword they replace was, so a finding about them points there.
    private static JsonProperty Synthetic(string name, JsonProperty at, IReadOnlyList<JsonValue> items)
    {
        var raw = "[" + string.Join(", ", items.Select(i => i.RawText)) + "]";
        return new(name, at.NameStart, at.NameLength, new JsonArray(at.Value.Start, at.Value.Length, items, raw));
    }

    private static JsonString Text(string value, JsonProperty at) =>
        new(at.Value.Start, at.Value.Length, value, JsonText.Quote(value));
}
