using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Oxen.Video;

/// <summary>
/// The dependency-injection singleton behind transient typed <see cref="OxenClient"/>s: one event stream per hub
/// (base address) and API key, shared by every client of that pair, on a pipeline and connection of its own that
/// lives as long as the container.
/// </summary>
internal sealed class OxenSharedEventStreams(Func<HttpClient> createHttpClient, ILogger<OxenClient>? logger) : IDisposable
{
    private readonly object _gate = new();
    private readonly Dictionary<(string BaseAddress, string? ApiKey), (OxenPipeline Pipeline, OxenEventStream Stream)> _streams = [];
    private bool _disposed;

    /// <summary>The stream for the hub and key of <paramref name="pipeline"/>, made on first use.</summary>
    public OxenEventStream Get(OxenPipeline pipeline)
    {
        var key = (pipeline.BaseAddress.AbsoluteUri, pipeline.ApiKeyForIdentity);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_streams.TryGetValue(key, out var entry))
            {
                var own = new OxenPipeline(pipeline.Options, createHttpClient(), ownsHttp: false, downloadHttp: null, (ILogger?)logger ?? NullLogger.Instance);
                entry = (own, new OxenEventStream(new OxenQueueApi(own)));
                _streams[key] = entry;
            }

            return entry.Stream;
        }
    }

    public void Dispose()
    {
        (OxenPipeline Pipeline, OxenEventStream Stream)[] entries;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            entries = [.. _streams.Values];
            _streams.Clear();
        }

        foreach (var (pipeline, stream) in entries)
        {
            stream.Dispose();
            pipeline.Dispose();
        }
    }
}
