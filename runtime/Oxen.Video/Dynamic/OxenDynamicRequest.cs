using System.Collections.Generic;
using System.Text.Json;
using Oxen.Video.Schemas.Specs;
using Oxen.Video.Validation;

namespace Oxen.Video.Dynamic;

/// <summary>
/// A request for a model known only from its schema at run time (a hub model the build did not compile): the
/// values as JSON, validated by the same <see cref="OxenValidator"/> checks, paths and messages as a generated
/// <c>Validate()</c>, and written in the schema's property order with the exact JSON the caller gave.
/// </summary>
internal sealed class OxenDynamicRequest : IOxenRequest
{
    private readonly ModelSpec _model;
    private readonly Dictionary<string, JsonElement> _values;

    /// <param name="model">The model's spec, from the schema core's parser.</param>
    /// <param name="values">Parameter values by JSON name; each is cloned, so the caller's document may be disposed.</param>
    public OxenDynamicRequest(ModelSpec model, IEnumerable<KeyValuePair<string, JsonElement>> values)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(values);
        _model = model;
        _values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            _values[name] = value.Clone();
        }
    }

    /// <inheritdoc />
    public string ModelId => _model.Id;

    /// <summary>The values given, by JSON name.</summary>
    public IReadOnlyDictionary<string, JsonElement> Values => _values;

    /// <inheritdoc />
    public OxenValidationResult Validate()
    {
        var errors = new List<OxenValidationError>();
        foreach (var name in _values.Keys)
        {
            if (!_model.Request.Properties.Any(p => p.JsonName == name))
            {
                errors.Add(new(name, null, $"is not a parameter of {_model.Id}; allowed: {string.Join(", ", _model.Request.Properties.Select(p => p.JsonName))}."));
            }
        }

        new OxenDynamicValidator(_model, errors).AddErrors(_model.Request, _values, "");
        return errors.Count == 0 ? OxenValidationResult.Success : new OxenValidationResult(errors);
    }

    /// <inheritdoc />
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("model", _model.Id);
        foreach (var property in _model.Request.Properties)
        {
            if (_values.TryGetValue(property.JsonName, out var value) && value.ValueKind != JsonValueKind.Null)
            {
                writer.WritePropertyName(property.JsonName);
                value.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>Reads a request body (<c>{"model": ..., ...}</c>) for <paramref name="model"/>.</summary>
    /// <exception cref="JsonException">The body is not a JSON object, or names another model.</exception>
    public static OxenDynamicRequest Parse(ModelSpec model, ReadOnlySpan<byte> utf8Json)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var document = JsonDocument.Parse(utf8Json.ToArray());
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"A request body for {model.Id} must be a JSON object.");
        }

        var values = new List<KeyValuePair<string, JsonElement>>();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.Name == "model")
            {
                if (property.Value.ValueKind != JsonValueKind.String || property.Value.GetString() != model.Id)
                {
                    throw new JsonException($"The body's \"model\" is {property.Value.GetRawText()}, not \"{model.Id}\".");
                }

                continue;
            }

            values.Add(new(property.Name, property.Value));
        }

        return new OxenDynamicRequest(model, values);
    }
}
