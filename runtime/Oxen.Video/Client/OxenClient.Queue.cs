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
    /// <exception cref="OxenCostLimitException">Its estimated cost is above <see cref="OxenClientOptions.MaxCostPerGeneration"/>; nothing was sent.</exception>
    /// <exception cref="OxenMediaException">
    /// A local media cannot be sent (see <see cref="OxenMedia"/>); nothing was enqueued.
    /// </exception>
    public async Task<IReadOnlyList<OxenGenerationOperation>> EnqueueAsync(
        IOxenRequest request,
        int numGenerations = 1,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(numGenerations, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(numGenerations, MaxGenerationsPerRequest);
        request.EnsureValid();
        EnsureAffordable(request, numGenerations);
        ThrowIfDisposed();
        OxenBodyProperty[] extra = numGenerations > 1 ? [new("num_generations", null, numGenerations)] : [];
        var body = await OxenRequestBody.WriteAsync(request, _media, extra, cancellationToken).ConfigureAwait(false);
        return await _queue.EnqueueAsync(request, body, OxenGenerationMode.Queue, tracker: null, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Rebuilds the operation of a generation from its saved id; its status is fetched on first use.</summary>
    /// <exception cref="ArgumentException">The id is empty, <c>.</c> or <c>..</c>, or holds a slash, backslash, whitespace or a control character.</exception>
    public OxenGenerationOperation GetOperation(string generationId)
    {
        OxenGenerationId.Validate(generationId, nameof(generationId));
        return _queue.Rebuild(generationId);
    }

    /// <summary>Fetches one generation (<c>GET /api/ai/queue/{id}</c>).</summary>
    /// <exception cref="ArgumentException">The id cannot be a generation id (see <see cref="GetOperation"/>); nothing was sent.</exception>
    /// <exception cref="OxenApiException">Unknown id (404) or another API error.</exception>
    public Task<OxenGeneration> GetGenerationAsync(string generationId, CancellationToken cancellationToken = default) =>
        _queue.GetAsync(generationId, cancellationToken);

    /// <summary>Lists generations (<c>GET /api/ai/queue</c>); the API lists active ones unless a status is given.</summary>
    /// <param name="status">Only generations in this state.</param>
    /// <param name="model">Only generations of this model.</param>
    /// <param name="mediaType">Only this media type, e.g. <c>video</c>.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    public Task<OxenGenerationList> ListGenerationsAsync(
        OxenGenerationStatus? status = null,
        string? model = null,
        string? mediaType = null,
        CancellationToken cancellationToken = default) =>
        _queue.ListAsync(status, model, mediaType, cancellationToken);
}
