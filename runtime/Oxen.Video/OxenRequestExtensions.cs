using Oxen.Video.Validation;

namespace Oxen.Video;

/// <summary>Conveniences shared by every generated request.</summary>
public static class OxenRequestExtensions
{
    /// <summary>
    /// Validates the request and throws <see cref="OxenValidationException"/> listing every problem when it
    /// breaks its schema.
    /// </summary>
    /// <returns>The same request, for chaining.</returns>
    public static TRequest EnsureValid<TRequest>(this TRequest request)
        where TRequest : IOxenRequest
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate().ThrowIfInvalid(request.ModelId);
        return request;
    }

    /// <summary>The request body as JSON text: <c>{"model": "...", ...}</c> with the properties that are set.</summary>
    public static string ToJson(this IOxenRequest request) => Serialization.OxenJson.Serialize(request);
}
