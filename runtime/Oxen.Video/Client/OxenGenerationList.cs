namespace Oxen.Video;

/// <summary>The answer of <c>GET /api/ai/queue</c>.</summary>
/// <param name="Count">The count the API reported (the number of items when it reported none).</param>
/// <param name="Generations">The generations listed.</param>
public sealed record OxenGenerationList(int Count, IReadOnlyList<OxenGeneration> Generations);
