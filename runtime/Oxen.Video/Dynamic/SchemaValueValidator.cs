using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Oxen.Video.Schemas.Specs;
using Oxen.Video.Validation;

namespace Oxen.Video;

/// <summary>
/// Walks JSON values against a parsed schema, reporting through <see cref="OxenValidator"/>: the same checks, in the
/// same order and words, as the <c>Validate()</c> the generator writes from the same spec.
/// </summary>
internal static class SchemaValueValidator
{
    public static void AddErrors(ModelSpec model, ObjectSpec spec, JsonObject values, string prefix, List<OxenValidationError> errors)
    {
        foreach (var property in spec.Properties)
        {
            var path = prefix + property.JsonName;
            values.TryGetPropertyValue(property.JsonName, out var value);
            if (value is null)
            {
                // JSON null where the schema allows it is a value; elsewhere it is as good as missing.
                var givenNull = property.Type.IsNullable && values.ContainsKey(property.JsonName);
                if (property.IsRequired && !givenNull)
                {
                    OxenValidator.Required(errors, path, null);
                }

                continue;
            }

            Check(model, property.Type, value, path, errors);
        }

        if (prefix.Length == 0)
        {
            AddMediaReferenceErrors(spec, values, errors);
        }

        foreach (var (name, _) in values)
        {
            if (!spec.Properties.Any(p => p.JsonName == name) && !(prefix.Length == 0 && name == "model"))
            {
                var known = string.Join(", ", spec.Properties.Select(p => p.JsonName));
                var owner = prefix.Length == 0 ? $"model '{model.Id}'" : prefix.TrimEnd('.');
                // A closed object says so: there the schema itself refuses the name, as the generated Parse does.
                var closed = spec.IsClosed ? ", whose schema allows no others (additionalProperties: false)" : "";
                var message = $"is not a parameter of {owner}{closed}; known: {known}.";
                errors.Add(new OxenValidationError(prefix + name, null, message));
            }
        }
    }

    private static void Check(ModelSpec model, TypeSpec type, JsonNode value, string path, List<OxenValidationError> errors)
    {
        var c = type.Constraints;
        var kind = value.GetValueKind();
        switch (type.Kind)
        {
            case ValueKind.String when kind == JsonValueKind.String && type.Media != MediaKind.None:
                OxenValidator.Media(errors, path, OxenMedia.FromUri(value.GetValue<string>()), ToRuntime(type.Media)!.Value);
                break;
            case ValueKind.String when kind == JsonValueKind.String:
                var text = value.GetValue<string>();
                if (c.HasLength)
                {
                    OxenValidator.Length(errors, path, text, c.MinLength ?? 0, c.MaxLength ?? int.MaxValue);
                }

                if (c.IsUri)
                {
                    OxenValidator.Uri(errors, path, text);
                }

                break;
            case ValueKind.Integer when Number(value) is { } integer && Math.Floor(integer) == integer:
            case ValueKind.Number when Number(value) is not null:
                if (c.HasRange)
                {
                    OxenValidator.Range(errors, path, Number(value)!.Value, c.Minimum ?? double.NegativeInfinity, c.Maximum ?? double.PositiveInfinity, c.ExclusiveMinimum, c.ExclusiveMaximum);
                }

                break;
            case ValueKind.Boolean when kind is JsonValueKind.True or JsonValueKind.False:
                break;
            case ValueKind.Enum:
                var members = model.Enums.First(e => e.TypeName == type.TypeName).Members;
                if (!members.Any(m => IsMember(m, value, kind)))
                {
                    OxenValidator.NotAllowed(errors, path, Describe(value), string.Join(", ", members.Select(m => m.WireJson)));
                }

                break;
            case ValueKind.Object when type.IsFreeObject && kind == JsonValueKind.Object:
                break;
            case ValueKind.Object when kind == JsonValueKind.Object:
                AddErrors(model, model.NestedObjects.First(o => o.TypeName == type.TypeName), (JsonObject)value, path + ".", errors);
                break;
            case ValueKind.Array when kind == JsonValueKind.Array:
                var items = (JsonArray)value;
                if (c.HasItemCount)
                {
                    OxenValidator.ItemCount(errors, path, items.Count, c.MinItems ?? 0, c.MaxItems ?? int.MaxValue);
                }

                for (var i = 0; i < items.Count; i++)
                {
                    var itemPath = path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                    if (items[i] is { } item)
                    {
                        Check(model, type.Item!, item, itemPath, errors);
                    }
                    else if (type.Item!.Kind != ValueKind.Any && !type.Item.IsNullable)
                    {
                        OxenValidator.Required(errors, itemPath, null);
                    }
                }

                break;
            case ValueKind.Any:
                break;
            default:
                errors.Add(new OxenValidationError(path, Describe(value), $"must be {Expected(type)}, not {Describe(value)}."));
                break;
        }
    }

    /// <summary>The prompt's <c>@Image1</c> tokens against the items given, as the generated <c>Validate()</c> checks them.</summary>
    private static void AddMediaReferenceErrors(ObjectSpec spec, JsonObject values, List<OxenValidationError> errors)
    {
        // The parser keeps references only for a request with a string prompt.
        if (!values.TryGetPropertyValue("prompt", out var prompt) || prompt?.GetValueKind() != JsonValueKind.String)
        {
            return;
        }

        foreach (var reference in spec.MediaReferences)
        {
            values.TryGetPropertyValue(reference.Field, out var field);
            var count = field switch
            {
                null => 0,
                JsonArray list => list.Count,
                _ => 1,
            };
            OxenValidator.MediaReferences(errors, "prompt", prompt.GetValue<string>(), reference.Pattern, reference.Field, count);
        }
    }

    /// <summary>The schema core's media kind as the runtime's; null for a value that is not media.</summary>
    internal static OxenMediaKind? ToRuntime(MediaKind kind) => kind switch
    {
        MediaKind.Image => OxenMediaKind.Image,
        MediaKind.Video => OxenMediaKind.Video,
        MediaKind.Audio => OxenMediaKind.Audio,
        _ => null,
    };

    private static bool IsMember(EnumMemberSpec member, JsonNode value, JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => member.StringValue == value.GetValue<string>(),
        JsonValueKind.True => member.WireJson == "true",
        JsonValueKind.False => member.WireJson == "false",
        JsonValueKind.Number => member.StringValue is null
            && double.TryParse(member.WireJson, NumberStyles.Float, CultureInfo.InvariantCulture, out var wire)
            && wire == Number(value),
        _ => false,
    };

    /// <summary>
    /// A JSON number's value, whatever .NET type the node holds (an int, a decimal, parsed text); null for other
    /// kinds and for numbers JSON cannot write (NaN, infinities), which are reported as not numbers.
    /// </summary>
    private static double? Number(JsonNode value)
    {
        if (value.GetValueKind() != JsonValueKind.Number)
        {
            return null;
        }

        try
        {
            var number = double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
            return double.IsFinite(number) ? number : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string Describe(JsonNode value) => value.GetValueKind() switch
    {
        JsonValueKind.String => OxenValidator.FormatString(value.GetValue<string>()),
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Number when Number(value) is null => "a number JSON cannot hold",
        _ => value.ToJsonString(),
    };

    private static string Expected(TypeSpec type) => type.Kind switch
    {
        ValueKind.String => "a string",
        ValueKind.Integer => "an integer",
        ValueKind.Number => "a number",
        ValueKind.Boolean => "true or false",
        ValueKind.Array => "an array",
        _ => "an object",
    };
}
