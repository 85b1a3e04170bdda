using System.Globalization;

namespace Oxen.Video.Testing;

/// <summary>
/// Faults to inject into an <see cref="OxenHubEmulator"/>, settable at any time from any thread. Paths are
/// exact (<c>/api/ai/queue</c>) or end in <c>*</c> for a prefix (<c>/api/ai/queue/*</c>); the method may be <c>*</c>.
/// </summary>
public sealed class OxenHubFaults
{
    private readonly object _gate = new();
    private readonly List<InjectedResponse> _responses = [];
    private readonly List<(string Marker, string Message)> _failingPrompts = [];
    private readonly Dictionary<string, string> _failingModels = new(StringComparer.Ordinal);
    private readonly Queue<string> _failNext = new();
    private readonly Queue<string> _resultUrls = new();
    private readonly Queue<(string? Status, bool Forever)> _statuses = new();
    private int _lostEvents;
    private int _dropRequests;
    private int _createConflicts;

    internal event Action? DropRequested;

    /// <summary>Throttles result downloads to this many bytes per second; <see langword="null"/> for full speed.</summary>
    public int? DownloadBytesPerSecond { get; set; }

    /// <summary>A wait before a result download sends its first byte.</summary>
    public TimeSpan DownloadDelay { get; set; }

    /// <summary>The content type of result downloads (e.g. <c>text/html</c>); <see langword="null"/> for <c>video/mp4</c>.</summary>
    public string? DownloadContentType { get; set; }

    /// <summary>
    /// Result downloads send this many bytes (the video repeated) instead of the video; <see langword="null"/> for
    /// the video itself. With <see cref="DownloadWithoutContentLength"/>, a body with no announced end.
    /// </summary>
    public long? DownloadBodyLength { get; set; }

    /// <summary>Result downloads are sent chunked, without <c>Content-Length</c>.</summary>
    public bool DownloadWithoutContentLength { get; set; }

