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
    /// <exception cref="OxenGenerationFailedException">The generation failed or was cancelled.</exception>
    /// <exception cref="OxenApiException">The API answered with an error.</exception>
    public async Task<OxenVideo> GenerateVideoAsync(
        IOxenRequest request,
        OxenGenerationMode mode = OxenGenerationMode.Queue,
        IProgress<OxenGenerationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.EnsureValid();
        ThrowIfDisposed();
        return mode switch
        {
            OxenGenerationMode.Sync => await GenerateSyncAsync(request, progress, cancellationToken).ConfigureAwait(false),
            OxenGenerationMode.Queue => await GenerateQueuedAsync(request, progress, cancellationToken).ConfigureAwait(false),
            OxenGenerationMode.Sse => await GenerateWithEventsAsync(request, progress, cancellationToken).ConfigureAwait(false),
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown generation mode."),
        };
    }

    private async Task<OxenVideo> GenerateSyncAsync(IOxenRequest request, IProgress<OxenGenerationProgress>? progress, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        progress?.Report(new OxenGenerationProgress(null, OxenGenerationStatus.Processing, TimeSpan.Zero));
        using var document = await SendJsonAsync(SyncGenerateCall(OxenRequestBody.Write(request)), cancellationToken).ConfigureAwait(false);
        var answer = document.RootElement.ValueKind == JsonValueKind.Object
            ? document.RootElement.Deserialize(OxenJsonContext.Default.SyncResponseWire)
            : null;
        var item = answer?.Videos is { Count: > 0 } videos ? videos[0] : null;
        var model = answer?.Model ?? request.ModelId;
        OxenVideo video;
        if (!string.IsNullOrEmpty(item?.B64Json))
        {
            video = new OxenVideo(this, null, model, null, DecodeBase64(item.B64Json));
        }
        else if (OxenGeneration.ParseUrl(item?.Url) is { } url)
        {
            video = new OxenVideo(this, null, model, url, bytes: null);
        }
        else
        {
            throw new OxenApiException(
                200, "invalid_response", "The answer has no videos[0].url or videos[0].b64_json.",
                OxenApiException.Shorten(document.RootElement.GetRawText()), null, "POST /api/ai/videos/generate");
        }

        OxenLog.SyncFinished(_logger, model);
        progress?.Report(new OxenGenerationProgress(null, OxenGenerationStatus.Succeeded, _time.GetElapsedTime(started)));
        return video;
    }

    private async Task<OxenVideo> GenerateQueuedAsync(IOxenRequest request, IProgress<OxenGenerationProgress>? progress, CancellationToken cancellationToken)
    {
        var operations = await EnqueueValidatedAsync(request, 1, cancellationToken).ConfigureAwait(false);
        var operation = operations[0];
        progress?.Report(new OxenGenerationProgress(operation.Id, operation.Status, TimeSpan.Zero));
        return await operation.WaitForCompletionAsync(progress, cancellationToken).ConfigureAwait(false);
    }

    private async Task<OxenVideo> GenerateWithEventsAsync(IOxenRequest request, IProgress<OxenGenerationProgress>? progress, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();

        // Subscribe first: the stream has no replay, so it must be open before the job can finish.
        using var subscription = _events.Subscribe();
        try
        {
            await subscription.Ready.WaitAsync(_options.RequestTimeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Not connected yet: enqueue anyway; the catch-up after connecting and the polls cover the gap.
        }

        var operations = await EnqueueValidatedAsync(request, 1, cancellationToken).ConfigureAwait(false);
        var operation = operations[0];
        progress?.Report(new OxenGenerationProgress(operation.Id, operation.Status, TimeSpan.Zero));
        subscription.OnSnapshot = snapshot =>
        {
            operation.Apply(snapshot);
            progress?.Report(new OxenGenerationProgress(operation.Id, snapshot.Status, _time.GetElapsedTime(started)));
        };
        subscription.Bind(operation.Id);

        var completion = await subscription.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
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
            progress?.Report(new OxenGenerationProgress(operation.Id, OxenGenerationStatus.Succeeded, _time.GetElapsedTime(started)));
        }

        return await operation.ToVideoAsync(snapshot, cancellationToken).ConfigureAwait(false);
    }

    private static byte[] DecodeBase64(string text)
    {
        var comma = text.StartsWith("data:", StringComparison.Ordinal) ? text.IndexOf(',', StringComparison.Ordinal) : -1;
        try
        {
            return Convert.FromBase64String(comma >= 0 ? text[(comma + 1)..] : text);
        }
        catch (FormatException ex)
        {
            throw new OxenApiException(200, "invalid_response", $"videos[0].b64_json is not base64: {ex.Message}", null, null, "POST /api/ai/videos/generate");
        }
    }
}
