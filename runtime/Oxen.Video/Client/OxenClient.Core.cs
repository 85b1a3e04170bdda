using System.Net.Http.Headers;
using System.Text.Json;

namespace Oxen.Video;

/// <summary>The untyped core: every request goes through here (auth, timeouts, retries, errors).</summary>
public sealed partial class OxenClient
{
    private static readonly ProductInfoHeaderValue UserAgent =
        new("Oxen.Video", typeof(OxenClient).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");

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
        var idempotent = method == HttpMethod.Get || method == HttpMethod.Delete || method == HttpMethod.Head;
        var call = new OxenCall(
            method,
            ApiUri(pathAndQuery),
            utf8JsonBody.IsEmpty ? null : utf8JsonBody.ToArray(),
            idempotent ? OxenRetryKind.Idempotent : OxenRetryKind.CreatesWork,
            _options.RequestTimeout,
            $"{method} /{pathAndQuery.TrimStart('/').Split('?')[0]}");
        return SendJsonAsync(call, cancellationToken);
    }

    internal async Task<JsonDocument> SendJsonAsync(OxenCall call, CancellationToken cancellationToken)
    {
        using var response = await SendWithRetriesAsync(_http, call, HttpCompletionOption.ResponseContentRead, followRedirects: false, cancellationToken).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (bytes.Length == 0)
        {
            return JsonDocument.Parse("{}");
        }

        try
        {
            return JsonDocument.Parse(bytes);
        }
        catch (JsonException)
        {
            var text = OxenErrorParser.Redact(System.Text.Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 2000)), _apiKey);
            throw new OxenApiException((int)response.StatusCode, "invalid_response", "The answer is not JSON.", text, null, call.Description);
        }
    }

    /// <summary>
    /// Sends <paramref name="call"/>, repeating it where that is safe. Returns a success (or, when
    /// <paramref name="followRedirects"/> is set, a redirect) response; throws <see cref="OxenApiException"/>,
    /// <see cref="HttpRequestException"/> or <see cref="TimeoutException"/> otherwise.
    /// </summary>
    internal async Task<HttpResponseMessage> SendWithRetriesAsync(
        HttpClient http,
        OxenCall call,
        HttpCompletionOption completion,
        bool followRedirects,
        CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        for (var attempt = 0; ; attempt++)
        {
            var canRetry = attempt < _options.MaxRetries;
            using var request = CreateRequest(call);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(call.Timeout);
            OxenLog.Sending(_logger, call.Description);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, completion, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                if (canRetry && OxenRetryPolicy.ShouldRetryTimeout(call.RetryKind))
                {
                    await DelayBeforeRetryAsync(call, attempt, null, $"timed out after {call.Timeout}", cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var note = call.RetryKind == OxenRetryKind.CreatesWork
                    ? " It was not repeated: the server may have accepted it, and a repeat would create (and bill) another generation."
                    : string.Empty;
                throw new TimeoutException($"{call.Description} timed out after {call.Timeout}.{note}", ex);
            }
            catch (HttpRequestException ex) when (canRetry && OxenRetryPolicy.ShouldRetry(call.RetryKind, ex))
            {
                await DelayBeforeRetryAsync(call, attempt, null, $"{ex.HttpRequestError}: {ex.Message}", cancellationToken).ConfigureAwait(false);
                continue;
            }

            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode || (followRedirects && status is >= 300 and < 400 && response.Headers.Location is not null))
            {
                return response;
            }

            var retryAfter = OxenRetryPolicy.GetRetryAfter(response.Headers, _time.GetUtcNow());
            if (canRetry && OxenRetryPolicy.ShouldRetry(call.RetryKind, status))
            {
                response.Dispose();
                await DelayBeforeRetryAsync(call, attempt, retryAfter, $"HTTP {status}", cancellationToken).ConfigureAwait(false);
                continue;
            }

            using (response)
            {
                var body = await ReadErrorBodyAsync(response, timeout.Token).ConfigureAwait(false);
                throw OxenErrorParser.Parse(status, response.ReasonPhrase, body, retryAfter, call.Description, _apiKey);
            }
        }
    }

    internal Uri ApiUri(string pathAndQuery) => new(BaseAddress, pathAndQuery.TrimStart('/'));

    internal bool IsApiOrigin(Uri uri) =>
        uri.IsAbsoluteUri
        && string.Equals(uri.Scheme, BaseAddress.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.IdnHost, BaseAddress.IdnHost, StringComparison.OrdinalIgnoreCase)
        && uri.Port == BaseAddress.Port;

    private HttpRequestMessage CreateRequest(OxenCall call)
    {
        var request = new HttpRequestMessage(call.Method, call.Uri);
        request.Headers.Accept.ParseAdd(call.Accept);
        request.Headers.UserAgent.Add(UserAgent);
        if (_apiKey is not null && IsApiOrigin(call.Uri))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _apiKey);
        }

        if (call.Body is not null)
        {
            request.Content = new ByteArrayContent(call.Body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        return request;
    }

    private async Task DelayBeforeRetryAsync(OxenCall call, int attempt, TimeSpan? retryAfter, string reason, CancellationToken cancellationToken)
    {
        var delay = OxenRetryPolicy.GetDelay(attempt, retryAfter, _options.RetryBaseDelay, _options.MaxRetryDelay);
        OxenLog.Retrying(_logger, call.Description, (long)delay.TotalMilliseconds, attempt + 1, _options.MaxRetries, reason);
        await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<string> ReadErrorBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return text.Length > 4000 ? text[..4000] : text;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException)
        {
            return string.Empty;
        }
    }
}
