using System.Collections.Concurrent;
using Oxen.Video;

namespace Oxen.Video.Runtime.Tests;

/// <summary>A synchronous <see cref="IProgress{T}"/> (unlike <see cref="Progress{T}"/>, which posts reports later).</summary>
internal sealed class RecordingProgress : IProgress<OxenGenerationProgress>
{
    private readonly ConcurrentQueue<OxenGenerationProgress> _reports = new();

    public IReadOnlyList<OxenGenerationProgress> Reports => [.. _reports];

    public string? GenerationId => _reports.FirstOrDefault(r => r.GenerationId is not null)?.GenerationId;

    public void Report(OxenGenerationProgress value) => _reports.Enqueue(value);
}
