using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Oxen.Video;

/// <summary>
/// The Oxen.ai inference client: synchronous, queued and event-driven video generation, the queue, models and
/// result downloads. Thread-safe; keep one per application (it shares one event-stream connection).
/// </summary>
/// <remarks>
/// The API key is sent only to the API's own origin (scheme, host and port), never to a result host, and never
/// appears in an exception, a log line or <see cref="object.ToString"/>.
/// </remarks>
public sealed partial class OxenClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly HttpClient _downloadHttp;
    private readonly bool _ownsHttp;
    private readonly bool _ownsDownloadHttp;
    private readonly OxenClientOptions _options;
    private readonly string? _apiKey;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly OxenEventStream _events;
    private int _disposed;

    /// <summary>Creates a client with its own connections.</summary>
    /// <param name="options">Settings; unset ones come from the environment, then defaults.</param>
    /// <param name="logger">Where to log; nothing is logged when <see langword="null"/>.</param>
    public OxenClient(OxenClientOptions? options = null, ILogger<OxenClient>? logger = null)
        : this(CreateHttpClient(), ownsHttp: true, downloadHttp: null, options, logger)
    {
    }

    /// <summary>Creates a client over an existing <see cref="HttpClient"/>, which it does not dispose.</summary>
    /// <param name="httpClient">
    /// The client for API calls. Its <see cref="HttpClient.Timeout"/> should be infinite: this client applies
    /// <see cref="OxenClientOptions.RequestTimeout"/> and <see cref="OxenClientOptions.SyncTimeout"/> itself.
    /// </param>
    /// <param name="options">Settings; unset ones come from the environment, then defaults.</param>
    /// <param name="logger">Where to log; nothing is logged when <see langword="null"/>.</param>
    public OxenClient(HttpClient httpClient, OxenClientOptions? options = null, ILogger<OxenClient>? logger = null)
        : this(httpClient, ownsHttp: false, downloadHttp: null, options, logger)
    {
    }

    /// <summary>Used by dependency injection: both clients come from <c>IHttpClientFactory</c>.</summary>
    internal OxenClient(HttpClient httpClient, HttpClient downloadHttpClient, OxenClientOptions? options, ILogger<OxenClient>? logger)
        : this(httpClient, ownsHttp: false, downloadHttpClient, options, logger)
    {
    }

    private OxenClient(HttpClient http, bool ownsHttp, HttpClient? downloadHttp, OxenClientOptions? options, ILogger<OxenClient>? logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        _options = options?.Clone() ?? new OxenClientOptions();
        Validate(_options);
        _http = http;
        _ownsHttp = ownsHttp;
        _downloadHttp = downloadHttp ?? CreateHttpClient();
        _ownsDownloadHttp = downloadHttp is null;
        _apiKey = _options.ResolveApiKey();
        BaseAddress = _options.ResolveBaseAddress();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _time = _options.TimeProvider ?? TimeProvider.System;
        _events = new OxenEventStream(this);
    }

    /// <summary>The API origin requests go to (with a trailing slash).</summary>
    public Uri BaseAddress { get; }

    /// <summary>Whether an API key was configured (the key itself is never exposed).</summary>
    public bool HasApiKey => _apiKey is not null;

    internal OxenClientOptions Options => _options;

    internal HttpClient ApiHttp => _http;

    internal ILogger Logger => _logger;

    internal TimeProvider Time => _time;

    /// <summary>Stops the event stream and releases the connections this client created.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _events.Dispose();
        if (_ownsHttp)
        {
            _http.Dispose();
        }

        if (_ownsDownloadHttp)
        {
            _downloadHttp.Dispose();
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"OxenClient({BaseAddress}, api key {(HasApiKey ? "set" : "not set")})";

    internal void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

    /// <summary>
    /// The cap on connections to one host. Without it, a thousand concurrent enqueues open a thousand connections
    /// (about 10 KB of managed memory each, idle afterwards); 32 in flight enqueue as fast on loopback.
    /// </summary>
    internal const int MaxConnectionsPerServer = 32;

    private static HttpClient CreateHttpClient() => new(new SocketsHttpHandler
    {
        // Redirects are never followed blindly: a download follows them itself, deciding per hop about the key.
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        MaxConnectionsPerServer = MaxConnectionsPerServer,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    private static void Validate(OxenClientOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxRetries, nameof(options.MaxRetries));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.RequestTimeout, TimeSpan.Zero, nameof(options.RequestTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.SyncTimeout, TimeSpan.Zero, nameof(options.SyncTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.DownloadTimeout, TimeSpan.Zero, nameof(options.DownloadTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.PollInitialInterval, TimeSpan.Zero, nameof(options.PollInitialInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PollMaxInterval, options.PollInitialInterval, nameof(options.PollMaxInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PollBackoffFactor, 1.0, nameof(options.PollBackoffFactor));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SseReconnectDelay, TimeSpan.Zero, nameof(options.SseReconnectDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RetryBaseDelay, TimeSpan.Zero, nameof(options.RetryBaseDelay));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.SseIdleTimeout, TimeSpan.Zero, nameof(options.SseIdleTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxDownloadBytes, 1, nameof(options.MaxDownloadBytes));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.MaxWait, TimeSpan.Zero, nameof(options.MaxWait));
    }
}
