using System.Text.Json;
using Oxen.Video.Validation;

namespace Oxen.Video;

/// <summary>
/// A request body for one Oxen model. The source generator implements it for every schema in
/// <c>OxenSchema</c>; the client sends any implementation without reflection.
/// </summary>
public interface IOxenRequest
{
    /// <summary>The model id sent as <c>"model"</c>, e.g. <c>kling-video-v2-6-pro-text-to-video</c>.</summary>
    string ModelId { get; }

    /// <summary>Checks every value against the model's schema and returns all problems found.</summary>
    OxenValidationResult Validate();

    /// <summary>
    /// Writes the whole request body, <c>{"model": "...", ...}</c>, with only the properties that are set.
    /// </summary>
    void WriteTo(Utf8JsonWriter writer);

    /// <summary>The registry entry of the request's model, when the request type is generated; null otherwise.</summary>
    Models.OxenModelInfo? ModelInfo => null;
}
