using System.Linq;
using Oxen.Video.Generator.Diagnostics;
using Oxen.Video.Generator.Emit;
using Oxen.Video.Generator.Json;
using Oxen.Video.Generator.Specs;
using Oxen.Video.Internal;

namespace Oxen.Video.Generator.Parsing;

internal sealed partial class SchemaParser
{
    /// <summary>A default that fits its schema; one that breaks it is reported and dropped.</summary>
    private DefaultSpec? ParseDefault(JsonObject schema, string jsonPath, TypeSpec type, bool isRequired)
    {
        if (schema.Find("default") is not { } keyword || keyword.Value.Kind == JsonKind.Null)
        {
            return null;
        }

        var value = keyword.Value;
        // Oxen puts default "" on some required prompts: that is the absence of a default, not a value.
        if (isRequired && value is JsonString { Value.Length: 0 })
        {
            return null;
        }

        var problem = Check(value, type, out var literal);
        if (problem is not null)
        {
            Report(DiagnosticDescriptors.InvalidDefault, FileLocation.Of(_path, value), jsonPath, value.RawText, problem);
            return null;
        }

        return new DefaultSpec(value is JsonString s ? CSharp.JsonStringLiteral(s.Value) : value.RawText, literal);
    }

    /// <summary>Why <paramref name="value"/> breaks <paramref name="type"/>, or null; also the C# constant for it.</summary>
    private string? Check(JsonValue value, TypeSpec type, out string? literal)
    {
        literal = null;
        var c = type.Constraints;
        switch (type.Kind)
        {
            case ValueKind.String when value is JsonString s:
                var length = ValueRules.CountCodePoints(s.Value);
                if ((c.MinLength is { } min && length < min) || (c.MaxLength is { } max && length > max))
                {
                    return $"it has {length} characters, and the schema allows {ValueRules.DescribeCount(c.MinLength ?? 0, c.MaxLength ?? int.MaxValue, "characters")}";
                }

                literal = CSharp.StringLiteral(s.Value);
                return null;
            case ValueKind.Integer or ValueKind.Number when value is JsonNumber n && (n.IsInteger || type.Kind == ValueKind.Number):
                var outside = (c.Minimum is { } lo && (c.ExclusiveMinimum ? n.Value <= lo : n.Value < lo))
                    || (c.Maximum is { } hi && (c.ExclusiveMaximum ? n.Value >= hi : n.Value > hi));
                if (outside)
                {
                    return "the range allows " + ValueRules.DescribeRange(c.Minimum ?? double.NegativeInfinity, c.Maximum ?? double.PositiveInfinity, c.ExclusiveMinimum, c.ExclusiveMaximum);
                }

                literal = type.Kind == ValueKind.Integer ? ValueRules.FormatNumber(n.Value) : CSharp.DoubleLiteral(n.Value);
                return null;
            case ValueKind.Boolean when value.Kind is JsonKind.True or JsonKind.False:
                literal = value.RawText;
                return null;
            case ValueKind.Enum:
                var spec = _enums.First(e => e.TypeName == type.TypeName);
                var wire = value is JsonString str ? CSharp.JsonStringLiteral(str.Value) : value.RawText;
                var member = spec.Members.FirstOrDefault(m => m.WireJson == wire || (value is JsonNumber num && m.StringValue is null && double.TryParse(m.WireJson, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) && d == num.Value));
                if (member is null)
                {
                    return $"the enum allows only {string.Join(", ", spec.Members.Select(m => m.WireJson))}";
                }

                literal = type.TypeName + "." + member.Name;
                return null;
            case ValueKind.Array when value is JsonArray:
            case ValueKind.Object when value is JsonObject:
            case ValueKind.Any:
                return null; // Documented as JSON; no C# constant.
            default:
                return $"it is {Describe(value)}, but the property is {DescribeKind(type.Kind)}";
        }
    }

    private static string DescribeKind(ValueKind kind) => kind switch
    {
        ValueKind.Integer => "an integer",
        ValueKind.Enum => "an enum",
        ValueKind.Array => "an array",
        ValueKind.Object => "an object",
        _ => "a " + kind.ToString().ToLowerInvariant(),
    };
}
