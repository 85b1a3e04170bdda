using System.Net;
using System.Net.ServerSentEvents;
using System.Text.Json;

namespace Oxen.Video;

/// <summary>
/// One period of demand for the event stream: the connection loop (connect, read, reconnect with backoff, fall
/// back to polling when the hub has no stream), a catch-up after each connect, and the safety poll beside it.
/// It ends when <see cref="Stop"/> is called; its cancellation source is disposed once the loop has ended.
/// </summary>
internal sealed class OxenEventSession
{
    private const string CompletedEventType = "media_generation_completed";
    private static readonly TimeSpan MinimumFailureDelay = TimeSpan.FromMilliseconds(50);

    private readonly OxenPipeline _pipeline;
    private readonly OxenCatchUp _catchUp;
    private readonly Action<CompletedEventWire> _dispatch;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<Task> _catchUps = [];
    private volatile bool _connected;

    private OxenEventSession(OxenPipeline pipeline, OxenCatchUp catchUp, Action<CompletedEventWire> dispatch)
    {
        _pipeline = pipeline;
        _catchUp = catchUp;
        _dispatch = dispatch;
    }

    /// <summary>Completes once the first connection attempt has ended (connected or not).</summary>
    public Task Ready => _ready.Task;

    /// <summary>Completes when the loop, its catch-ups and its poll have all ended.</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    private OxenClientOptions Options => _pipeline.Options;

    /// <summary>Starts a session once <paramref name="previous"/> has ended (at most one connection at a time).</summary>
    public static OxenEventSession Start(Task previous, OxenPipeline pipeline, OxenCatchUp catchUp, Action<CompletedEventWire> dispatch)
    {
        var session = new OxenEventSession(pipeline, catchUp, dispatch);
        session.Completion = Task.Run(() => session.RunAsync(previous));
        return session;
    }

    /// <summary>Ends the session (called once); the cancellation source is disposed after the loop ends.</summary>
    public void Stop()
    {
        _stop.Cancel();
        _ = Completion.ContinueWith(static (_, state) => ((CancellationTokenSource)state!).Dispose(), _stop, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task RunAsync(Task previous)
    {
        var token = _stop.Token;
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        var poller = OxenSafetyPoll.RunAsync(Options, _pipeline.Time, () => _connected, _catchUp, token);
        var delay = Options.SseReconnectDelay;
        try
        {
            while (!token.IsCancellationRequested)
            {
                var (kind, reason) = await ConnectAndReadAsync(token).ConfigureAwait(false);
                _ready.TrySetResult();
                token.ThrowIfCancellationRequested();
                if (kind == SessionEnd.Unsupported)
                {
                    // Fall back to polling alone (the poller runs at the queue's pace while disconnected).
                    OxenLog.EventStreamUnavailable(_pipeline.Logger, reason);
                    await Task.Delay(Timeout.InfiniteTimeSpan, _pipeline.Time, token).ConfigureAwait(false);
                }

                if (kind == SessionEnd.Dropped)
                {
                    delay = Options.SseReconnectDelay;
                }

                var wait = TimeSpan.FromMilliseconds(delay.TotalMilliseconds * (0.5 + (Random.Shared.NextDouble() / 2)));
                OxenLog.EventStreamLost(_pipeline.Logger, reason, (long)wait.TotalMilliseconds);
                await Task.Delay(wait, _pipeline.Time, token).ConfigureAwait(false);
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
            _ready.TrySetResult();
            await poller.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            Task[] catchUps;
            lock (_catchUps)
            {
                catchUps = [.. _catchUps];
            }

            await Task.WhenAll(catchUps).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            OxenLog.EventStreamStopped(_pipeline.Logger);
        }
    }

    private async Task<(SessionEnd Kind, string Reason)> ConnectAndReadAsync(CancellationToken token)
    {
        HttpResponseMessage response;
        try
        {
            response = await _pipeline.SendAsync(OxenCalls.Events(_pipeline), HttpCompletionOption.ResponseHeadersRead, followRedirects: false, token).ConfigureAwait(false);
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
            _ready.TrySetResult();
            OxenLog.EventStreamConnected(_pipeline.Logger);
            CatchUpAfterConnect(token);
            // The idle bound runs on the client's clock (a test's fake one too), re-armed by every read.
            using var idleTimer = new CancellationTokenSource(Options.SseIdleTimeout, _pipeline.Time);
            using var idle = CancellationTokenSource.CreateLinkedTokenSource(token, idleTimer.Token);
            try
            {
                var raw = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
                var stream = new OxenActivityStream(raw, () => idleTimer.CancelAfter(Options.SseIdleTimeout));
                await using (stream.ConfigureAwait(false))
                {
                    var parser = SseParser.Create(stream, static (type, data) => type == CompletedEventType ? ParseCompleted(data) : null);
                    await foreach (var item in parser.EnumerateAsync(idle.Token).ConfigureAwait(false))
                    {
                        if (item.Data is { } completed)
                        {
                            _dispatch(completed);
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

    /// <summary>Events are not replayed: ask about every awaited id, tracked so the session ends after it.</summary>
    private void CatchUpAfterConnect(CancellationToken token)
    {
        var task = _catchUp.RunAsync(token);
        lock (_catchUps)
        {
            _catchUps.RemoveAll(static t => t.IsCompleted);
            _catchUps.Add(task);
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

    private enum SessionEnd
    {
        Dropped,
        Failed,
        Unsupported,
    }
}
