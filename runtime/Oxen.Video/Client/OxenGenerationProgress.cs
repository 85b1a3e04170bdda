namespace Oxen.Video;

/// <summary>A report made while waiting for a generation.</summary>
/// <param name="GenerationId">The generation, or <see langword="null"/> for a synchronous generation.</param>
/// <param name="Status">The latest known status.</param>
/// <param name="Elapsed">The time since waiting began.</param>
public sealed record OxenGenerationProgress(string? GenerationId, OxenGenerationStatus Status, TimeSpan Elapsed);
