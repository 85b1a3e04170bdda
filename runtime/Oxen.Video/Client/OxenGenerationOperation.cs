namespace Oxen.Video;

/// <summary>
/// A queued generation, a long-running operation: poll it, wait for it, cancel it, or save <see cref="Id"/> and
/// rebuild it later with <see cref="OxenClient.GetOperation"/>. A <see cref="CancellationToken"/> only stops
/// waiting; the job goes on on the server until <see cref="CancelAsync"/>.
/// </summary>
public sealed class OxenGenerationOperation
{
    private readonly OxenQueueApi _queue;
    private OxenGeneration? _lastSnapshot;
    private int _warnedUnknownStatus;

    internal OxenGenerationOperation(OxenQueueApi queue, string id, OxenGeneration? snapshot, OxenGenerationTracker tracker)
    {
        _queue = queue;
        Tracker = tracker;
        Id = id;
        _lastSnapshot = snapshot;
    }

    /// <summary>The generation id.</summary>
    public string Id { get; }

    /// <summary>The last known status (<see cref="OxenGenerationStatus.Unknown"/> before the first look-up).</summary>
    public OxenGenerationStatus Status => LastSnapshot?.Status ?? OxenGenerationStatus.Unknown;

    /// <summary>The last snapshot seen, or <see langword="null"/> before the first look-up.</summary>
    public OxenGeneration? LastSnapshot => Volatile.Read(ref _lastSnapshot);

    internal OxenGenerationTracker Tracker { get; }

    /// <summary>The cost the hub charged (USD), once it succeeded and when the hub gives it.</summary>
    public decimal? ChargedCostUsd { get; private set; }

    /// <summary>Whether the generation has ended (succeeded, failed or cancelled), as last seen.</summary>
    public bool HasCompleted => OxenGenerationStatusText.IsTerminal(Status);

