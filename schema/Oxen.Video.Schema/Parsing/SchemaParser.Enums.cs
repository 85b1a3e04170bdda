using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Oxen.Video.Schemas.Diagnostics;
using Oxen.Video.Schemas.Json;
using Oxen.Video.Schemas.Specs;

namespace Oxen.Video.Schemas.Parsing;

internal sealed partial class SchemaParser
{
    /// <summary>Turns <c>enum</c> into a C# enum; null when the keyword is unusable (reported) and the plain type applies.</summary>
    private TypeSpec? ParseEnum(JsonObject schema, JsonProperty enumKeyword, List<string> types, string jsonName, string jsonPath, string typeStem)
    {
        if (enumKeyword.Value is not JsonArray { Items.Count: > 0 } values)
        {
            Report(SchemaRules.InvalidKeywordValue, FileLocation.OfName(_path, enumKeyword), "enum", jsonPath, "a non-empty array");
            return null;
        }

        if (values.Items.Any(v => v.Kind is JsonKind.Object or JsonKind.Array))
        {
            Report(SchemaRules.UnsupportedSchema, FileLocation.OfName(_path, enumKeyword), "Property", jsonPath, "an enum of objects or arrays");
            return AnyType;
        }

        var explicitNames = ReadVarNames(schema, values.Items.Count, jsonPath);
        var members = new List<(string Name, JsonValue Value)>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var wireValues = new HashSet<string>(StringComparer.Ordinal);
        var numbers = new Dictionary<double, string>();
        for (var i = 0; i < values.Items.Count; i++)
        {
            var value = values.Items[i];
            if (value.Kind == JsonKind.Null || !wireValues.Add(CanonicalJson(value)))
            {
                continue; // null is "not set"; a repeated member adds nothing.
            }

            if (!MatchesTypes(value, types))
            {
                Report(SchemaRules.InvalidKeywordValue, FileLocation.Of(_path, value), "enum", jsonPath, $"values of type {string.Join(" or ", types)} (member {value.RawText} is ignored)");
                continue;
            }

            if (Unrepresentable(value, numbers) is { } problem)
            {
                Report(SchemaRules.UnrepresentableValue, FileLocation.Of(_path, value), "The enum member " + value.RawText, jsonPath, problem);
                continue;
            }

            var display = value is JsonString s ? s.Value : value.RawText;
            var candidate = explicitNames?[i] ?? Naming.EnumMember(jsonName, display, value.Kind != JsonKind.String);
            var name = candidate;
            for (var n = 2; names.ContainsKey(name); n++)
            {
                name = candidate + n.ToString(CultureInfo.InvariantCulture);
            }

            if (name != candidate)
            {
                Report(SchemaRules.NameCollision, FileLocation.Of(_path, value), $"enum members of '{jsonPath}'", $"'{names[candidate]}'", $"'{display}'", candidate, name);
            }

            names[name] = display;
            members.Add((name, value));
        }

        if (members.Count == 0)
        {
            return null;
        }

        // Integer members keep their wire value as the C# value, so (Duration)5 is Seconds5; other enums count from 1,
        // which keeps default(T) out of the valid set.
        var integerBacked = members.All(m => m.Value is JsonNumber { IsInteger: true, Value: >= int.MinValue and <= int.MaxValue });
        var specs = members.Select((m, index) => new EnumMemberSpec(
            m.Name,
            integerBacked ? (long)((JsonNumber)m.Value).Value : index + 1,
            CanonicalJson(m.Value),
            (m.Value as JsonString)?.Value)).ToEquatableArray();
        var typeName = Claim(typeStem, schema, jsonPath);
        var spec = new EnumSpec(typeName, jsonName, String(schema, "description") ?? String(schema, "title"), integerBacked, specs);
        _enums.Add(spec);
        return new TypeSpec(ValueKind.Enum, typeName, null, ConstraintSpec.None) { Enum = spec };
    }

    /// <summary>
    /// Why a member cannot be a C# enum member read back from JSON: a number beyond a double, a number equal to an
    /// earlier one (<c>1</c> and <c>1.0</c>, <c>0</c> and <c>-0</c> are one value once read), or a string UTF-8
    /// cannot carry. Null when it can.
    /// </summary>
    private static string? Unrepresentable(JsonValue value, Dictionary<double, string> numbers)
    {
        switch (value)
        {
            case JsonNumber number when double.IsInfinity(number.Value):
                return "is beyond the range of a double";
            case JsonNumber number:
                var key = number.Value == 0 ? 0d : number.Value; // -0 is 0
                if (numbers.TryGetValue(key, out var earlier))
                {
                    return $"equals the earlier member {earlier} as a number";
                }

                numbers[key] = number.RawText;
                return null;
            case JsonString text when !JsonText.IsWellFormed(text.Value):
                return "holds a lone surrogate, which UTF-8 cannot carry";
            default:
                return null;
        }
    }

    private string[]? ReadVarNames(JsonObject schema, int count, string jsonPath)
    {
        if (schema.Find("x-enum-varnames") is not { } keyword)
        {
            return null;
        }

        if (keyword.Value is JsonArray list && list.Items.Count == count && list.Items.All(i => i is JsonString))
        {
            return list.Items.Select(i => Naming.ExplicitMember(((JsonString)i).Value)).ToArray();
        }

        Report(SchemaRules.InvalidKeywordValue, FileLocation.OfName(_path, keyword), "x-enum-varnames", jsonPath, $"an array of {count} names, one per enum member");
        return null;
    }

    private static bool MatchesTypes(JsonValue value, List<string> types)
    {
        if (types.Count == 0)
        {
            return true;
        }

        return value switch
        {
            JsonString => types.Contains("string"),
            JsonNumber { IsInteger: true } => types.Contains("integer") || types.Contains("number"),
            JsonNumber => types.Contains("number"),
            JsonLiteral { Kind: JsonKind.True or JsonKind.False } => types.Contains("boolean"),
            _ => false,
        };
    }

    /// <summary>The JSON written on the wire: strings re-escaped minimally, numbers exactly as the schema wrote them.</summary>
    private static string CanonicalJson(JsonValue value) => value is JsonString s ? JsonText.Quote(s.Value) : value.RawText;
}
