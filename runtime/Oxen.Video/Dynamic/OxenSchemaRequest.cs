using System.Text.Json;
using System.Text.Json.Nodes;
using Oxen.Video.Validation;

namespace Oxen.Video;

/// <summary>
/// A request for a model read at run time (<see cref="OxenModelSchema"/>): its parameters as JSON, checked by
/// <see cref="Validate"/> exactly as a generated request's would be, and sent as given.
/// </summary>
public sealed class OxenSchemaRequest : IOxenRequest
{
    private readonly JsonObject _parameters;

    internal OxenSchemaRequest(OxenModelSchema schema, JsonObject parameters)
    {
        Schema = schema;
        _parameters = parameters;
    }

    /// <summary>The model's schema.</summary>
    public OxenModelSchema Schema { get; }

    /// <inheritdoc />
    public string ModelId => Schema.ModelId;

    /// <summary>The parameters that will be sent (a copy).</summary>
    public JsonObject Parameters => (JsonObject)_parameters.DeepClone();

    /// <inheritdoc />
    public OxenValidationResult Validate()
    {
        var errors = new List<OxenValidationError>();
        SchemaValueValidator.AddErrors(Schema.Spec, Schema.Spec.Request, _parameters, "", errors);
        return errors.Count == 0 ? OxenValidationResult.Success : new OxenValidationResult(errors);
    }

    /// <inheritdoc />
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("model", ModelId);
        foreach (var (name, value) in _parameters)
        {
            if (name == "model")
            {
                continue; // The model id is written above; the schema reader never declares "model" (OXEN009).
            }

            writer.WritePropertyName(name);
            if (value is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                value.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }

    /// <inheritdoc />
    public override string ToString() => this.ToJson();
}
