namespace Oxen.Video;

/// <summary>
/// A wait for a queued generation ran past its bound (<see cref="OxenClientOptions.MaxWait"/> or the per-call
/// override). The generation goes on on the server: rebuild it later from <see cref="GenerationId"/> with
/// <see cref="OxenClient.GetOperation"/>.
/// </summary>
public sealed class OxenWaitTimeoutException : TimeoutException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="generationId">The generation that did not end in time.</param>
    /// <param name="maxWait">The bound that was reached.</param>
    /// <param name="lastStatus">The status last seen, as the API wrote it.</param>
    public OxenWaitTimeoutException(string generationId, TimeSpan maxWait, string? lastStatus)
        : base($"Oxen generation {generationId} did not end within {maxWait} (last status: {lastStatus ?? "none"}). It goes on on the server; wait again with its id.")
    {
        GenerationId = generationId;
        MaxWait = maxWait;
        LastStatus = lastStatus;
    }

    /// <summary>The generation that did not end in time; its job goes on on the server.</summary>
    public string GenerationId { get; }

    /// <summary>The bound that was reached.</summary>
    public TimeSpan MaxWait { get; }

    /// <summary>The status last seen, as the API wrote it, when any.</summary>
    public string? LastStatus { get; }
}
