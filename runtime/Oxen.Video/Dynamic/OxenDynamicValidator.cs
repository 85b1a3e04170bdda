using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using Oxen.Video.Schemas.Specs;
using Oxen.Video.Validation;

namespace Oxen.Video.Dynamic;

/// <summary>
/// The checks a generated <c>Validate()</c> makes (see the generator's <c>Emitter.Validation</c>), walked over
/// JSON values: the same <see cref="OxenValidator"/> calls with the same paths. A value of the wrong JSON type,
/// which a generated type refuses while parsing, is reported here as not allowed, naming the type expected.
/// </summary>
internal sealed class OxenDynamicValidator(ModelSpec model, List<OxenValidationError> errors)
{
    public void AddErrors(ObjectSpec spec, IReadOnlyDictionary<string, JsonElement> values, string prefix)
    {
        foreach (var property in spec.Properties)
        {
            var path = prefix + property.JsonName;
            if (!values.TryGetValue(property.JsonName, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                if (property.IsRequired)
                {
                    OxenValidator.Required(errors, path, null);
                }

                continue;
            }

            Check(property.Type, value, path);
        }
    }

    private void Check(TypeSpec type, JsonElement value, string path)
    {
        var c = type.Constraints;
        switch (type.Kind)
        {
            case ValueKind.Integer when value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var integer):
                if (c.HasRange)
                {
                    OxenValidator.Range(errors, path, integer, c.Minimum ?? double.NegativeInfinity, c.Maximum ?? double.PositiveInfinity, c.ExclusiveMinimum, c.ExclusiveMaximum);
                }

                break;
            case ValueKind.Number when value.ValueKind == JsonValueKind.Number && double.IsFinite(value.GetDouble()):
                if (c.HasRange)
                {
                    OxenValidator.Range(errors, path, value.GetDouble(), c.Minimum ?? double.NegativeInfinity, c.Maximum ?? double.PositiveInfinity, c.ExclusiveMinimum, c.ExclusiveMaximum);
                }

                break;
            case ValueKind.String when value.ValueKind == JsonValueKind.String:
                var text = value.GetString()!;
                if (c.HasLength)
                {
                    OxenValidator.Length(errors, path, text, c.MinLength ?? 0, c.MaxLength ?? int.MaxValue);
                }

                if (c.IsUri)
                {
                    OxenValidator.Uri(errors, path, text);
                }

                break;
            case ValueKind.Boolean when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                break;
            case ValueKind.Enum:
                var members = model.Enums.First(e => e.TypeName == type.TypeName).Members;
                if (!members.Any(m => SameJson(m.WireJson, value)))
                {
                    OxenValidator.NotAllowed(errors, path, value.GetRawText(), string.Join(", ", members.Select(m => m.WireJson)));
                }

                break;
            case ValueKind.Object when type.IsFreeObject:
                OxenValidator.IsObject(errors, path, value);
                break;
            case ValueKind.Object when value.ValueKind == JsonValueKind.Object:
                var nested = model.NestedObjects.First(o => o.TypeName == type.TypeName);
                AddErrors(nested, value.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal), path + ".");
                break;
            case ValueKind.Array when value.ValueKind == JsonValueKind.Array:
                if (c.HasItemCount)
                {
                    OxenValidator.ItemCount(errors, path, value.GetArrayLength(), c.MinItems ?? 0, c.MaxItems ?? int.MaxValue);
                }

                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    var itemPath = path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
                    if (item.ValueKind == JsonValueKind.Null)
                    {
                        OxenValidator.Required(errors, itemPath, null);
                    }
                    else
                    {
                        Check(type.Item!, item, itemPath);
                    }

                    index++;
                }

                break;
            case ValueKind.Any:
                break;
            default:
                // The wrong JSON type: what a generated type refuses while parsing.
                OxenValidator.NotAllowed(errors, path, value.GetRawText(), Expected(type.Kind));
                break;
        }
    }

    private static string Expected(ValueKind kind) => kind switch
    {
        ValueKind.Integer => "an integer",
        ValueKind.Number => "a finite number",
        ValueKind.String => "a string",
        ValueKind.Boolean => "true or false",
        ValueKind.Object => "an object",
        ValueKind.Array => "an array",
        _ => "a value of the schema's type",
    };

    /// <summary>A member's wire JSON against a value: numbers by value (<c>5</c> = <c>5.0</c>), everything else by text.</summary>
    private static bool SameJson(string wireJson, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number)
        {
            return double.TryParse(wireJson, NumberStyles.Float, CultureInfo.InvariantCulture, out var member)
                && member == value.GetDouble()
                && wireJson[0] != '"';
        }

        return value.ValueKind == JsonValueKind.String
            ? wireJson.Length > 1 && wireJson[0] == '"' && JsonSerializer.Deserialize(wireJson, OxenValidatorJsonContext.Default.String) == value.GetString()
            : wireJson == value.GetRawText();
    }
}
