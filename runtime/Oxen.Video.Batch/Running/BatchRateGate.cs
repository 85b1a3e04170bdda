using System.Net;

namespace Oxen.Video.Batch;

/// <summary>
/// One gate for the whole batch: a 429's <c>Retry-After</c> closes it until then, and every worker waits at it
/// before its next enqueue, so the hub sees the batch slow down, not one worker among many.
/// </summary>
internal sealed class BatchRateGate(TimeProvider time)
{
    private long _openAtTicks;
    private int _closures;

    public int Closures => Volatile.Read(ref _closures);

    public DateTimeOffset OpenAt => new(Interlocked.Read(ref _openAtTicks), TimeSpan.Zero);

    public void Close(TimeSpan wait)
    {
        Interlocked.Increment(ref _closures);
        var until = time.GetUtcNow().Add(wait < TimeSpan.Zero ? TimeSpan.Zero : wait).UtcTicks;
        var current = Interlocked.Read(ref _openAtTicks);
        while (until > current)
        {
            var seen = Interlocked.CompareExchange(ref _openAtTicks, until, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var left = OpenAt - time.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(left, time, cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>Sees every answer on the API connection and closes the batch's gate on a 429.</summary>
internal sealed class RateLimitObserver(BatchRateGate gate, TimeProvider time, TimeSpan fallback, HttpMessageHandler inner)
    : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            gate.Close(RetryAfter(response) ?? fallback);
        }

        return response;
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow(),
        _ => null,
    };
}
