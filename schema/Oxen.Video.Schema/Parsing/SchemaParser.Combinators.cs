using System;
using System.Collections.Generic;
using System.Linq;
using Oxen.Video.Schemas.Diagnostics;
using Oxen.Video.Schemas.Json;
using Oxen.Video.Schemas.Specs;

namespace Oxen.Video.Schemas.Parsing;

/// <summary>
/// The combinator forms real schemas write for one type: <c>anyOf</c>/<c>oneOf</c> of one schema and
/// <c>{"type": "null"}</c> (OpenAPI 3.1 and pydantic's optional value), <c>$ref</c> and <c>allOf</c> of one schema
/// (in SchemaParser.References.cs). Each is read as the one schema with its siblings merged in; every other form
/// stays a located OXEN003.
/// </summary>
internal sealed partial class SchemaParser
{
    // Keywords that describe a value without constraining it: a sibling of anyOf may restate or override them.
    private static readonly string[] Annotations =
    [
        "title", "description", "default", "examples", "$comment", "deprecated", "readOnly", "writeOnly",
    ];

    // At most one of these per schema object: two would be an intersection the merge below does not follow.
    private static readonly string[] Combinators = ["$ref", "allOf", "anyOf", "oneOf"];

    /// <summary>Reads a schema through its combinator: null (reported) for a form the generator does not type.</summary>
    private TypeSpec? ParseCombinator(
        JsonObject schema,
        JsonProperty keyword,
        string jsonName,
        string jsonPath,
        string typeStem,
        out JsonObject effective) =>
        keyword.Name switch
        {
            "$ref" => ParseReference(schema, keyword, jsonName, jsonPath, typeStem, out effective),
            "allOf" => ParseAllOf(schema, keyword, jsonName, jsonPath, typeStem, out effective),
            _ => ParseChoice(schema, keyword, jsonName, jsonPath, typeStem, out effective),
        };

    /// <summary>The combinator of <paramref name="schema"/>, or null; two of them are reported (OXEN003).</summary>
    private JsonProperty? FindCombinator(JsonObject schema, string jsonPath, out bool unsupported)
    {
        var found = Combinators.Select(schema.Find).Where(p => p is not null).ToList();
        unsupported = found.Count > 1;
        if (unsupported)
        {
            var what = $"'{found[1]!.Name}' beside '{found[0]!.Name}'";
            Report(SchemaRules.UnsupportedSchema, FileLocation.OfName(_path, found[1]!), "Property", jsonPath, what);
        }

        return found.Count == 1 ? found[0] : null;
    }

    /// <summary>
    /// <c>anyOf</c>/<c>oneOf</c>: one schema and null choices is that schema, nullable. Null (reported) when the
    /// choices are anything else.
    /// </summary>
    private TypeSpec? ParseChoice(
        JsonObject schema,
        JsonProperty keyword,
        string jsonName,
        string jsonPath,
        string typeStem,
        out JsonObject effective)
    {
        effective = schema;
        if (keyword.Value is not JsonArray { Items.Count: > 0 } choices || choices.Items.Any(c => c is not JsonObject))
        {
            var what = $"'{keyword.Name}' that is not a list of schemas";
            Report(SchemaRules.UnsupportedSchema, FileLocation.OfName(_path, keyword), "Property", jsonPath, what);
            return null;
        }

        var schemas = choices.Items.Cast<JsonObject>().ToList();
        var nulls = schemas.Count(IsNullSchema);
        var others = schemas.Where(s => !IsNullSchema(s)).ToList();
        if (others.Count > 0 && others.All(IsConstChoice))
        {
            if (ConstEnum(schema, keyword, others, jsonName, jsonPath) is not { } enumSchema)
            {
                return null;
            }

            var enumType = ParseType(enumSchema, jsonName, jsonPath, typeStem, out effective);
            var enumAllowsNull = nulls > 0 && enumType.Kind != ValueKind.Any && SiblingsAllowNull(schema);
            return enumAllowsNull ? enumType with { IsNullable = true } : enumType;
        }

        if (others.Count != 1)
        {
            var why = others.Count == 0
                ? $"'{keyword.Name}' whose only choice is null (a value that is always null)"
                : $"'{keyword.Name}' with {others.Count} choices (typed: one schema, or consts, with or without null)";
            Report(SchemaRules.UnsupportedSchema, FileLocation.OfName(_path, keyword), "Property", jsonPath, why);
            return null;
        }

        if (Merge(others[0], schema, keyword, jsonPath) is not { } merged)
        {
            return null;
        }

        var type = ParseType(merged, jsonName, jsonPath, typeStem, out effective);
        // Null passes the choice, but the siblings still apply: beside "type": "string" it is not allowed.
        var allowsNull = nulls > 0 && type.Kind != ValueKind.Any && SiblingsAllowNull(schema);
        return allowsNull ? type with { IsNullable = true } : type;
    }

    /// <summary><c>{"type": "null"}</c> or <c>{"const": null}</c>, with nothing but annotations beside it.</summary>
    private static bool IsNullSchema(JsonObject schema)
    {
        var isNull = schema["type"] is JsonString { Value: "null" }
            || (schema["type"] is JsonArray { Items.Count: 1 } types && types.Items[0] is JsonString { Value: "null" })
            || schema["const"] is { Kind: JsonKind.Null };
        return isNull && schema.Properties.All(p => p.Name is "type" or "const" || IsAnnotation(p.Name));
    }

    private static bool SiblingsAllowNull(JsonObject schema) => schema["type"] switch
    {
        null => true,
        JsonString type => type.Value == "null",
        JsonArray types => types.Items.Any(t => t is JsonString { Value: "null" }),
        _ => false,
    };

    private static bool IsAnnotation(string keyword) =>
        Array.IndexOf(Annotations, keyword) >= 0 || keyword.StartsWith("x-", StringComparison.Ordinal);

    /// <summary>
    /// The schema <paramref name="inner"/> with the keywords beside <paramref name="keyword"/> in
    /// <paramref name="outer"/> added: an annotation of the outer schema wins (pydantic puts the title, the
    /// description and the default there), a constraint both set differently is reported and null returned.
    /// Positions stay those of the source, so a finding inside the merged schema points where it was written.
    /// </summary>
    private JsonObject? Merge(JsonObject inner, JsonObject outer, JsonProperty keyword, string jsonPath)
    {
        var properties = inner.Properties.ToList();
        foreach (var sibling in outer.Properties)
        {
            if (sibling == keyword)
            {
                continue;
            }

            var index = properties.FindIndex(p => p.Name == sibling.Name);
            if (index < 0)
            {
                properties.Add(sibling);
            }
            else if (IsAnnotation(sibling.Name))
            {
                properties[index] = sibling;
            }
            else if (properties[index].Value.RawText != sibling.Value.RawText)
            {
                var what = $"'{keyword.Name}' whose schema and its siblings both set '{sibling.Name}'";
                Report(SchemaRules.UnsupportedSchema, FileLocation.OfName(_path, sibling), "Property", jsonPath, what);
                return null;
            }
        }

        return new JsonObject(outer.Start, outer.Length, properties, outer.RawText);
    }
}
