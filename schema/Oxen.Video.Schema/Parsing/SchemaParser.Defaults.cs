using System.Linq;
using Oxen.Video.Internal;
using Oxen.Video.Schemas.Diagnostics;
using Oxen.Video.Schemas.Json;
using Oxen.Video.Schemas.Specs;

namespace Oxen.Video.Schemas.Parsing;

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

        var problem = Check(value, type, out var constant);
        if (problem is not null)
        {
            Report(SchemaRules.InvalidDefault, FileLocation.Of(_path, value), jsonPath, value.RawText, problem);
            return null;
        }

        var json = value is JsonString s ? JsonText.Quote(s.Value) : value.RawText;
        return constant is null ? new DefaultSpec(json, null, null, null, null) : constant with { Json = json };
    }

    /// <summary>Why <paramref name="value"/> breaks <paramref name="type"/>, or null; also the typed constant for it.</summary>
    private string? Check(JsonValue value, TypeSpec type, out DefaultSpec? constant)
    {
        constant = null;
        var c = type.Constraints;
        switch (type.Kind)
        {
            case ValueKind.String when value is JsonString s:
                var length = ValueRules.CountCodePoints(s.Value);
                if ((c.MinLength is { } min && length < min) || (c.MaxLength is { } max && length > max))
                {
                    return $"it has {length} characters, and the schema allows {ValueRules.DescribeCount(c.MinLength ?? 0, c.MaxLength ?? int.MaxValue, "characters")}";
                }

                constant = new DefaultSpec("", s.Value, null, null, null);
                return null;
            case ValueKind.Integer or ValueKind.Number when value is JsonNumber n && (n.IsInteger || type.Kind == ValueKind.Number):
                if (NumberProblem(n, type) is { } problem)
                {
                    return problem;
                }

                var outside = (c.Minimum is { } lo && (c.ExclusiveMinimum ? n.Value <= lo : n.Value < lo))
                    || (c.Maximum is { } hi && (c.ExclusiveMaximum ? n.Value >= hi : n.Value > hi));
                if (outside)
                {
                    return "the range allows " + ValueRules.DescribeRange(c.Minimum ?? double.NegativeInfinity, c.Maximum ?? double.PositiveInfinity, c.ExclusiveMinimum, c.ExclusiveMaximum);
                }

                constant = new DefaultSpec("", null, n.Value, null, null);
                return null;
            case ValueKind.Boolean when value.Kind is JsonKind.True or JsonKind.False:
                constant = new DefaultSpec("", null, null, value.Kind == JsonKind.True, null);
                return null;
            case ValueKind.Enum:
                var spec = type.Enum!;
                var wire = value is JsonString str ? JsonText.Quote(str.Value) : value.RawText;
                var member = spec.Members.FirstOrDefault(m => m.WireJson == wire || (value is JsonNumber num && m.StringValue is null && double.TryParse(m.WireJson, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) && d == num.Value));
                if (member is null)
                {
                    return $"the enum allows only {string.Join(", ", spec.Members.Select(m => m.WireJson))}";
                }

                constant = new DefaultSpec("", null, null, null, member.Name);
                return null;
            case ValueKind.Array when value is JsonArray:
            case ValueKind.Object when value is JsonObject:
            case ValueKind.Any:
                return null; // Documented as JSON; no C# constant.
            default:
                return $"it is {Describe(value)}, but the property is {DescribeKind(type.Kind)}";
        }
    }

    /// <summary>Why a number cannot be the property's C# constant: beyond a double, or beyond the integer type.</summary>
    private static string? NumberProblem(JsonNumber n, TypeSpec type)
    {
        if (double.IsInfinity(n.Value))
        {
            return "it is beyond the range of a double";
        }

        if (type.Kind != ValueKind.Integer)
        {
            return null;
        }

        // The same rule as the emitter's: an integer is a long only when its range needs one.
        var isLong = type.Constraints.Minimum is < int.MinValue || type.Constraints.Maximum is > int.MaxValue;
        if (isLong && (n.Value < long.MinValue || n.Value >= 9223372036854775807d))
        {
            return "it is beyond the range of a 64-bit integer (long)";
        }

        return !isLong && (n.Value < int.MinValue || n.Value > int.MaxValue)
            ? "it is beyond the range of the property's C# type int (a 'minimum' or 'maximum' beyond int's range makes it a long)"
            : null;
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
