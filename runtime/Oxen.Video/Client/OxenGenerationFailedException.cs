namespace Oxen.Video;

/// <summary>A generation ended without a video: it failed or was cancelled.</summary>
public sealed class OxenGenerationFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="id">The generation id.</param>
    /// <param name="status">How it ended: <see cref="OxenGenerationStatus.Failed"/> or <see cref="OxenGenerationStatus.Cancelled"/>.</param>
    /// <param name="errorMessage">The API's <c>error_message</c>, when it gave one.</param>
    public OxenGenerationFailedException(string id, OxenGenerationStatus status, string? errorMessage)
        : base(BuildMessage(id, status, errorMessage))
    {
        Id = id;
        Status = status;
        ErrorMessage = errorMessage;
    }

    /// <summary>The generation id.</summary>
    public string Id { get; }

    /// <summary>How it ended.</summary>
    public OxenGenerationStatus Status { get; }

    /// <summary>The API's <c>error_message</c>, when it gave one.</summary>
    public string? ErrorMessage { get; }

    private static string BuildMessage(string id, OxenGenerationStatus status, string? errorMessage) => status switch
    {
        OxenGenerationStatus.Cancelled => $"Generation {id} was cancelled.",
        _ when errorMessage is not null => $"Generation {id} failed: {errorMessage}",
        _ => $"Generation {id} ended as {status} without a video.",
    };
}
