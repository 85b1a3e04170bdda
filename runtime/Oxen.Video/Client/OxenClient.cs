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
    private readonly OxenPipeline _pipeline;
    private readonly OxenQueueApi _queue;
    private readonly OxenEventStream _events;
    private readonly OxenMediaResolver _media;
    private readonly bool _ownsEvents;
    private int _disposed;

    /// <summary>Creates a client with its own connections.</summary>
    /// <param name="options">Settings; unset ones come from the environment, then defaults.</param>
    /// <param name="logger">Where to log; nothing is logged when <see langword="null"/>.</param>
    public OxenClient(OxenClientOptions? options = null, ILogger<OxenClient>? logger = null)
        : this(OxenPipeline.CreateHttpClient(), ownsHttp: true, downloadHttp: null, options, logger, sharedStreams: null)
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
        : this(httpClient, ownsHttp: false, downloadHttp: null, options, logger, sharedStreams: null)
    {
    }

    /// <summary>
    /// Used by dependency injection: both clients come from <c>IHttpClientFactory</c>, and the event stream is the
    /// one <paramref name="sharedStreams"/> keeps for this hub and key.
    /// </summary>
    internal OxenClient(HttpClient httpClient, HttpClient downloadHttpClient, OxenClientOptions? options, ILogger<OxenClient>? logger, OxenSharedEventStreams? sharedStreams)
        : this(httpClient, ownsHttp: false, downloadHttpClient, options, logger, sharedStreams)
    {
    }

    private OxenClient(HttpClient http, bool ownsHttp, HttpClient? downloadHttp, OxenClientOptions? options, ILogger<OxenClient>? logger, OxenSharedEventStreams? sharedStreams)
    {
        ArgumentNullException.ThrowIfNull(http);
        var copy = options?.Clone() ?? new OxenClientOptions();
        var repository = Validate(copy);
        _pipeline = new OxenPipeline(copy, http, ownsHttp, downloadHttp, (ILogger?)logger ?? NullLogger.Instance);
        _queue = new OxenQueueApi(_pipeline);
        _media = new OxenMediaResolver(_pipeline, repository);
        _ownsEvents = sharedStreams is null;
        _events = sharedStreams?.Get(_pipeline) ?? new OxenEventStream(_queue);
    }

    /// <summary>The API origin requests go to (with a trailing slash).</summary>
    public Uri BaseAddress => _pipeline.BaseAddress;

    /// <summary>Whether an API key was configured (the key itself is never exposed).</summary>
    public bool HasApiKey => _pipeline.HasApiKey;

    /// <summary>Stops the event stream (unless shared) and releases the connections this client created.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // The stream's loop is waited for before the connections it uses go away.
        if (_ownsEvents)
        {
            _events.Dispose();
        }

        _pipeline.Dispose();
    }

    /// <inheritdoc />
    public override string ToString() => $"OxenClient({BaseAddress}, api key {(HasApiKey ? "set" : "not set")})";

    /// <summary>Refuses a request above <see cref="OxenClientOptions.MaxCostPerGeneration"/> (or of unknown cost) before sending.</summary>
    private void EnsureAffordable(IOxenRequest request, int numGenerations)
    {
        if (_pipeline.Options.MaxCostPerGeneration is not { } max)
        {
            return;
        }

        var estimate = request.EstimateCost(numGenerations);
        if ((estimate is null && !_pipeline.Options.AllowUnknownCost) || estimate?.PerGenerationUsd > max)
        {
            throw new OxenCostLimitException(request.ModelId, estimate, max);
        }
    }

    internal void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

    /// <returns>The media repository the options name (or the environment does), checked; null when none.</returns>
    private static OxenMediaRepository? Validate(OxenClientOptions options)
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
        if (options.MaxCostPerGeneration is { } max)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(max, nameof(options.MaxCostPerGeneration));
        }

        // A data URI is held in memory (and base64 in the body): above the validator's own cap the hub refuses it.
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxDataUriBytes, nameof(options.MaxDataUriBytes));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(
            options.MaxDataUriBytes, Validation.OxenValidator.MaxDataUriDecodedBytes, nameof(options.MaxDataUriBytes));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(
            options.MediaUploadTimeout, TimeSpan.Zero, nameof(options.MediaUploadTimeout));
        return OxenMediaRepository.FromOptions(options);
    }
}
