using System.Text.Json;

namespace Oxen.Video;

/// <summary>One-call video generation in the three modes.</summary>
public sealed partial class OxenClient
{
    /// <summary>
    /// Validates <paramref name="request"/>, generates one video and returns it once it is ready.
    /// </summary>
    /// <param name="request">The request; nothing is sent when it is invalid.</param>
    /// <param name="mode">
    /// <see cref="OxenGenerationMode.Queue"/> (enqueue then poll), <see cref="OxenGenerationMode.Sync"/> (one
    /// blocking call) or <see cref="OxenGenerationMode.Sse"/> (enqueue then await the completion event).
    /// </param>
    /// <param name="progress">Told the status as it changes.</param>
    /// <param name="cancellationToken">Stops waiting; it never cancels a queued generation on the server.</param>
    /// <returns>The video, to save or open.</returns>
    /// <exception cref="Validation.OxenValidationException">The request breaks its schema; nothing was sent.</exception>
    /// <exception cref="OxenCostLimitException">Its estimated cost is above <see cref="OxenClientOptions.MaxCostPerGeneration"/>; nothing was sent.</exception>
    /// <exception cref="OxenMediaException">
    /// A local media cannot be sent (see <see cref="OxenMedia"/>); nothing was enqueued.
    /// </exception>
    /// <exception cref="OxenGenerationFailedException">The generation failed or was cancelled.</exception>
    /// <exception cref="OxenApiException">The API answered with an error, or with a result that is not acceptable.</exception>
    /// <exception cref="OxenWaitTimeoutException">A queued generation did not end within <see cref="OxenClientOptions.MaxWait"/>.</exception>
    public async Task<OxenVideo> GenerateVideoAsync(
        IOxenRequest request,
        OxenGenerationMode mode = OxenGenerationMode.Queue,
        IProgress<OxenGenerationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (mode is not (OxenGenerationMode.Sync or OxenGenerationMode.Queue or OxenGenerationMode.Sse))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown generation mode.");
        }

        request.EnsureValid();
        EnsureAffordable(request, 1);
        ThrowIfDisposed();

        // One span per generation (null when nobody listens); the tracker moves it along as the status changes.
        using var activity = OxenGenerationTracker.StartActivity(request.ModelId, mode, _pipeline.BaseAddress);
        if (activity is { IsAllDataRequested: true } && request.EstimateCost() is { } estimate)
        {
            activity.SetTag(OxenTelemetry.Tags.EstimatedCostUsd, (double)estimate.TotalUsd);
        }

