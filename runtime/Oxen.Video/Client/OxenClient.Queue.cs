using System.Text.Json;

namespace Oxen.Video;

/// <summary>The queue: enqueue, look up, list and cancel generations.</summary>
public sealed partial class OxenClient
{
    /// <summary>The largest <c>num_generations</c> the API's spec allows.</summary>
    public const int MaxGenerationsPerRequest = 12;

    /// <summary>
    /// Validates <paramref name="request"/> and enqueues it (<c>POST /api/ai/queue</c>). Each id is logged the
    /// moment the answer is read. A failed enqueue is repeated only on 429 or a connection that never opened.
    /// </summary>
    /// <param name="request">The request; nothing is sent when it is invalid.</param>
    /// <param name="numGenerations">How many videos to make from it, 1 to 12.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>One operation per generation.</returns>
    /// <exception cref="Validation.OxenValidationException">The request breaks its schema.</exception>
    public async Task<IReadOnlyList<OxenGenerationOperation>> EnqueueAsync(
        IOxenRequest request,
        int numGenerations = 1,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(numGenerations, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(numGenerations, MaxGenerationsPerRequest);
        request.EnsureValid();
        ThrowIfDisposed();
        return await EnqueueValidatedAsync(request, numGenerations, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Rebuilds the operation of a generation from its saved id; its status is fetched on first use.</summary>
    /// <exception cref="ArgumentException">The id is empty, <c>.</c> or <c>..</c>, or holds a slash, backslash, whitespace or a control character.</exception>
    public OxenGenerationOperation GetOperation(string generationId)
    {
        OxenGenerationId.Validate(generationId, nameof(generationId));
        return new OxenGenerationOperation(this, generationId, snapshot: null);
    }

    /// <summary>Fetches one generation (<c>GET /api/ai/queue/{id}</c>).</summary>
    /// <exception cref="ArgumentException">The id cannot be a generation id (see <see cref="GetOperation"/>); nothing was sent.</exception>
    /// <exception cref="OxenApiException">Unknown id (404) or another API error.</exception>
    public async Task<OxenGeneration> GetGenerationAsync(string generationId, CancellationToken cancellationToken = default)
    {
        OxenGenerationId.Validate(generationId, nameof(generationId));
        using var document = await SendJsonAsync(GetGenerationCall(generationId), cancellationToken).ConfigureAwait(false);
        return OxenGeneration.FromJson(document.RootElement, BaseAddress, generationId);
    }

    /// <summary>Lists generations (<c>GET /api/ai/queue</c>); the API lists active ones unless a status is given.</summary>
    /// <param name="status">Only generations in this state.</param>
    /// <param name="model">Only generations of this model.</param>
    /// <param name="mediaType">Only this media type, e.g. <c>video</c>.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    public async Task<OxenGenerationList> ListGenerationsAsync(
        OxenGenerationStatus? status = null,
        string? model = null,
        string? mediaType = null,
        CancellationToken cancellationToken = default)
    {
        using var document = await SendJsonAsync(ListGenerationsCall(status, model, mediaType), cancellationToken).ConfigureAwait(false);
        var root = document.RootElement;
        var items = new List<OxenGeneration>();
        var array = root.ValueKind == JsonValueKind.Array ? root
            : root.ValueKind == JsonValueKind.Object && root.TryGetProperty("generations", out var g) && g.ValueKind == JsonValueKind.Array ? g
            : default;
        if (array.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in array.EnumerateArray())
            {
                items.Add(OxenGeneration.FromJson(item, BaseAddress));
            }
        }

        var count = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("count", out var c) && c.TryGetInt32(out var n) ? n : items.Count;
        return new OxenGenerationList(count, items);
    }

    internal async Task CancelGenerationAsync(string generationId, CancellationToken cancellationToken)
    {
        OxenGenerationId.Validate(generationId, nameof(generationId));
        using var _ = await SendJsonAsync(CancelGenerationCall(generationId), cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<OxenGenerationOperation>> EnqueueValidatedAsync(IOxenRequest request, int numGenerations, CancellationToken cancellationToken)
    {
        var body = numGenerations > 1
            ? OxenRequestBody.Write(request, new OxenBodyProperty("num_generations", null, numGenerations))
            : OxenRequestBody.Write(request);
        using var document = await SendJsonAsync(EnqueueCall(body), cancellationToken).ConfigureAwait(false);
        var root = document.RootElement;
        var operations = new List<OxenGenerationOperation>();
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("generations", out var generations) && generations.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in generations.EnumerateArray())
            {
                operations.Add(CreateEnqueuedOperation(item, request.ModelId));
            }
        }
        else if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("generation_id", out _))
        {
            operations.Add(CreateEnqueuedOperation(root, request.ModelId));
        }

        if (operations.Count == 0)
        {
            throw new OxenApiException(200, "invalid_response", "The enqueue answer has no generation id.", OxenApiException.Shorten(root.GetRawText()), null, "POST /api/ai/queue");
        }

        return operations;
    }

    private OxenGenerationOperation CreateEnqueuedOperation(JsonElement item, string modelId)
    {
        var snapshot = OxenGeneration.FromJson(item, BaseAddress);
        OxenLog.Enqueued(_logger, snapshot.GenerationId, snapshot.ModelName ?? modelId);
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

        return new OxenGenerationOperation(this, snapshot.GenerationId, snapshot);
    }
}
