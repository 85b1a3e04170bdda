namespace Oxen.Video;

/// <summary>Settings of an <see cref="OxenClient"/>. Unset values fall back to the environment, then to defaults.</summary>
public sealed class OxenClientOptions
{
    /// <summary>The environment variable read when <see cref="ApiKey"/> is not set.</summary>
    public const string ApiKeyEnvironmentVariable = "OXEN_API_KEY";

    /// <summary>The environment variable read when <see cref="BaseAddress"/> is not set.</summary>
    public const string BaseAddressEnvironmentVariable = "OXEN_BASE_URL";

    /// <summary>The API origin used when neither <see cref="BaseAddress"/> nor the environment names one.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://hub.oxen.ai");

    /// <summary>
    /// The API key sent as <c>Authorization: Bearer</c>, only ever to the API's own origin; when unset,
    /// <c>OXEN_API_KEY</c> is read.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>The API origin; when unset, <c>OXEN_BASE_URL</c>, then <c>https://hub.oxen.ai</c>.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The time allowed for one ordinary request, per attempt. Default 100 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>The time allowed for one synchronous generation (which blocks up to 15 minutes). Default 20 min.</summary>
    public TimeSpan SyncTimeout { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>The time allowed for one result download, body included. Default 10 min.</summary>
    public TimeSpan DownloadTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How many times a failed request is repeated, where repeating is safe. Default 4.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>The first retry's upper bound; each later one doubles it (full jitter). Default 1 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait before a retry, <c>Retry-After</c> included. Default 60 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The first wait between two status polls of a queued generation. Default 5 s.</summary>
    public TimeSpan PollInitialInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The longest wait between two status polls; also the period of the safety poll made while waiting on the
    /// event stream (a cancelled generation sends no event). Default 30 s.
    /// </summary>
    public TimeSpan PollMaxInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The factor by which the poll interval grows after each poll. Default 1.5.</summary>
    public double PollBackoffFactor { get; set; } = 1.5;

    /// <summary>The first wait before reconnecting a dropped event stream. Default 1 s.</summary>
    public TimeSpan SseReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two event-stream reconnection attempts. Default 30 s.</summary>
    public TimeSpan SseMaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The event stream is considered dead, and the connection dropped and made again, when nothing (not even a
    /// keep-alive comment) arrives for this long. Oxen sends a keep-alive every 15 s. Default 60 s.
    /// </summary>
    public TimeSpan SseIdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The default of <see cref="MaxDownloadBytes"/>: 2 GiB.</summary>
    public const long DefaultMaxDownloadBytes = 2L * 1024 * 1024 * 1024;

    /// <summary>
    /// The largest result accepted, downloaded or sent inline (<c>b64_json</c>): a larger announced
    /// <c>Content-Length</c> is refused before reading, and a body that grows past it is cut and fails. Default 2 GiB.
    /// </summary>
    public long MaxDownloadBytes { get; set; } = DefaultMaxDownloadBytes;

    /// <summary>
    /// The longest wait for a queued generation to end (polling or on the event stream); past it a
    /// <see cref="OxenWaitTimeoutException"/> carries the generation id (the job goes on on the server). Each wait
    /// method can override it. Default 30 min.
    /// </summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// When set, a request whose estimated cost per generation (<see cref="OxenRequestExtensions.EstimateCost"/>)
    /// is above this many USD is refused before sending with an <see cref="OxenCostLimitException"/>, and so is one
    /// whose cost is unknown unless <see cref="AllowUnknownCost"/>. Default none.
    /// </summary>
    public decimal? MaxCostPerGeneration { get; set; }

    /// <summary>Whether a request of unknown cost may be sent while <see cref="MaxCostPerGeneration"/> is set. Default false.</summary>
    public bool AllowUnknownCost { get; set; }

    /// <summary>
    /// Whether the charged cost is fetched (<c>GET /api/ai/generations/{id}</c>) once a queued generation succeeds,
    /// for <see cref="OxenVideo.ChargedCostUsd"/>. Default true.
    /// </summary>
    public bool FetchChargedCost { get; set; } = true;

    /// <summary>The default of <see cref="MaxDataUriBytes"/>: 4 MiB.</summary>
    public const long DefaultMaxDataUriBytes = 4L * 1024 * 1024;

    /// <summary>
    /// A local media (<see cref="OxenMedia.FromFile"/>, a stream, bytes) of at most this many bytes is sent inline as
    /// a <c>data:</c> URI; a larger one is uploaded to <see cref="MediaRepository"/>, and without one the request is
    /// refused before anything is sent. 0 uploads every local media; at most 64 MiB
    /// (<see cref="Validation.OxenValidator.MaxDataUriDecodedBytes"/>). Default 4 MiB.
    /// </summary>
    public long MaxDataUriBytes { get; set; } = DefaultMaxDataUriBytes;

    /// <summary>
    /// The Oxen repository (<c>namespace/name</c>) local media larger than <see cref="MaxDataUriBytes"/> are uploaded
    /// to, content-addressed (<c>{MediaFolder}/{sha256}.{ext}</c>; a file already there is not uploaded again); it is
    /// created when missing. The model's provider downloads the file from it, so it must be readable by them: use a
    /// public repository, knowingly. When unset, <c>OXEN_MEDIA_REPO</c> is read; default none. Checked when the
    /// client is made: one slash, and letters, digits, <c>-</c>, <c>_</c> and <c>.</c> in each part.
    /// </summary>
    public string? MediaRepository { get; set; }

    /// <summary>The branch of <see cref="MediaRepository"/> uploads are committed to. Default <c>main</c>.</summary>
    public string MediaBranch { get; set; } = "main";

    /// <summary>The folder of <see cref="MediaRepository"/> uploads go to. Default <c>oxen-video-inputs</c>.</summary>
    public string MediaFolder { get; set; } = "oxen-video-inputs";

    /// <summary>
    /// Whether <paramref name="repository"/> can be a <see cref="MediaRepository"/>: <c>namespace/name</c>, one
    /// slash, letters, digits, '-', '_' and '.' (not first). The client refuses any other when it is made.
    /// </summary>
    public static bool IsMediaRepositoryName(string repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        return OxenMediaRepository.IsRepositoryName(repository.Trim());
    }

    /// <summary>The environment variable read when <see cref="MediaRepository"/> is not set.</summary>
    public const string MediaRepositoryEnvironmentVariable = "OXEN_MEDIA_REPO";

    /// <summary>
    /// The time allowed for one upload of a local media to <see cref="MediaRepository"/>, per attempt, body
    /// included (a failed upload is repeated: it is content-addressed). Default 30 min.
    /// </summary>
    public TimeSpan MediaUploadTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The clock used for delays and elapsed times; tests may supply their own. Default the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal string? ResolveApiKey()
    {
        var key = string.IsNullOrEmpty(ApiKey) ? Environment.GetEnvironmentVariable(ApiKeyEnvironmentVariable) : ApiKey;
        return string.IsNullOrEmpty(key) ? null : key;
    }

    /// <summary><see cref="MediaRepository"/>, else <c>OXEN_MEDIA_REPO</c>, trimmed; null when neither is.</summary>
    internal string? ResolveMediaRepository()
    {
        var text = string.IsNullOrWhiteSpace(MediaRepository)
            ? Environment.GetEnvironmentVariable(MediaRepositoryEnvironmentVariable)
            : MediaRepository;
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    internal Uri ResolveBaseAddress()
    {
        if (BaseAddress is not null)
        {
            return EnsureAbsolute(BaseAddress);
        }

        var text = Environment.GetEnvironmentVariable(BaseAddressEnvironmentVariable);
        return string.IsNullOrWhiteSpace(text) ? DefaultBaseAddress : EnsureAbsolute(new Uri(text.Trim(), UriKind.Absolute));
    }

    internal OxenClientOptions Clone() => (OxenClientOptions)MemberwiseClone();

    private static Uri EnsureAbsolute(Uri uri)
    {
        if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"The Oxen base address must be an absolute http(s) URI, not '{uri}'.", nameof(BaseAddress));
        }

        // Paths are appended to the origin (and any path prefix), so keep exactly one trailing slash.
        var text = uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/";
        return new Uri(text, UriKind.Absolute);
    }
}
