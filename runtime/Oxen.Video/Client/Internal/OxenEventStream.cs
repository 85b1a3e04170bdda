using System.Collections.Concurrent;

namespace Oxen.Video;

/// <summary>
/// The one connection to <c>GET /api/events</c> of a hub and key, shared by every awaited generation. It runs
/// (an <see cref="OxenEventSession"/>) while anything is awaited; completions reach their awaiters by id, and
/// those that arrive before anyone awaits them wait in an <see cref="OxenCompletionCache"/>.
/// </summary>
internal sealed class OxenEventStream : IDisposable
{
    /// <summary>How long <see cref="Dispose"/> waits for the loop to let go of its connection.</summary>
    private static readonly TimeSpan StopWait = TimeSpan.FromSeconds(10);

    private readonly OxenQueueApi _queue;
    private readonly object _gate = new();
    private readonly ConcurrentDictionary<string, OxenEventSubscription> _waiters = new(StringComparer.Ordinal);
    private readonly OxenCompletionCache _recent;
    private readonly OxenCatchUp _catchUp;
    private int _demand;
    private OxenEventSession? _session;
    private Task _lastLoop = Task.CompletedTask;
    private volatile bool _disposed;

    public OxenEventStream(OxenQueueApi queue)
    {
        _queue = queue;
        _recent = new OxenCompletionCache(queue.Pipeline.Time);
        _catchUp = new OxenCatchUp(queue, _waiters);
    }

    /// <summary>Registers demand for the stream (starting it when idle) before the id is known.</summary>
    public OxenEventSubscription Subscribe()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, typeof(OxenClient));
            _demand++;
            if (_session is null)
            {
                _session = OxenEventSession.Start(_lastLoop, _queue.Pipeline, _catchUp, Dispatch);
                _lastLoop = _session.Completion;
            }

            return new OxenEventSubscription(this, _session.Ready);
        }
    }

    public void Bind(OxenEventSubscription subscription, string id)
    {
        // Register first, then look at the recent completions; Dispatch does the reverse, so one of them sees both.
        _waiters[id] = subscription;
        if (_recent.TryGet(id, out var recent))
        {
            subscription.TryComplete(recent);
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

        OxenEventSession? stop = null;
        lock (_gate)
        {
            _demand--;
            if (_demand == 0 && _session is not null)
            {
                stop = _session;
                _session = null;
            }
        }

        stop?.Stop();
    }

    /// <summary>Stops the loop and waits (bounded) for it to end, so the connections it uses can go next.</summary>
    public void Dispose()
    {
        OxenEventSession? stop;
        Task loop;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            stop = _session;
            _session = null;
            loop = _lastLoop;
        }

        stop?.Stop();
        foreach (var waiter in _waiters.Values)
        {
            waiter.TryFail(new ObjectDisposedException(nameof(OxenClient)));
        }

        try
        {
            loop.Wait(StopWait);
        }
        catch (AggregateException)
        {
            // The loop ends on its own errors too; nothing is left to stop.
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

        var completion = new OxenCompletion(status, OxenResultUrl.Parse(completed.Url, _queue.Pipeline.BaseAddress), completed.Error, completed.Model, null);
        _recent.Remember(completed.GenerationId, completion);
        if (_waiters.TryGetValue(completed.GenerationId, out var waiter))
        {
            waiter.TryComplete(completion);
        }
    }
}