        var tracker = new OxenGenerationTracker(request.ModelId, mode, _pipeline.Time, activity, sawEnqueue: true);
        try
        {
            // Before any HTTP call of the mode (the event stream's too): a local media that cannot be sent stops here.
            var body = await OxenRequestBody.WriteAsync(request, _media, [], cancellationToken).ConfigureAwait(false);
            return mode switch
            {
                OxenGenerationMode.Sync => await GenerateSyncAsync(request, body, tracker, progress, cancellationToken)
                    .ConfigureAwait(false),
                OxenGenerationMode.Queue => await GenerateQueuedAsync(
                    request, body, tracker, progress, cancellationToken).ConfigureAwait(false),
                _ => await GenerateWithEventsAsync(request, body, tracker, progress, cancellationToken)
                    .ConfigureAwait(false),
            };
        }
        catch (Exception ex) when (activity is not null)
        {
            if (activity.Status != System.Diagnostics.ActivityStatusCode.Error)
            {
                activity.SetTag(OxenTelemetry.Tags.ErrorType, ex.GetType().FullName);
                activity.SetStatus(System.Diagnostics.ActivityStatusCode.Error, ex.Message);
            }

            throw;
        }
    }

    private async Task<OxenVideo> GenerateSyncAsync(
        IOxenRequest request,
        byte[] body,
        OxenGenerationTracker tracker,
        IProgress<OxenGenerationProgress>? progress,
        CancellationToken cancellationToken)
    {
        tracker.Observe(OxenGenerationStatus.Processing, null);
        const string description = "POST /api/ai/videos/generate";
        var started = _pipeline.Time.GetTimestamp();
        progress?.Report(new OxenGenerationProgress(null, OxenGenerationStatus.Processing, TimeSpan.Zero));
        var call = OxenCalls.SyncGenerate(_pipeline, body);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(call.Timeout);
        var limit = _pipeline.Options.MaxDownloadBytes;
        var inline = new OxenInlineVideo(limit, size => OxenPipeline.TooLarge(200, $"sent inline holds more than {limit} bytes", limit, description));
        JsonDocument document;
        bool hasInline;
        try
        {
            using var response = await _pipeline.SendAsync(call, HttpCompletionOption.ResponseHeadersRead, followRedirects: false, timeout.Token).ConfigureAwait(false);
            var stream = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                // The base64 is decoded as it arrives, straight into memory or a temporary file, under the size limit.
                (document, hasInline) = await OxenSyncAnswerReader.ReadAsync(stream, inline, timeout.Token)
                    .ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            inline.Discard();
            if (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"{description} timed out after {call.Timeout}. It was not repeated: a repeat would create (and bill) another generation.", ex);
            }

            if (ex is JsonException json)
            {
                throw new OxenApiException(200, "invalid_response", "The answer is not JSON.", json.Message, null, description);
            }

            throw;
        }

        using (document)
        {
            var answer = document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.Deserialize(OxenJsonContext.Default.SyncResponseWire)
                : null;
            var item = answer?.Videos is { Count: > 0 } videos ? videos[0] : null;
            var model = answer?.Model ?? request.ModelId;
            OxenVideo video;
            if (hasInline)
            {
                var bytes = await inline.CompleteAsync(cancellationToken).ConfigureAwait(false);
                video = bytes is not null
                    ? new OxenVideo(_pipeline, null, model, null, bytes, description)
                    : new OxenVideo(_pipeline, null, model, null, null, description, inline);
            }
            else if (OxenResultUrl.Parse(item?.Url, _pipeline.BaseAddress) is { } url)
            {
                inline.Discard();
                video = new OxenVideo(_pipeline, null, model, url, bytes: null, description);
            }
            else
            {
                inline.Discard();
                throw new OxenApiException(
                    200, "invalid_response", "The answer has no videos[0].url or videos[0].b64_json.",
                    OxenApiException.Shorten(document.RootElement.GetRawText()), null, description);
            }

            OxenLog.SyncFinished(_pipeline.Logger, model);
            tracker.Observe(OxenGenerationStatus.Succeeded, null);
            progress?.Report(new OxenGenerationProgress(null, OxenGenerationStatus.Succeeded, _pipeline.Time.GetElapsedTime(started)));
            return video;
        }
    }

    private async Task<OxenVideo> GenerateQueuedAsync(
        IOxenRequest request,
        byte[] body,
        OxenGenerationTracker tracker,
        IProgress<OxenGenerationProgress>? progress,
        CancellationToken cancellationToken)
    {
        var operations = await _queue.EnqueueAsync(request, body, OxenGenerationMode.Queue, tracker, cancellationToken)
            .ConfigureAwait(false);
        var operation = operations[0];
        progress?.Report(new OxenGenerationProgress(operation.Id, operation.Status, TimeSpan.Zero));
        return await operation.WaitForCompletionAsync(progress, cancellationToken).ConfigureAwait(false);
    }

    private async Task<OxenVideo> GenerateWithEventsAsync(
        IOxenRequest request,
        byte[] body,
        OxenGenerationTracker tracker,
        IProgress<OxenGenerationProgress>? progress,
        CancellationToken cancellationToken)
    {
        var started = _pipeline.Time.GetTimestamp();

        // Subscribe first: the stream has no replay, so it must be open before the job can finish.
        using var subscription = _events.Subscribe();
        try
        {
            await subscription.Ready.WaitAsync(_pipeline.Options.RequestTimeout, _pipeline.Time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Not connected yet: enqueue anyway; the catch-up after connecting and the polls cover the gap.
        }

        var operations = await _queue.EnqueueAsync(request, body, OxenGenerationMode.Sse, tracker, cancellationToken)
            .ConfigureAwait(false);
        var operation = operations[0];
        progress?.Report(new OxenGenerationProgress(operation.Id, operation.Status, TimeSpan.Zero));
        subscription.OnSnapshot = snapshot =>
        {
            operation.Apply(snapshot);
            progress?.Report(new OxenGenerationProgress(operation.Id, snapshot.Status, _pipeline.Time.GetElapsedTime(started)));
        };
        subscription.Bind(operation.Id);

        OxenCompletion completion;
        try
        {
            completion = await subscription.Completion.WaitAsync(_pipeline.Options.MaxWait, _pipeline.Time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new OxenWaitTimeoutException(operation.Id, _pipeline.Options.MaxWait, operation.LastSnapshot?.StatusText);
        }

        var snapshot = completion.Snapshot ?? new OxenGeneration
        {
            GenerationId = operation.Id,
            ModelName = completion.Model ?? operation.LastSnapshot?.ModelName ?? request.ModelId,
            Status = completion.Status,
            StatusText = OxenGenerationStatusText.ToWire(completion.Status),
            ResultUrl = completion.Url,
            ErrorMessage = completion.Error,
        };
        operation.Apply(snapshot);
        if (completion.Status == OxenGenerationStatus.Succeeded)
        {
            progress?.Report(new OxenGenerationProgress(operation.Id, OxenGenerationStatus.Succeeded, _pipeline.Time.GetElapsedTime(started)));
        }

        return await operation.ToVideoAsync(snapshot, cancellationToken).ConfigureAwait(false);
    }
}
