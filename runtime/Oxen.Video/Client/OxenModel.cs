using System.Text.Json;

namespace Oxen.Video;

/// <summary>A model object from <c>GET /api/ai/models/{id}</c>: typed basics over the whole JSON.</summary>
public sealed class OxenModel
{
    /// <summary>The model id (<c>id</c>, or <c>name</c> on the evaluations listing).</summary>
    public required string Id { get; init; }

    /// <summary>The name Oxen shows.</summary>
    public string? DisplayName { get; init; }

    /// <summary>The description.</summary>
    public string? Description { get; init; }

    /// <summary>The inference endpoint, <c>/videos/generate</c> for video models.</summary>
    public string? Endpoint { get; init; }

    /// <summary>The category (<c>model_type</c>).</summary>
    public string? ModelType { get; init; }

    /// <summary>The request schema (<c>request_schema</c> or <c>json_request_schema</c>), when the object has one.</summary>
    public JsonElement? RequestSchema { get; init; }

    /// <summary>The whole model object as received.</summary>
    public JsonElement Json { get; init; }

    /// <summary>Whether the model makes videos (endpoint <c>/videos/generate</c> or <c>video</c> among its outputs).</summary>
    public bool IsVideoModel
    {
        get
        {
            if (string.Equals(Endpoint, "/videos/generate", StringComparison.Ordinal))
            {
                return true;
            }

            return Json.ValueKind == JsonValueKind.Object
                && Json.TryGetProperty("capabilities", out var capabilities)
                && capabilities.ValueKind == JsonValueKind.Object
                && capabilities.TryGetProperty("output", out var output)
                && output.ValueKind == JsonValueKind.Array
                && output.EnumerateArray().Any(o => o.ValueKind == JsonValueKind.String && o.ValueEquals("video"));
        }
    }

    /// <inheritdoc />
    public override string ToString() => DisplayName is null ? Id : $"{Id} ({DisplayName})";

    internal static OxenModel FromJson(JsonElement element)
    {
        var wire = element.ValueKind == JsonValueKind.Object ? element.Deserialize(OxenJsonContext.Default.ModelWire) : null;
        return new OxenModel
        {
            Id = wire?.Id ?? wire?.Name
                ?? throw new OxenApiException(200, "invalid_response", "The model object has no id.", OxenApiException.Shorten(element.GetRawText()), null),
            DisplayName = wire?.DisplayName,
            Description = wire?.Description,
            Endpoint = wire?.Endpoint,
            ModelType = wire?.ModelType,
            RequestSchema = element.ValueKind == JsonValueKind.Object ? RequestSchemaOf(element) : null,
            Json = element.Clone(),
        };
    }

    /// <summary>
    /// The request schema, as the schema core tells the shapes apart (<c>request_schema</c>, or
    /// <c>json_request_schema</c> as an object or as JSON text); null when the object has none or it is not JSON.
    /// </summary>
    private static JsonElement? RequestSchemaOf(JsonElement model)
    {
        Schemas.Parsing.SchemaFile file;
        try
        {
            file = Schemas.Parsing.SchemaFile.Read(model.GetRawText(), fallbackId: string.Empty);
        }
        catch (Exception ex) when (ex is Schemas.Json.JsonSyntaxException or FormatException)
        {
            return null;
        }

        if (!file.IsModelObject || file.RequestSchema is not Schemas.Json.JsonObject schema)
        {
            return null;
        }

        using var document = JsonDocument.Parse(schema.RawText);
        return document.RootElement.Clone();
    }
}
