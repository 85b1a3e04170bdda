using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Oxen.Video;

/// <summary>
/// The one HTTP pipeline: auth (the key only to the API's origin), timeouts, retries, error mapping and logging.
/// Operations, videos and the event stream are given this, not the whole <see cref="OxenClient"/>: a request goes
/// from a public method to here and to the socket, and back, without doubling back through the client.
/// </summary>
internal sealed partial class OxenPipeline : IDisposable
{
    private static readonly ProductInfoHeaderValue UserAgent =
        new("Oxen.Video", typeof(OxenClient).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");

    private readonly HttpClient _http;
    private readonly HttpClient _downloadHttp;
    private readonly bool _ownsHttp;
    private readonly bool _ownsDownloadHttp;
    private readonly string? _apiKey;
    private int _disposed;

    /// <param name="options">Validated options (a private copy).</param>
    /// <param name="http">The client for API calls.</param>
    /// <param name="ownsHttp">Whether to dispose <paramref name="http"/>.</param>
    /// <param name="downloadHttp">The client for result downloads; one is made (and owned) when null.</param>
    /// <param name="logger">Where to log.</param>
    public OxenPipeline(OxenClientOptions options, HttpClient http, bool ownsHttp, HttpClient? downloadHttp, ILogger logger)
    {
        Options = options;
        _http = http;
        _ownsHttp = ownsHttp;
        _downloadHttp = downloadHttp ?? CreateHttpClient();
        _ownsDownloadHttp = downloadHttp is null;
        _apiKey = options.ResolveApiKey();
        BaseAddress = options.ResolveBaseAddress();
        Logger = logger;
        Time = options.TimeProvider ?? TimeProvider.System;
    }

    /// <summary>The API origin (with a trailing slash).</summary>
    public Uri BaseAddress { get; }

    public bool HasApiKey => _apiKey is not null;

    /// <summary>The API key, only to tell streams of different accounts apart; never logged or shown.</summary>
    internal string? ApiKeyForIdentity => _apiKey;

    public OxenClientOptions Options { get; }

    public ILogger Logger { get; }

    public TimeProvider Time { get; }

    /// <summary>
    /// The cap on connections to one host. Without it, a thousand concurrent enqueues open a thousand connections
    /// (about 10 KB of managed memory each, idle afterwards); 32 in flight enqueue as fast on loopback.
    /// </summary>
    public const int MaxConnectionsPerServer = 32;

    public static HttpClient CreateHttpClient() => new(new SocketsHttpHandler
    {
        // Redirects are never followed blindly: a download follows them itself, deciding per hop about the key.
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        MaxConnectionsPerServer = MaxConnectionsPerServer,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, typeof(OxenClient));

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_ownsHttp)
        {
            _http.Dispose();
        }

        if (_ownsDownloadHttp)
        {
            _downloadHttp.Dispose();
        }
    }

    public Uri ApiUri(string pathAndQuery) => new(BaseAddress, pathAndQuery.TrimStart('/'));

    public bool IsApiOrigin(Uri uri) =>
        uri.IsAbsoluteUri
        && string.Equals(uri.Scheme, BaseAddress.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.IdnHost, BaseAddress.IdnHost, StringComparison.OrdinalIgnoreCase)
        && uri.Port == BaseAddress.Port;

    /// <summary>Removes the API key from text that came from outside (a body excerpt).</summary>
    public string Redact(string text) => OxenErrorParser.Redact(text, _apiKey);

    /// <summary>Sends an API call and returns its JSON answer (an empty object for an empty body).</summary>
    public async Task<JsonDocument> SendJsonAsync(OxenCall call, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(call, HttpCompletionOption.ResponseContentRead, followRedirects: false, cancellationToken).ConfigureAwait(false);
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
            var text = Redact(System.Text.Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 2000)));
            throw new OxenApiException((int)response.StatusCode, "invalid_response", "The answer is not JSON.", text, null, call.Description);
        }
    }

    /// <summary>
    /// Sends <paramref name="call"/> to the API, repeating it where that is safe. Returns a success (or, when
    /// <paramref name="followRedirects"/> is set, a redirect) response; throws <see cref="OxenApiException"/>,
    /// <see cref="HttpRequestException"/> or <see cref="TimeoutException"/> otherwise.
    /// </summary>
    public Task<HttpResponseMessage> SendAsync(OxenCall call, HttpCompletionOption completion, bool followRedirects, CancellationToken cancellationToken) =>
        SendWithRetriesAsync(_http, call, completion, followRedirects, cancellationToken);

    private async Task<HttpResponseMessage> SendWithRetriesAsync(
        HttpClient http,
        OxenCall call,
        HttpCompletionOption completion,
        bool followRedirects,
        CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        for (var attempt = 0; ; attempt++)
        {
            var canRetry = attempt < Options.MaxRetries;
            using var request = CreateRequest(call);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(call.Timeout);
            OxenLog.Sending(Logger, call.Description);
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

            var retryAfter = OxenRetryPolicy.GetRetryAfter(response.Headers, Time.GetUtcNow());
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

    private HttpRequestMessage CreateRequest(OxenCall call)
    {
        var request = new HttpRequestMessage(call.Method, call.Uri);
        request.Headers.Accept.ParseAdd(call.Accept);
        request.Headers.UserAgent.Add(UserAgent);
        if (_apiKey is not null && IsApiOrigin(call.Uri))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _apiKey);
        }

        if (call.Content is { } createContent)
        {
            try
            {
                request.Content = createContent();
            }
            catch
            {
                request.Dispose();
                throw;
            }
        }
        else if (call.Body is not null)
        {
            request.Content = new ByteArrayContent(call.Body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        return request;
    }

    private async Task DelayBeforeRetryAsync(OxenCall call, int attempt, TimeSpan? retryAfter, string reason, CancellationToken cancellationToken)
    {
        var delay = OxenRetryPolicy.GetDelay(attempt, retryAfter, Options.RetryBaseDelay, Options.MaxRetryDelay);
        OxenLog.Retrying(Logger, call.Description, (long)delay.TotalMilliseconds, attempt + 1, Options.MaxRetries, reason);
        await Task.Delay(delay, Time, cancellationToken).ConfigureAwait(false);
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
