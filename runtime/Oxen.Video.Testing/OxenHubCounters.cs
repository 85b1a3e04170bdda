using System.Collections.Concurrent;

namespace Oxen.Video.Testing;

/// <summary>What an <see cref="OxenHubEmulator"/> has seen, for assertions.</summary>
public sealed class OxenHubCounters
{
    private readonly ConcurrentDictionary<string, int> _requests = new(StringComparer.Ordinal);
    private int _apiRequests;
    private int _eventStreamConnections;
    private int _activeEventStreams;
    private int _enqueuedGenerations;
    private int _syncGenerations;
    private int _downloads;
    private int _downloadAuthorizationHeaders;
    private int _keepAlives;
    private int _uploads;
    private int _repositoriesCreated;

    /// <summary>Requests received on the API origin, every path.</summary>
    public int ApiRequests => Volatile.Read(ref _apiRequests);

    /// <summary>Event-stream connections opened.</summary>
    public int EventStreamConnections => Volatile.Read(ref _eventStreamConnections);

    /// <summary>Event-stream connections open now.</summary>
    public int ActiveEventStreams => Volatile.Read(ref _activeEventStreams);

    /// <summary>Generations created by <c>POST /api/ai/queue</c> (each of <c>num_generations</c> counts).</summary>
    public int EnqueuedGenerations => Volatile.Read(ref _enqueuedGenerations);

    /// <summary>Synchronous generations answered.</summary>
    public int SyncGenerations => Volatile.Read(ref _syncGenerations);

    /// <summary>Requests received on the download origin.</summary>
    public int Downloads => Volatile.Read(ref _downloads);

    /// <summary><c>: keep-alive</c> comments sent, on every event stream.</summary>
    public int KeepAlivesSent => Volatile.Read(ref _keepAlives);

    /// <summary>
    /// Uploads stored: <c>PUT</c>s of the repository file API answered 200 (one per request, whatever its number of
    /// files). Faulted or refused ones are not counted; <c>Requests("PUT", "/api/repos/*")</c> counts every attempt.
    /// </summary>
    public int Uploads => Volatile.Read(ref _uploads);

    /// <summary>Repositories created by <c>POST /api/repos</c> (answered 200).</summary>
    public int RepositoriesCreated => Volatile.Read(ref _repositoriesCreated);

    /// <summary>Whether any request to the download origin carried an <c>Authorization</c> header.</summary>
    public bool DownloadOriginSawAuthorization => Volatile.Read(ref _downloadAuthorizationHeaders) > 0;

    /// <summary>
    /// Requests received (on either origin) with this method (or <c>*</c>) and path (exact, or a prefix ending in
    /// <c>*</c>), faulted ones included.
    /// </summary>
    public int Requests(string method, string path)
    {
        var total = 0;
        var probe = new InjectedResponse(method, path, 1, 0, null, false);
        foreach (var (key, count) in _requests)
        {
            var space = key.IndexOf(' ', StringComparison.Ordinal);
            if (probe.Matches(key[..space], key[(space + 1)..]))
            {
                total += count;
            }
        }

        return total;
    }

    internal void CountRequest(string method, string path, bool api)
    {
        _requests.AddOrUpdate($"{method} {path}", 1, static (_, n) => n + 1);
        if (api)
        {
            Interlocked.Increment(ref _apiRequests);
        }
        else
        {
            Interlocked.Increment(ref _downloads);
        }
    }

    internal void EventStreamOpened()
    {
        Interlocked.Increment(ref _eventStreamConnections);
        Interlocked.Increment(ref _activeEventStreams);
    }

    internal void EventStreamClosed() => Interlocked.Decrement(ref _activeEventStreams);

    internal void Enqueued(int count) => Interlocked.Add(ref _enqueuedGenerations, count);

    internal void SyncGenerated() => Interlocked.Increment(ref _syncGenerations);

    internal void KeepAliveSent() => Interlocked.Increment(ref _keepAlives);

    internal void Uploaded() => Interlocked.Increment(ref _uploads);

    internal void RepositoryCreated() => Interlocked.Increment(ref _repositoriesCreated);

    internal void DownloadAuthorizationSeen() => Interlocked.Increment(ref _downloadAuthorizationHeaders);
}
