namespace Oxen.Video.Models;

/// <summary>What a request should cost, from its model's public pricing, before anything is sent.</summary>
/// <param name="TotalUsd">USD for every generation the request makes.</param>
/// <param name="PerGenerationUsd">USD for one generation: <see cref="RatePerSecondUsd"/> × <see cref="DurationSeconds"/>.</param>
/// <param name="RatePerSecondUsd">The rate used, USD per output second.</param>
/// <param name="DurationSeconds">The output duration used, in seconds.</param>
/// <param name="Generations">How many generations it counts (<c>num_generations</c>).</param>
/// <param name="Reason">How it was reached, e.g. <c>5 s (duration, the schema's default) × $0.14/s (with audio) × 1 = $0.70</c>.</param>
public sealed record OxenCostEstimate(
    decimal TotalUsd,
    decimal PerGenerationUsd,
    decimal RatePerSecondUsd,
    decimal DurationSeconds,
    int Generations,
    string Reason)
{
    /// <summary>Whether the audio rate was used (<c>generate_audio</c> true, or its default true).</summary>
    public bool WithAudio { get; init; }

    /// <summary>The resolution whose rate was used, when the pricing has one for it.</summary>
    public string? Resolution { get; init; }

    /// <inheritdoc />
    public override string ToString() => Reason;
}
