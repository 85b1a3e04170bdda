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

    /// <summary>
    /// Estimates what the request will cost from its model's pricing (<see cref="IOxenRequest.ModelInfo"/>): the
    /// request's duration or the schema's default, the audio and resolution rates, and <c>num_generations</c>.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="numGenerations">How many generations it will make (as given to <see cref="OxenClient.EnqueueAsync"/>).</param>
    /// <returns>The estimate, or <see langword="null"/> when the price or the duration is unknown (never a guess).</returns>
    public static Models.OxenCostEstimate? EstimateCost(this IOxenRequest request, int numGenerations = 1)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ModelInfo is not { Pricing: { } pricing } info)
        {
            return null;
        }

        return pricing.Estimate(request, info.Parameters, numGenerations);
    }

    /// <summary>The request body as JSON text: <c>{"model": "...", ...}</c> with the properties that are set.</summary>
    public static string ToJson(this IOxenRequest request) => Serialization.OxenJson.Serialize(request);
}
