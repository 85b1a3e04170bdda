using Oxen.Video.Internal;
using Oxen.Video.Schemas.Diagnostics;
using Oxen.Video.Schemas.Json;
using Oxen.Video.Schemas.Specs;

namespace Oxen.Video.Schemas.Parsing;

internal sealed partial class SchemaParser
{
    private ConstraintSpec ReadConstraints(JsonObject schema, string jsonPath, ValueKind kind)
    {
        double? minimum = null, maximum = null;
        bool exclusiveMinimum = false, exclusiveMaximum = false;
        int? minLength = null, maxLength = null, minItems = null, maxItems = null;
        if (kind is ValueKind.Integer or ValueKind.Number)
        {
            minimum = Number(schema, "minimum", jsonPath);
            maximum = Number(schema, "maximum", jsonPath);
            // Draft 2020-12 gives a number; draft 4 / OpenAPI 3.0 a boolean that qualifies minimum/maximum.
            ReadExclusive(schema, "exclusiveMinimum", jsonPath, ref minimum, ref exclusiveMinimum, lower: true);
            ReadExclusive(schema, "exclusiveMaximum", jsonPath, ref maximum, ref exclusiveMaximum, lower: false);
        }
        else if (kind == ValueKind.String)
        {
            minLength = Count(schema, "minLength", jsonPath);
            maxLength = Count(schema, "maxLength", jsonPath);
        }
        else if (kind == ValueKind.Array)
        {
            minItems = Count(schema, "minItems", jsonPath);
            maxItems = Count(schema, "maxItems", jsonPath);
        }

        if (minimum is { } lo && maximum is { } hi && (lo > hi || (lo == hi && (exclusiveMinimum || exclusiveMaximum))))
        {
            ReportContradiction(schema, exclusiveMinimum ? "exclusiveMinimum" : "minimum", lo, exclusiveMaximum ? "exclusiveMaximum" : "maximum", hi, jsonPath);
            (minimum, maximum, exclusiveMinimum, exclusiveMaximum) = (null, null, false, false);
        }

        if (minLength > maxLength)
        {
            ReportContradiction(schema, "minLength", minLength!.Value, "maxLength", maxLength!.Value, jsonPath);
            (minLength, maxLength) = (null, null);
        }

        if (minItems > maxItems)
        {
            ReportContradiction(schema, "minItems", minItems!.Value, "maxItems", maxItems!.Value, jsonPath);
            (minItems, maxItems) = (null, null);
        }

        var format = schema["format"] is JsonString f && kind == ValueKind.String ? f.Value : null;
        return new ConstraintSpec(minimum, maximum, exclusiveMinimum, exclusiveMaximum, minLength, maxLength, minItems, maxItems, format);
    }

    private void ReportContradiction(JsonObject schema, string lowerKeyword, double lower, string upperKeyword, double upper, string jsonPath)
    {
        var at = schema.Find(lowerKeyword) ?? schema.Find("minimum") ?? schema.Find("exclusiveMinimum")!;
        Report(SchemaRules.ContradictoryConstraints, FileLocation.OfName(_path, at), lowerKeyword, jsonPath, ValueRules.FormatNumber(lower), upperKeyword, ValueRules.FormatNumber(upper));
    }

    private void ReadExclusive(JsonObject schema, string keyword, string jsonPath, ref double? bound, ref bool exclusive, bool lower)
    {
        switch (schema.Find(keyword))
        {
            case null:
                return;
            case { Value: JsonLiteral { Kind: JsonKind.True } }:
                exclusive = bound is not null;
                return;
            case { Value: JsonLiteral { Kind: JsonKind.False } }:
                return;
            case { Value: JsonNumber number } when double.IsInfinity(number.Value):
                Report(SchemaRules.UnrepresentableValue, FileLocation.Of(_path, number), $"'{keyword}' {number.RawText}", jsonPath, "is beyond the range of a double");
                return;
            case { Value: JsonNumber number }:
                // With both an inclusive and an exclusive bound, the tighter one decides.
                var tighter = bound is null || (lower ? number.Value >= bound : number.Value <= bound);
                if (tighter)
                {
                    bound = number.Value;
                    exclusive = true;
                }

                return;
            case { } other:
                Report(SchemaRules.InvalidKeywordValue, FileLocation.OfName(_path, other), keyword, jsonPath, "a number (or, in draft 4, a boolean)");
                return;
        }
    }

    private double? Number(JsonObject schema, string keyword, string jsonPath)
    {
        switch (schema.Find(keyword))
        {
            case null:
                return null;
            case { Value: JsonNumber number } when double.IsInfinity(number.Value):
                Report(SchemaRules.UnrepresentableValue, FileLocation.Of(_path, number), $"'{keyword}' {number.RawText}", jsonPath, "is beyond the range of a double");
                return null;
            case { Value: JsonNumber number }:
                return number.Value;
            case { } other:
                Report(SchemaRules.InvalidKeywordValue, FileLocation.OfName(_path, other), keyword, jsonPath, "a number");
                return null;
        }
    }

    private int? Count(JsonObject schema, string keyword, string jsonPath)
    {
        switch (schema.Find(keyword))
        {
            case null:
                return null;
            case { Value: JsonNumber { IsInteger: true, Value: >= 0 and <= int.MaxValue } number }:
                return (int)number.Value;
            case { } other:
                Report(SchemaRules.InvalidKeywordValue, FileLocation.OfName(_path, other), keyword, jsonPath, "a non-negative integer");
                return null;
        }
    }
}
