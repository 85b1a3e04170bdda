using System;
using System.Collections.Generic;
using System.Linq;
using Oxen.Video.Schemas.Diagnostics;
using Oxen.Video.Schemas.Json;
using Oxen.Video.Schemas.Specs;

namespace Oxen.Video.Schemas.Parsing;

internal sealed partial class SchemaParser
{
    private static readonly TypeSpec AnyType = new(ValueKind.Any, null, null, ConstraintSpec.None);

    // An object whose keys the schema does not declare: a JsonElement that must hold an object.
    private static readonly TypeSpec FreeObjectType = new(ValueKind.Object, null, null, ConstraintSpec.None);

    // Keywords that change a value's shape in ways a C# property cannot follow: the property becomes a JsonElement.
    private static readonly string[] StructuralKeywords =
    [
        "not", "if", "then", "else", "const", "patternProperties",
        "prefixItems", "dependentSchemas", "$dynamicRef",
    ];

    // Validation keywords the generator knows but does not check; the server still does.
    private static readonly string[] UnenforcedKeywords =
    [
        "pattern", "multipleOf", "uniqueItems", "minProperties", "maxProperties", "contains", "minContains",
        "maxContains", "dependentRequired", "propertyNames", "unevaluatedProperties", "unevaluatedItems",
    ];

    private TypeSpec ParseType(JsonObject schema, string jsonName, string jsonPath, string typeStem) =>
        ParseType(schema, jsonName, jsonPath, typeStem, out _);

    /// <summary>
    /// The type of one value; <paramref name="effective"/> is the schema it was read from once combinators are
    /// resolved (the one schema of <c>anyOf: [X, null]</c> with its siblings), where its docs and default are.
    /// </summary>
    private TypeSpec ParseType(
        JsonObject schema, string jsonName, string jsonPath, string typeStem, out JsonObject effective)
    {
        effective = schema;
        if (FindCombinator(schema, jsonPath, out var twoCombinators) is { } combinator)
        {
            return ParseCombinator(schema, combinator, jsonName, jsonPath, typeStem, out effective) ?? AnyType;
        }

        if (twoCombinators)
        {
            return AnyType;
        }

        if (schema.Find("const") is { } constant && schema.Find("enum") is null)
        {
            if (ConstAsEnum(schema, constant, jsonPath) is not { } enumSchema)
            {
                return AnyType;
            }

            schema = enumSchema;
            effective = enumSchema;
        }

        var type = ParseSingleType(schema, jsonName, jsonPath, typeStem);
        return type.Kind != ValueKind.Any && AllowsNull(schema) ? type with { IsNullable = true } : type;
    }

    /// <summary>A type list with <c>"null"</c> beside another type, or an enum with a null member.</summary>
    private static bool AllowsNull(JsonObject schema) =>
        (schema["type"] is JsonArray types && types.Items.Any(t => t is JsonString { Value: "null" }))
        || (schema["enum"] is JsonArray members && members.Items.Any(m => m.Kind == JsonKind.Null));

    private TypeSpec ParseSingleType(JsonObject schema, string jsonName, string jsonPath, string typeStem)
    {
        foreach (var keyword in StructuralKeywords)
        {
            if (schema.Find(keyword) is { } found)
            {
                Report(SchemaRules.UnsupportedSchema, FileLocation.OfName(_path, found), "Property", jsonPath, $"'{keyword}'");
                return AnyType;
            }
        }

        foreach (var keyword in UnenforcedKeywords)
        {
            if (schema.Find(keyword) is { } found)
            {
                Report(SchemaRules.UnenforcedKeyword, FileLocation.OfName(_path, found), keyword, jsonPath);
            }
        }

        var types = ReadTypes(schema, jsonPath);
        if (schema.Find("enum") is { } enumKeyword && ParseEnum(schema, enumKeyword, types, jsonName, jsonPath, typeStem) is { } enumType)
        {
            return enumType;
        }

        var kind = KindOf(schema, types, jsonPath);
        var constraints = ReadConstraints(schema, jsonPath, kind);
        switch (kind)
        {
            case ValueKind.Object:
                if (schema["properties"] is JsonObject { Properties.Count: > 0 })
                {
                    var typeName = Claim(typeStem, schema, jsonPath);
                    var nested = ParseObject(schema, typeName, jsonPath + ".", typeStem, isRequest: false);
                    return new TypeSpec(ValueKind.Object, nested.TypeName, null, constraints);
                }

                // A free-form object: the schema does not say what it holds, only that it is an object.
                foreach (var keyword in new[] { "required", "additionalProperties" })
                {
                    if (schema.Find(keyword) is { Value.Kind: not JsonKind.True } found)
                    {
                        Report(SchemaRules.UnenforcedKeyword, FileLocation.OfName(_path, found), keyword, jsonPath);
                    }
                }

                return FreeObjectType;
            case ValueKind.Array:
                return new TypeSpec(ValueKind.Array, null, ParseItems(schema, jsonName, jsonPath, typeStem), constraints);
            case ValueKind.String:
                return new TypeSpec(kind, null, null, constraints) { Media = MediaKindOf(schema, jsonName, jsonPath.EndsWith("[]", StringComparison.Ordinal)) };
            default:
                return new TypeSpec(kind, null, null, constraints);
        }
    }

