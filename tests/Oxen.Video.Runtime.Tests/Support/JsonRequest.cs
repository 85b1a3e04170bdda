using System.Text.Json;
using Oxen.Video;
using Oxen.Video.Models;
using Oxen.Video.Validation;

namespace Oxen.Video.Runtime.Tests;

/// <summary>
/// A hand-written request with a fixed JSON body and, optionally, registry knowledge of its model (as generated
/// types give through <see cref="IOxenRequest.ModelInfo"/>).
/// </summary>
internal sealed class JsonRequest(string modelId, string bodyJson, OxenModelInfo? info = null) : IOxenRequest
{
    public string ModelId { get; } = modelId;

    public OxenModelInfo? ModelInfo { get; } = info;

    public OxenValidationResult Validate() => OxenValidationResult.Success;

    public void WriteTo(Utf8JsonWriter writer) => writer.WriteRawValue(bodyJson);

    /// <summary>Registry knowledge of a model: its parameters' defaults and its pricing.</summary>
    public static OxenModelInfo Info(string modelId, OxenModelPricing? pricing, params (string Name, string DefaultJson)[] defaults) =>
        new(
            modelId,
            modelId,
            null,
            "/videos/generate",
            typeof(JsonRequest),
            [.. defaults.Select(d => new OxenParameterInfo(d.Name, d.Name, OxenValueKind.Any, false, null, d.DefaultJson, []))],
            _ => throw new NotSupportedException())
        {
            Pricing = pricing,
        };
}
