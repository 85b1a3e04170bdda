using System.Text.Json;

namespace Oxen.Video;

/// <summary>The queue's calls over the pipeline: enqueue, get, list, cancel. Operations and the event stream use it.</summary>
internal sealed class OxenQueueApi(OxenPipeline pipeline)
{
    public OxenPipeline Pipeline { get; } = pipeline;

    /// <param name="request">A validated request.</param>
    /// <param name="body">Its body (<see cref="OxenRequestBody.WriteAsync"/>), local media already made URLs.</param>
    /// <param name="mode">How the caller will wait, for telemetry.</param>
    /// <param name="tracker">The telemetry of the first generation, when the caller already holds one (a span).</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    public async Task<IReadOnlyList<OxenGenerationOperation>> EnqueueAsync(
        IOxenRequest request,
        byte[] body,
        OxenGenerationMode mode,
        OxenGenerationTracker? tracker,
        CancellationToken cancellationToken)
    {
        using var document = await Pipeline.SendJsonAsync(OxenCalls.Enqueue(Pipeline, body), cancellationToken).ConfigureAwait(false);
        var root = document.RootElement;
        var operations = new List<OxenGenerationOperation>();
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("generations", out var generations) && generations.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in generations.EnumerateArray())
            {
                operations.Add(CreateEnqueuedOperation(item, request.ModelId, operations.Count == 0 ? tracker : null, mode));
            }
        }
        else if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("generation_id", out _))
        {
            operations.Add(CreateEnqueuedOperation(root, request.ModelId, tracker, mode));
        }

        if (operations.Count == 0)
        {
            throw new OxenApiException(200, "invalid_response", "The enqueue answer has no generation id.", OxenApiException.Shorten(root.GetRawText()), null, "POST /api/ai/queue");
        }

        return operations;
    }

    public async Task<OxenGeneration> GetAsync(string generationId, CancellationToken cancellationToken)
    {
        OxenGenerationId.Validate(generationId, nameof(generationId));
        using var document = await Pipeline.SendJsonAsync(OxenCalls.GetGeneration(Pipeline, generationId), cancellationToken).ConfigureAwait(false);
        return OxenGeneration.FromJson(document.RootElement, Pipeline.BaseAddress, generationId);
    }

    public async Task<OxenGenerationList> ListAsync(OxenGenerationStatus? status, string? model, string? mediaType, CancellationToken cancellationToken)
    {
        using var document = await Pipeline.SendJsonAsync(OxenCalls.ListGenerations(Pipeline, status, model, mediaType), cancellationToken).ConfigureAwait(false);
        var root = document.RootElement;
        var items = new List<OxenGeneration>();
        var array = root.ValueKind == JsonValueKind.Array ? root
            : root.ValueKind == JsonValueKind.Object && root.TryGetProperty("generations", out var g) && g.ValueKind == JsonValueKind.Array ? g
            : default;
        if (array.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in array.EnumerateArray())
            {
                items.Add(OxenGeneration.FromJson(item, Pipeline.BaseAddress));
            }
        }

        var count = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("count", out var c) && c.TryGetInt32(out var n) ? n : items.Count;
        return new OxenGenerationList(count, items);
    }

    public async Task CancelAsync(string generationId, CancellationToken cancellationToken)
    {
        OxenGenerationId.Validate(generationId, nameof(generationId));
        using var _ = await Pipeline.SendJsonAsync(OxenCalls.CancelGeneration(Pipeline, generationId), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The charged cost of an ended generation (<c>GET /api/ai/generations/{id}</c>, <c>cost</c> as a decimal string
    /// or number), or <see langword="null"/> when the hub does not give it; never throws for a missing cost.
    /// </summary>
    public async Task<decimal?> GetChargedCostAsync(string generationId, CancellationToken cancellationToken)
    {
        if (!Pipeline.Options.FetchChargedCost)
        {
            return null;
        }

        try
        {
            using var document = await Pipeline.SendJsonAsync(OxenCalls.GetGenerationRecord(Pipeline, generationId), cancellationToken).ConfigureAwait(false);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("cost", out var cost)
                ? ReadCost(cost)
                : null;
        }
        catch (Exception ex) when (ex is OxenApiException or HttpRequestException or TimeoutException or IOException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            OxenLog.ChargedCostUnavailable(Pipeline.Logger, generationId, ex.Message);
            return null;
        }
    }

    private static decimal? ReadCost(JsonElement cost) => cost.ValueKind switch
    {
        JsonValueKind.Number when cost.TryGetDecimal(out var number) && number >= 0 => number,
        JsonValueKind.String when decimal.TryParse(cost.GetString(), System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var text) => text,
        _ => null,
    };

    /// <summary>An operation rebuilt from a saved id: its times come from the hub's timestamps.</summary>
    public OxenGenerationOperation Rebuild(string generationId) =>
        new(this, generationId, snapshot: null, new OxenGenerationTracker(null, OxenGenerationMode.Queue, Pipeline.Time, activity: null, sawEnqueue: false));

    private OxenGenerationOperation CreateEnqueuedOperation(JsonElement item, string modelId, OxenGenerationTracker? tracker, OxenGenerationMode mode)
    {
        var snapshot = OxenGeneration.FromJson(item, Pipeline.BaseAddress);
        OxenLog.Enqueued(Pipeline.Logger, snapshot.GenerationId, snapshot.ModelName ?? modelId);
        if (OxenGenerationId.Problem(snapshot.GenerationId) is { } problem)
        {
            // Logged above (it may have been billed); it cannot be used in a URL, so it cannot be followed.
            throw new OxenApiException(
                200, "invalid_response", $"The enqueue answer's generation id '{OxenGenerationId.Show(snapshot.GenerationId)}' cannot be used ({problem}).",
                null, null, "POST /api/ai/queue");
        }

        if (snapshot.Status == OxenGenerationStatus.Unknown)
        {
            snapshot = new OxenGeneration
            {
                GenerationId = snapshot.GenerationId,
                ModelName = snapshot.ModelName ?? modelId,
                Status = OxenGenerationStatus.Queued,
                StatusText = snapshot.StatusText,
                Json = snapshot.Json,
            };
        }

        tracker ??= new OxenGenerationTracker(snapshot.ModelName ?? modelId, mode, Pipeline.Time, activity: null, sawEnqueue: true);
        tracker.Enqueued(snapshot.GenerationId);
        return new OxenGenerationOperation(this, snapshot.GenerationId, snapshot, tracker);
    }
}
