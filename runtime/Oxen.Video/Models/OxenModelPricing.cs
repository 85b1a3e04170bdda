using System.Collections.Generic;

namespace Oxen.Video.Models;

/// <summary>A model's <c>pricing</c> object, as cached.</summary>
/// <param name="Method">How the price is counted, e.g. <c>per_video_output_second</c>.</param>
/// <param name="CostPerSecond">USD per output second.</param>
/// <param name="CostPerSecondWithAudio">USD per output second with audio, when it differs.</param>
/// <param name="CostPerSecondByResolution">USD per output second by resolution, when it differs.</param>
public sealed partial record OxenModelPricing(
    string? Method,
    double? CostPerSecond,
    double? CostPerSecondWithAudio,
    IReadOnlyDictionary<string, double>? CostPerSecondByResolution);
