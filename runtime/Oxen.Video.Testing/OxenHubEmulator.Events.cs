using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace Oxen.Video.Testing;

/// <summary><c>GET /api/events</c>: server-sent events with keep-alive comments and no replay.</summary>
public sealed partial class OxenHubEmulator
{
    private async Task StreamEventsAsync(HttpContext context)
    {
        // Registered before the headers go out: once a client sees the answer, it receives every later event.
        var connection = _events.Add(context);
        Counters.EventStreamOpened();
        try
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _shutdown.Token, connection.Drop.Token);
            context.Response.StatusCode = 200;
            context.Response.ContentType = "text/event-stream";
            context.Response.Headers.CacheControl = "no-cache";
            await context.Response.WriteAsync("event: connected\ndata: {\"type\":\"connected\"}\n\n", stop.Token).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(stop.Token).ConfigureAwait(false);
            while (true)
            {
                string frame;
                using (var timer = new CancellationTokenSource(_options.KeepAliveInterval, Time))
                using (var tick = CancellationTokenSource.CreateLinkedTokenSource(stop.Token, timer.Token))
                {
                    try
                    {
                        frame = await connection.Frames.Reader.ReadAsync(tick.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (!stop.IsCancellationRequested)
                    {
                        frame = ": keep-alive\n\n";
                        Counters.KeepAliveSent();
                    }
                }

                await context.Response.WriteAsync(frame, stop.Token).ConfigureAwait(false);
                await context.Response.Body.FlushAsync(stop.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException or IOException or ObjectDisposedException)
        {
            // The client left, the stream was dropped, or the emulator stops.
        }
        finally
        {
            _events.Remove(connection);
            if (connection.Drop.IsCancellationRequested || _shutdown.IsCancellationRequested)
            {
                // A reset, not a clean end: what a client sees when a proxy or the hub drops it.
                context.Abort();
            }

            Counters.EventStreamClosed();
        }
    }
}
