using System.Globalization;
using Oxen.Video.Models;

namespace Oxen.Video;

/// <summary>
/// A request was refused before sending: its estimated cost per generation is above
/// <see cref="OxenClientOptions.MaxCostPerGeneration"/>, or unknown while <see cref="OxenClientOptions.AllowUnknownCost"/>
/// is off. Nothing was sent or paid for.
/// </summary>
public sealed class OxenCostLimitException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="modelId">The request's model.</param>
    /// <param name="estimate">The estimate, or <see langword="null"/> when the cost is unknown.</param>
    /// <param name="maxCostPerGeneration">The limit.</param>
    public OxenCostLimitException(string modelId, OxenCostEstimate? estimate, decimal maxCostPerGeneration)
        : base(BuildMessage(modelId, estimate, maxCostPerGeneration))
    {
        ModelId = modelId;
        Estimate = estimate;
        MaxCostPerGeneration = maxCostPerGeneration;
    }

    /// <summary>The request's model.</summary>
    public string ModelId { get; }

    /// <summary>The estimate, or <see langword="null"/> when the cost is unknown.</summary>
    public OxenCostEstimate? Estimate { get; }

    /// <summary>The limit it broke, USD per generation.</summary>
    public decimal MaxCostPerGeneration { get; }

    private static string BuildMessage(string modelId, OxenCostEstimate? estimate, decimal max) =>
        estimate is null
            ? string.Create(CultureInfo.InvariantCulture, $"The cost of a '{modelId}' generation is unknown (no public price, or no duration), and MaxCostPerGeneration is ${max:0.00##}; nothing was sent. Set AllowUnknownCost to send it anyway.")
            : string.Create(CultureInfo.InvariantCulture, $"A '{modelId}' generation is estimated at ${estimate.PerGenerationUsd:0.00##} ({estimate.Reason}), above MaxCostPerGeneration ${max:0.00##}; nothing was sent.");
}
