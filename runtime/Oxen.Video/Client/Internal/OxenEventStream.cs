using System.Collections.Concurrent;
using System.Net;
using System.Net.ServerSentEvents;
using System.Text.Json;

namespace Oxen.Video;

/// <summary>
/// The client's one connection to <c>GET /api/events</c>, shared by every awaited generation. A background loop
/// runs while anything is awaited: it reconnects with backoff, asks the queue for every awaited id after each
/// (re)connect (events are not replayed), and polls slowly all along (a cancelled generation sends no event) or
/// at the queue's pace while the stream cannot be had.
/// </summary>
internal sealed class OxenEventStream : IDisposable
{
    private const string CompletedEventType = "media_generation_completed";
    private const int RecentPruneThreshold = 256;
    private static readonly TimeSpan RecentWindow = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan MinimumFailureDelay = TimeSpan.FromMilliseconds(50);

    private readonly OxenClient _client;
    private readonly object _gate = new();
    private readonly ConcurrentDictionary<string, OxenEventSubscription> _waiters = new(StringComparer.Ordinal);

    // Completions seen for ids nobody awaits yet: an event can beat the enqueue answer to the client.
    private readonly ConcurrentDictionary<string, (OxenCompletion Completion, long At)> _recent = new(StringComparer.Ordinal);
    private int _demand;
    private CancellationTokenSource? _loopCts;
    private Task _loop = Task.CompletedTask;
    private Task _ready = Task.CompletedTask;
    private volatile bool _connected;
    private volatile bool _disposed;

    public OxenEventStream(OxenClient client) => _client = client;

    private OxenClientOptions Options => _client.Options;

