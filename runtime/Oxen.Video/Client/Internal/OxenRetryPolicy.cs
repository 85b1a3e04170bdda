using System.Net.Http.Headers;

namespace Oxen.Video;

/// <summary>Which failures a request may be repeated after.</summary>
internal enum OxenRetryKind
{
    /// <summary>Never repeated by the core (the caller retries, e.g. the event stream).</summary>
    None,

    /// <summary>GET and DELETE: repeated on 408, 429, 5xx, transport errors and timeouts.</summary>
    Idempotent,

    /// <summary>
    /// Requests that create billed work (enqueue, sync generate): repeated only on 429 or when the connection failed
    /// before anything was sent, since the API has no idempotency key.
    /// </summary>
    CreatesWork,
}

/// <summary>Exponential backoff with full jitter, <c>Retry-After</c> honoured, and what may be repeated.</summary>
internal static class OxenRetryPolicy
{
    public static bool ShouldRetry(OxenRetryKind kind, int statusCode) => kind switch
    {
        OxenRetryKind.Idempotent => statusCode is 408 or 429 || statusCode >= 500,
        OxenRetryKind.CreatesWork => statusCode == 429,
        _ => false,
    };

    public static bool ShouldRetry(OxenRetryKind kind, HttpRequestException exception) => kind switch
    {
        OxenRetryKind.Idempotent => true,
        OxenRetryKind.CreatesWork => exception.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError,
        _ => false,
    };

    public static bool ShouldRetryTimeout(OxenRetryKind kind) => kind == OxenRetryKind.Idempotent;

    /// <summary>The wait before retry number <paramref name="attempt"/> (0 for the first retry).</summary>
    public static TimeSpan GetDelay(int attempt, TimeSpan? retryAfter, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        if (maxDelay < TimeSpan.Zero)
        {
            maxDelay = TimeSpan.Zero;
        }

        if (retryAfter is { } asked)
        {
            return asked < TimeSpan.Zero ? TimeSpan.Zero : asked > maxDelay ? maxDelay : asked;
        }

        var ceiling = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30));
        ceiling = Math.Min(ceiling, maxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * Math.Max(0, ceiling));
    }

    /// <summary>Reads <c>Retry-After</c> as delta seconds or as an HTTP date.</summary>
    public static TimeSpan? GetRetryAfter(HttpResponseHeaders headers, DateTimeOffset now)
    {
        var value = headers.RetryAfter;
        if (value is null)
        {
            return null;
        }

        if (value.Delta is { } delta)
        {
            return delta;
        }

        if (value.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
