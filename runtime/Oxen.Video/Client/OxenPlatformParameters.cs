using System.Text.Json;
using Oxen.Video.Validation;

namespace Oxen.Video;

/// <summary>
/// Platform parameters that live outside a model's schema (<c>response_format</c>, <c>target_namespace</c>),
/// added to any request without changing its type.
/// </summary>
public static class OxenPlatformParameters
{
    /// <summary>Asks a synchronous generation for a URL (default) or the MP4 inline as base64.</summary>
    /// <returns>A request that writes the same body plus <c>response_format</c>.</returns>
    public static IOxenRequest WithResponseFormat(this IOxenRequest request, OxenResponseFormat format)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = format switch
        {
            OxenResponseFormat.Url => "url",
            OxenResponseFormat.Base64Json => "b64_json",
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown response format."),
        };
        return new PlatformRequest(request, new OxenBodyProperty("response_format", text, null));
    }

    /// <summary>Stores the result in the given Oxen namespace (<c>target_namespace</c>).</summary>
    /// <returns>A request that writes the same body plus <c>target_namespace</c>.</returns>
    public static IOxenRequest WithTargetNamespace(this IOxenRequest request, string targetNamespace)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(targetNamespace);
        return new PlatformRequest(request, new OxenBodyProperty("target_namespace", targetNamespace, null));
    }

    /// <summary>A request plus one platform parameter; the body writer unwraps a chain of these and writes once.</summary>
    internal sealed class PlatformRequest(IOxenRequest inner, OxenBodyProperty property) : IOxenRequest
    {
        public IOxenRequest Inner => inner;

        public OxenBodyProperty Property => property;

        public string ModelId => inner.ModelId;

        public Models.OxenModelInfo? ModelInfo => inner.ModelInfo;

        public OxenValidationResult Validate() => inner.Validate();

        public void WriteTo(Utf8JsonWriter writer)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WriteRawValue(OxenRequestBody.Write(this), skipInputValidation: true);
        }

        public override string ToString() => $"{inner} + {property.Name}";
    }
}