    /// <summary>Registers demand for the stream (starting it when idle) before the id is known.</summary>
    public OxenEventSubscription Subscribe()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, typeof(OxenClient));
            _demand++;
            if (_loopCts is null)
            {
                var previous = _loop;
                var cts = new CancellationTokenSource();
                var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _loopCts = cts;
                _ready = ready.Task;
                _loop = Task.Run(() => RunAsync(previous, ready, cts.Token));
            }

            return new OxenEventSubscription(this, _ready);
        }
    }

    public void Bind(OxenEventSubscription subscription, string id)
    {
        // Register first, then look at the recent completions; Dispatch does the reverse, so one of them sees both.
        _waiters[id] = subscription;
        if (_recent.TryGetValue(id, out var recent))
        {
            subscription.TryComplete(recent.Completion);
        }

        if (_disposed)
        {
            subscription.TryFail(new ObjectDisposedException(nameof(OxenClient)));
        }
    }

    public void Release(OxenEventSubscription subscription)
    {
        if (subscription.Id is { } id)
        {
            _waiters.TryRemove(new KeyValuePair<string, OxenEventSubscription>(id, subscription));
        }

        CancellationTokenSource? stop = null;
        lock (_gate)
        {
            _demand--;
            if (_demand == 0 && _loopCts is not null)
            {
                stop = _loopCts;
                _loopCts = null;
            }
        }

        stop?.Cancel();
    }

    public void Dispose()
    {
        CancellationTokenSource? stop;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            stop = _loopCts;
            _loopCts = null;
        }

        stop?.Cancel();
        foreach (var waiter in _waiters.Values)
        {
            waiter.TryFail(new ObjectDisposedException(nameof(OxenClient)));
        }
    }

    private async Task RunAsync(Task previous, TaskCompletionSource ready, CancellationToken token)
    {
        // At most one connection at a time: let a stopping session close its stream first.
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        var poller = PollLoopAsync(token);
        var delay = Options.SseReconnectDelay;
        try
        {
            while (!token.IsCancellationRequested)
            {
                var (kind, reason) = await ConnectAndReadAsync(ready, token).ConfigureAwait(false);
                ready.TrySetResult();
                token.ThrowIfCancellationRequested();
                if (kind == SessionEnd.Unsupported)
                {
                    // Fall back to polling alone (the poller runs at the queue's pace while disconnected).
                    OxenLog.EventStreamUnavailable(_client.Logger, reason);
                    await Task.Delay(Timeout.InfiniteTimeSpan, _client.Time, token).ConfigureAwait(false);
                }

                if (kind == SessionEnd.Dropped)
                {
                    delay = Options.SseReconnectDelay;
                }

                var wait = TimeSpan.FromMilliseconds(delay.TotalMilliseconds * (0.5 + (Random.Shared.NextDouble() / 2)));
                OxenLog.EventStreamLost(_client.Logger, reason, (long)wait.TotalMilliseconds);
                await Task.Delay(wait, _client.Time, token).ConfigureAwait(false);
                if (kind == SessionEnd.Failed)
                {
                    var doubled = delay * 2;
                    delay = doubled < MinimumFailureDelay ? MinimumFailureDelay
                        : doubled > Options.SseMaxReconnectDelay ? Options.SseMaxReconnectDelay
                        : doubled;
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Nothing awaited any more, or the client was disposed.
        }
        finally
        {
            _connected = false;
            ready.TrySetResult();
            await poller.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            OxenLog.EventStreamStopped(_client.Logger);
        }
    }

    private async Task<(SessionEnd Kind, string Reason)> ConnectAndReadAsync(TaskCompletionSource ready, CancellationToken token)
    {
        HttpResponseMessage response;
        try
        {
            response = await _client.SendWithRetriesAsync(_client.ApiHttp, _client.EventsCall(), HttpCompletionOption.ResponseHeadersRead, followRedirects: false, token).ConfigureAwait(false);
        }
        catch (OxenApiException ex) when (ex.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotImplemented)
        {
            return (SessionEnd.Unsupported, $"HTTP {(int)ex.StatusCode}");
        }
        catch (Exception ex) when (!token.IsCancellationRequested)
        {
            return (SessionEnd.Failed, ex.Message);
        }

        using (response)
        {
            if (!string.Equals(response.Content.Headers.ContentType?.MediaType, "text/event-stream", StringComparison.OrdinalIgnoreCase))
            {
                return (SessionEnd.Unsupported, $"answered {response.Content.Headers.ContentType?.MediaType ?? "no content type"}, not text/event-stream");
            }

            _connected = true;
            ready.TrySetResult();
            OxenLog.EventStreamConnected(_client.Logger);
            _ = CatchUpAsync(token);
            using var idle = CancellationTokenSource.CreateLinkedTokenSource(token);
            idle.CancelAfter(Options.SseIdleTimeout);
            try
            {
                var raw = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
                var stream = new OxenActivityStream(raw, () => idle.CancelAfter(Options.SseIdleTimeout));
                await using (stream.ConfigureAwait(false))
                {
                    var parser = SseParser.Create(stream, static (type, data) => type == CompletedEventType ? ParseCompleted(data) : null);
                    await foreach (var item in parser.EnumerateAsync(idle.Token).ConfigureAwait(false))
                    {
                        if (item.Data is { } completed)
                        {
                            Dispatch(completed);
                        }
                    }
                }

                return (SessionEnd.Dropped, "the server closed the stream");
            }
            catch (OperationCanceledException) when (!token.IsCancellationRequested)
            {
                return (SessionEnd.Dropped, $"nothing received for {Options.SseIdleTimeout}");
            }
            catch (Exception ex) when (!token.IsCancellationRequested && ex is IOException or HttpRequestException or ObjectDisposedException)
            {
                return (SessionEnd.Dropped, ex.Message);
            }
            finally
            {
                _connected = false;
            }
        }
    }

    private static CompletedEventWire? ParseCompleted(ReadOnlySpan<byte> data)
    {
        try
        {
            return JsonSerializer.Deserialize(data, OxenJsonContext.Default.CompletedEventWire);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private void Dispatch(CompletedEventWire completed)
    {
        if (string.IsNullOrEmpty(completed.GenerationId))
        {
            return;
        }

        var status = OxenGenerationStatusText.Parse(completed.Status);
        if (!OxenGenerationStatusText.IsTerminal(status))
        {
            status = completed.Url is not null ? OxenGenerationStatus.Succeeded
                : completed.Error is not null ? OxenGenerationStatus.Failed
                : OxenGenerationStatus.Unknown;
            if (status == OxenGenerationStatus.Unknown)
            {
                return;
            }
        }

        var completion = new OxenCompletion(status, OxenResultUrl.Parse(completed.Url, _client.BaseAddress), completed.Error, completed.Model, null);
        Remember(completed.GenerationId, completion);
        if (_waiters.TryGetValue(completed.GenerationId, out var waiter))
        {
            waiter.TryComplete(completion);
        }
    }

    private void Remember(string id, OxenCompletion completion)
    {
        var now = _client.Time.GetTimestamp();
        _recent[id] = (completion, now);
        if (_recent.Count > RecentPruneThreshold)
        {
            foreach (var entry in _recent)
            {
                if (_client.Time.GetElapsedTime(entry.Value.At, now) > RecentWindow)
                {
                    _recent.TryRemove(entry);
                }
            }
        }
    }

    /// <summary>Polls awaited ids: slowly while connected (a safety net), at the queue's pace while not.</summary>
    private async Task PollLoopAsync(CancellationToken token)
    {
        var interval = Options.PollInitialInterval;
        try
        {
            while (!token.IsCancellationRequested)
            {
                var connected = _connected;
                await Task.Delay(connected ? Options.PollMaxInterval : interval, _client.Time, token).ConfigureAwait(false);
                interval = connected ? Options.PollInitialInterval : OxenGenerationOperation.Grow(interval, Options);
                if (!connected && _connected)
                {
                    continue; // The stream came up meanwhile, and connecting already caught up.
                }

                await CatchUpAsync(token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Stopped.
        }
    }

    /// <summary>
    /// Asks the queue about every awaited generation: one list of the active ones first, then one GET for each
    /// awaited id the list does not hold (ended, so its event was lost, or it was cancelled), so a round costs
    /// one request however many generations are awaited.
    /// </summary>
    private async Task CatchUpAsync(CancellationToken token)
    {
        var waiters = _waiters.ToArray();
        if (waiters.Length == 0)
        {
            return;
        }

        if (waiters.Length > 1)
        {
            waiters = await ReportActiveAsync(waiters, token).ConfigureAwait(false);
        }

        try
        {
            await Parallel.ForEachAsync(
                waiters,
                new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = token },
                (entry, ct) => new ValueTask(CheckAsync(entry.Key, entry.Value, ct))).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Stopped.
        }
    }

    /// <summary>Reports the listed active generations; returns the awaited ones the list did not hold.</summary>
    private async Task<KeyValuePair<string, OxenEventSubscription>[]> ReportActiveAsync(KeyValuePair<string, OxenEventSubscription>[] waiters, CancellationToken token)
    {
        OxenGenerationList active;
        try
        {
            active = await _client.ListGenerationsAsync(cancellationToken: token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
        {
            OxenLog.PollFailed(_client.Logger, "(list)", ex.Message);
            return waiters; // Ask one by one instead.
        }

        var listed = new Dictionary<string, OxenGeneration>(StringComparer.Ordinal);
        foreach (var generation in active.Generations)
        {
            listed[generation.GenerationId] = generation;
        }

        var rest = new List<KeyValuePair<string, OxenEventSubscription>>();
        foreach (var waiter in waiters)
        {
            if (listed.TryGetValue(waiter.Key, out var snapshot))
            {
                waiter.Value.Report(snapshot);
            }
            else
            {
                rest.Add(waiter);
            }
        }

        return [.. rest];
    }

    private async Task CheckAsync(string id, OxenEventSubscription waiter, CancellationToken token)
    {
        if (waiter.Completion.IsCompleted)
        {
            return;
        }

        try
        {
            var snapshot = await _client.GetGenerationAsync(id, token).ConfigureAwait(false);
            waiter.Report(snapshot);
        }
        catch (Exception ex) when (OxenGenerationOperation.IsTransient(ex, token))
        {
            OxenLog.PollFailed(_client.Logger, id, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Not transient (unknown id, bad key, ...): waiting longer will not help.
            waiter.TryFail(ex);
        }
    }

    private enum SessionEnd
    {
        Dropped,
        Failed,
        Unsupported,
    }
}
