using System.Text.Json;

namespace Oxen.Video;

/// <summary>The untyped core: any request, through the one pipeline (auth, timeouts, retries, errors).</summary>
public sealed partial class OxenClient
{
    /// <summary>
    /// Sends one JSON request to the API and returns the JSON answer; the typed methods are built on it. GET and
    /// DELETE are retried on transient failures; other methods only on 429 or a failed connection, since they may
    /// create billed work.
    /// </summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="pathAndQuery">The path under the API origin, e.g. <c>api/ai/queue?status=queued</c>.</param>
    /// <param name="utf8JsonBody">The UTF-8 JSON body, or empty for none.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The answer (an empty object when the body is empty); the caller disposes it.</returns>
    /// <exception cref="OxenApiException">The API answered with an error status.</exception>
    public Task<JsonDocument> SendAsync(
        HttpMethod method,
        string pathAndQuery,
        ReadOnlyMemory<byte> utf8JsonBody = default,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        ThrowIfDisposed();
        var idempotent = method == HttpMethod.Get || method == HttpMethod.Delete || method == HttpMethod.Head;
        var call = new OxenCall(
            method,
            _pipeline.ApiUri(pathAndQuery),
            utf8JsonBody.IsEmpty ? null : utf8JsonBody.ToArray(),
            idempotent ? OxenRetryKind.Idempotent : OxenRetryKind.CreatesWork,
            _pipeline.Options.RequestTimeout,
            $"{method} /{pathAndQuery.TrimStart('/').Split('?')[0]}");
        return _pipeline.SendJsonAsync(call, cancellationToken);
    }
}