    /// <summary>
    /// The next <paramref name="count"/> generations that succeed (queued or sync) report <paramref name="url"/> as
    /// their result instead of the real one (in the status, the event and the sync answer); <c>{id}</c> in it is
    /// replaced by the generation id. E.g. <c>file:///etc/passwd</c> or a relative <c>/files/{id}.mp4</c>.
    /// </summary>
    public void ReplaceResultUrls(string url, int count = 1)
    {
        ArgumentNullException.ThrowIfNull(url);
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _resultUrls.Enqueue(url);
            }
        }
    }

    /// <summary>
    /// The next <paramref name="count"/> answers of <c>GET /api/ai/queue/{id}</c> report <paramref name="status"/>
    /// (one no doc lists, e.g. <c>thinking</c>), or no status at all when it is <see langword="null"/>; with
    /// <paramref name="forever"/>, every answer from now on.
    /// </summary>
    public void ReplaceStatuses(string? status, int count = 1, bool forever = false)
    {
        lock (_gate)
        {
            for (var i = 0; i < (forever ? 1 : count); i++)
            {
                _statuses.Enqueue((status, forever));
            }
        }
    }

    /// <summary>The next <paramref name="count"/> matching requests answer 429 with <c>Retry-After: seconds</c>.</summary>
    public void RateLimit(string method, string path, int count = 1, int retryAfterSeconds = 0) =>
        Add(new InjectedResponse(method, path, count, 429, retryAfterSeconds.ToString(CultureInfo.InvariantCulture), Html: false));

    /// <summary>The next <paramref name="count"/> matching requests answer 429 with <c>Retry-After</c> as an HTTP date.</summary>
    public void RateLimitUntil(string method, string path, DateTimeOffset until, int count = 1) =>
        Add(new InjectedResponse(method, path, count, 429, until.ToString("R", CultureInfo.InvariantCulture), Html: false));

    /// <summary>
    /// The next <paramref name="count"/> matching requests answer <paramref name="statusCode"/> (500, 502, 503, ...),
    /// with a gateway's HTML page when <paramref name="html"/> is set, else an Oxen JSON error.
    /// </summary>
    public void ServerError(string method, string path, int count = 1, int statusCode = 503, bool html = true) =>
        Add(new InjectedResponse(method, path, count, statusCode, RetryAfter: null, html));

    /// <summary>
    /// The next <paramref name="count"/> matching requests answer <paramref name="statusCode"/> with an Oxen JSON
    /// error (e.g. 404 or 405 on <c>/api/events</c> to make the stream unavailable).
    /// </summary>
    public void Respond(string method, string path, int statusCode, int count = 1) =>
        Add(new InjectedResponse(method, path, count, statusCode, RetryAfter: null, Html: false));

    /// <summary>
    /// The next <paramref name="count"/> uploads (<c>PUT /api/repos/{namespace}/{repo}/file/...</c>) answer
    /// <paramref name="statusCode"/> (500 by default) with an Oxen JSON error, before the body is read: nothing is
    /// stored.
    /// </summary>
    public void FailUploads(int count = 1, int statusCode = 500) =>
        Add(new InjectedResponse("PUT", "/api/repos/*", count, statusCode, RetryAfter: null, Html: false));

    /// <summary>
    /// The next <paramref name="count"/> uploads answer 413 (the file is too large for the hub), before the body is
    /// read: nothing is stored.
    /// </summary>
    public void RefuseUploadsAsTooLarge(int count = 1) => FailUploads(count, 413);

    /// <summary>
    /// The next <paramref name="count"/> repository creations (<c>POST /api/repos</c>) answer 409, as when another
    /// client created the repository a moment before: the repository is still created, so a client that carries
    /// on after a 409 (as the hub's docs say to) can upload into it.
    /// </summary>
    public void ConflictOnRepositoryCreate(int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        Interlocked.Add(ref _createConflicts, count);
    }

    /// <summary>Closes every connected event stream now (clients see the connection reset).</summary>
    public void DropEventStreams()
    {
        Interlocked.Increment(ref _dropRequests);
        DropRequested?.Invoke();
    }

    /// <summary>The next <paramref name="count"/> completion events are not sent (the generations still end).</summary>
    public void LoseNextCompletionEvents(int count = 1) => Interlocked.Add(ref _lostEvents, count);

    /// <summary>The next <paramref name="count"/> generations to run fail with <paramref name="errorMessage"/>.</summary>
    public void FailNextGenerations(string errorMessage, int count = 1)
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _failNext.Enqueue(errorMessage);
            }
        }
    }

    /// <summary>Every generation of <paramref name="modelId"/> fails with <paramref name="errorMessage"/>.</summary>
    public void FailModel(string modelId, string errorMessage)
    {
        lock (_gate)
        {
            _failingModels[modelId] = errorMessage;
        }
    }

    /// <summary>Every generation whose prompt contains <paramref name="marker"/> (e.g. <c>FAIL</c>) fails.</summary>
    public void FailPromptsContaining(string marker, string errorMessage)
    {
        lock (_gate)
        {
            _failingPrompts.Add((marker, errorMessage));
        }
    }

    /// <summary>Removes every fault.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _responses.Clear();
            _failingPrompts.Clear();
            _failingModels.Clear();
            _failNext.Clear();
            _resultUrls.Clear();
            _statuses.Clear();
        }

        DownloadContentType = null;
        DownloadBodyLength = null;
        DownloadWithoutContentLength = false;

        Interlocked.Exchange(ref _lostEvents, 0);
        Interlocked.Exchange(ref _createConflicts, 0);
        DownloadBytesPerSecond = null;
        DownloadDelay = TimeSpan.Zero;
    }

    internal InjectedResponse? TakeResponse(string method, string path)
    {
        lock (_gate)
        {
            var index = _responses.FindIndex(r => r.Matches(method, path));
            if (index < 0)
            {
                return null;
            }

            var response = _responses[index];
            if (response.Remaining <= 1)
            {
                _responses.RemoveAt(index);
            }
            else
            {
                _responses[index] = response with { Remaining = response.Remaining - 1 };
            }

            return response;
        }
    }

    internal string? TakeResultUrl(string id)
    {
        lock (_gate)
        {
            return _resultUrls.TryDequeue(out var url) ? url.Replace("{id}", id, StringComparison.Ordinal) : null;
        }
    }

    internal bool TakeStatus(out string? status)
    {
        lock (_gate)
        {
            if (_statuses.TryPeek(out var next))
            {
                if (!next.Forever)
                {
                    _statuses.Dequeue();
                }

                status = next.Status;
                return true;
            }

            status = null;
            return false;
        }
    }

    internal bool TakeLostEvent() => TakeOne(ref _lostEvents);

    internal bool TakeCreateConflict() => TakeOne(ref _createConflicts);

    private static bool TakeOne(ref int counter)
    {
        while (true)
        {
            var current = Volatile.Read(ref counter);
            if (current <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref counter, current - 1, current) == current)
            {
                return true;
            }
        }
    }

    internal string? TakeFailure(string modelId, string? prompt)
    {
        lock (_gate)
        {
            if (_failNext.TryDequeue(out var next))
            {
                return next;
            }

            if (_failingModels.TryGetValue(modelId, out var byModel))
            {
                return byModel;
            }

            foreach (var (marker, message) in _failingPrompts)
            {
                if (prompt?.Contains(marker, StringComparison.Ordinal) == true)
                {
                    return message;
                }
            }

            return null;
        }
    }

    private void Add(InjectedResponse response)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(response.Remaining, 1);
        lock (_gate)
        {
            _responses.Add(response);
        }
    }
}

/// <summary>A canned answer for the next requests to a path.</summary>
internal sealed record InjectedResponse(string Method, string Path, int Remaining, int StatusCode, string? RetryAfter, bool Html)
{
    public bool Matches(string method, string path) =>
        (Method == "*" || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        && (Path.EndsWith('*') ? path.StartsWith(Path[..^1], StringComparison.Ordinal) : string.Equals(Path, path, StringComparison.Ordinal));
}