    private TypeSpec ParseItems(JsonObject schema, string jsonName, string jsonPath, string typeStem)
    {
        switch (schema.Find("items"))
        {
            case null:
                return AnyType;
            case { Value: JsonObject items }:
                var item = ParseType(items, jsonName, jsonPath + "[]", typeStem + "Item");
                // Only items that are references in C# can hold null: a list of int? would be a new shape of API.
                var canBeNull = item is { Kind: ValueKind.String, Media: MediaKind.None }
                    || item is { Kind: ValueKind.Object, IsFreeObject: false };
                return item.IsNullable && !canBeNull ? item with { IsNullable = false } : item;
            case { } other:
                Report(SchemaRules.UnsupportedSchema, FileLocation.OfName(_path, other), "Array", jsonPath, $"'items' that is {Describe(other.Value)}");
                return AnyType;
        }
    }

    /// <summary>The JSON types a value may have, without <c>null</c> (every optional property is nullable anyway).</summary>
    private List<string> ReadTypes(JsonObject schema, string jsonPath)
    {
        var found = schema.Find("type");
        var names = found?.Value switch
        {
            null => [],
            JsonString single => [single.Value],
            JsonArray many when many.Items.All(i => i is JsonString) => many.Items.Select(i => ((JsonString)i).Value).ToList(),
            _ => null,
        };
        if (names is null)
        {
            Report(SchemaRules.InvalidKeywordValue, FileLocation.OfName(_path, found!), "type", jsonPath, "a type name or an array of type names");
            return [];
        }

        var known = new[] { "string", "integer", "number", "boolean", "object", "array", "null" };
        foreach (var unknown in names.Where(n => !known.Contains(n)))
        {
            Report(SchemaRules.InvalidKeywordValue, FileLocation.OfName(_path, found!), "type", jsonPath, $"one of {string.Join(", ", known)} ('{unknown}' is not)");
        }

        return names.Where(n => n != "null" && known.Contains(n)).Distinct().ToList();
    }

    private ValueKind KindOf(JsonObject schema, List<string> types, string jsonPath)
    {
        if (types.Count == 2 && types.Contains("integer") && types.Contains("number"))
        {
            return ValueKind.Number;
        }

        if (types.Count > 1)
        {
            Report(SchemaRules.UnsupportedSchema, FileLocation.OfName(_path, schema.Find("type")!), "Property", jsonPath, $"the type union [{string.Join(", ", types)}] without an enum");
            return ValueKind.Any;
        }

        if (types.Count == 0)
        {
            if (schema["properties"] is not null)
            {
                return ValueKind.Object;
            }

            if (schema["items"] is not null)
            {
                return ValueKind.Array;
            }

            var declared = schema.Find("type");
            var why = declared is null ? "no 'type'"
                : declared.Value.RawText.Contains("\"null\"") ? "only the type 'null' (a value that is always null)"
                : "no type the generator knows";
            Report(SchemaRules.UnsupportedSchema, declared is null ? FileLocation.Of(_path, schema) : FileLocation.OfName(_path, declared), "Property", jsonPath, why);
            return ValueKind.Any;
        }

        return types[0] switch
        {
            "string" => ValueKind.String,
            "integer" => ValueKind.Integer,
            "number" => ValueKind.Number,
            "boolean" => ValueKind.Boolean,
            "object" => ValueKind.Object,
            "array" => ValueKind.Array,
            _ => ValueKind.Any,
        };
    }
}
