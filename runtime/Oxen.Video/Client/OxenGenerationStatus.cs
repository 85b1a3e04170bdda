namespace Oxen.Video;

/// <summary>The state of a queued generation.</summary>
public enum OxenGenerationStatus
{
    /// <summary>A status this library does not know, or not fetched yet.</summary>
    Unknown,

    /// <summary>Waiting for a worker.</summary>
    Queued,

    /// <summary>Running.</summary>
    Processing,

    /// <summary>Finished with a result.</summary>
    Succeeded,

    /// <summary>Finished with an error.</summary>
    Failed,

    /// <summary>Cancelled before it finished.</summary>
    Cancelled,
}