    /// <summary>Fetches the current state (<c>GET /api/ai/queue/{id}</c>).</summary>
    public async Task<OxenGeneration> UpdateStatusAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = await _queue.GetAsync(Id, cancellationToken).ConfigureAwait(false);
        Apply(snapshot);
        return snapshot;
    }

    /// <summary>
    /// Polls at growing intervals until the generation ends. Transient failures of a poll are logged and the
    /// polling goes on.
    /// </summary>
    /// <param name="progress">Told the status after each poll.</param>
    /// <param name="cancellationToken">Stops waiting; it does not cancel the generation.</param>
    /// <returns>The video.</returns>
    /// <exception cref="OxenGenerationFailedException">The generation failed or was cancelled.</exception>
    /// <exception cref="OxenWaitTimeoutException">It did not end within <see cref="OxenClientOptions.MaxWait"/>.</exception>
    public Task<OxenVideo> WaitForCompletionAsync(
        IProgress<OxenGenerationProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        WaitForCompletionAsync(_queue.Pipeline.Options.MaxWait, progress, cancellationToken);

    /// <summary>
    /// Polls at growing intervals until the generation ends or <paramref name="maxWait"/> has passed. A status the
    /// API does not document (or none) counts as still running.
    /// </summary>
    /// <param name="maxWait">The longest wait, instead of <see cref="OxenClientOptions.MaxWait"/>.</param>
    /// <param name="progress">Told the status after each poll.</param>
    /// <param name="cancellationToken">Stops waiting; it does not cancel the generation.</param>
    /// <returns>The video.</returns>
    /// <exception cref="OxenGenerationFailedException">The generation failed or was cancelled.</exception>
    /// <exception cref="OxenWaitTimeoutException">It did not end within <paramref name="maxWait"/>; it goes on on the server.</exception>
    public async Task<OxenVideo> WaitForCompletionAsync(
        TimeSpan maxWait,
        IProgress<OxenGenerationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(maxWait, TimeSpan.Zero);
        using var deadline = new CancellationTokenSource(maxWait, _queue.Pipeline.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await PollUntilDoneAsync(progress, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new OxenWaitTimeoutException(Id, maxWait, LastSnapshot?.StatusText);
        }
    }

    private async Task<OxenVideo> PollUntilDoneAsync(IProgress<OxenGenerationProgress>? progress, CancellationToken cancellationToken)
    {
        var options = _queue.Pipeline.Options;
        var time = _queue.Pipeline.Time;
        var started = time.GetTimestamp();
        var interval = options.PollInitialInterval;

        // A rebuilt operation knows nothing yet and asks at once; a fresh one was just told "queued" by the
        // enqueue answer, so asking again before the first interval would only cost a request.
        var askNow = LastSnapshot is null;
        while (true)
        {
            if (LastSnapshot is { HasCompleted: true } done)
            {
                return await ToVideoAsync(done, cancellationToken).ConfigureAwait(false);
            }

            if (!askNow)
            {
                await Task.Delay(interval, time, cancellationToken).ConfigureAwait(false);
                interval = Grow(interval, options);
            }

            askNow = false;
            try
            {
                var snapshot = await UpdateStatusAsync(cancellationToken).ConfigureAwait(false);
                progress?.Report(new OxenGenerationProgress(Id, snapshot.Status, time.GetElapsedTime(started)));
                if (snapshot.HasCompleted)
                {
                    continue;
                }
            }
            catch (Exception ex) when (IsTransient(ex, cancellationToken))
            {
                OxenLog.PollFailed(_queue.Pipeline.Logger, Id, ex.Message);
            }
        }
    }

    /// <summary>
    /// Asks the API to cancel the generation (<c>DELETE /api/ai/queue/{id}</c>; only active ones change), then
    /// fetches its state.
    /// </summary>
    public async Task CancelAsync(CancellationToken cancellationToken = default)
    {
        await _queue.CancelAsync(Id, cancellationToken).ConfigureAwait(false);
        await UpdateStatusAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Id}: {Status}";

    internal void Apply(OxenGeneration snapshot)
    {
        var previous = Interlocked.Exchange(ref _lastSnapshot, snapshot);
        Tracker.Observe(snapshot.Status, snapshot);
        if (snapshot.Status == OxenGenerationStatus.Unknown && Interlocked.Exchange(ref _warnedUnknownStatus, 1) == 0)
        {
            OxenLog.UnknownStatus(_queue.Pipeline.Logger, Id, snapshot.StatusText ?? "(none)");
        }

        if (snapshot.HasCompleted && previous?.HasCompleted != true)
        {
            OxenLog.GenerationEnded(_queue.Pipeline.Logger, Id, snapshot.Status);
        }
    }

    /// <summary>Turns an ended generation into its video (with the charged cost), or throws for failed and cancelled.</summary>
    internal async Task<OxenVideo> ToVideoAsync(OxenGeneration snapshot, CancellationToken cancellationToken)
    {
        if (snapshot.Status != OxenGenerationStatus.Succeeded)
        {
            throw new OxenGenerationFailedException(Id, snapshot.Status, snapshot.ErrorMessage);
        }

        if (snapshot.ResultUrl is null)
        {
            // Succeeded but no URL yet in this snapshot: ask once more before giving up.
            snapshot = await UpdateStatusAsync(cancellationToken).ConfigureAwait(false);
            if (snapshot.ResultUrl is null)
            {
                throw new OxenApiException(200, "invalid_response", $"Generation {Id} succeeded without a result_url.", null, null, $"GET /api/ai/queue/{Id}");
            }
        }

        var video = new OxenVideo(_queue.Pipeline, Id, snapshot.ModelName, snapshot.ResultUrl, bytes: null, $"GET /api/ai/queue/{Id}");
        ChargedCostUsd = await _queue.GetChargedCostAsync(Id, cancellationToken).ConfigureAwait(false);
        video.ChargedCostUsd = ChargedCostUsd;
        Tracker.Charged(ChargedCostUsd);
        return video;
    }

    internal static TimeSpan Grow(TimeSpan interval, OxenClientOptions options)
    {
        var next = TimeSpan.FromTicks((long)Math.Min(interval.Ticks * options.PollBackoffFactor, options.PollMaxInterval.Ticks));
        return next < options.PollInitialInterval ? options.PollInitialInterval : next;
    }

    internal static bool IsTransient(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        TimeoutException or HttpRequestException or IOException => true,
        OxenApiException api => (int)api.StatusCode is 408 or 429 or >= 500,
        _ => false,
    };
}
