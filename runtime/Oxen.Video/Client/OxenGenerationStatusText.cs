namespace Oxen.Video;

/// <summary>Maps the wire names of generation states, tolerating spellings the API may use.</summary>
internal static class OxenGenerationStatusText
{
    public static OxenGenerationStatus Parse(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "QUEUED" or "PENDING" or "SUBMITTED" => OxenGenerationStatus.Queued,
        "PROCESSING" or "RUNNING" or "IN_PROGRESS" or "STARTED" => OxenGenerationStatus.Processing,
        "SUCCEEDED" or "SUCCESS" or "COMPLETED" or "COMPLETE" => OxenGenerationStatus.Succeeded,
        "FAILED" or "ERROR" => OxenGenerationStatus.Failed,
        "CANCELLED" or "CANCELED" => OxenGenerationStatus.Cancelled,
        _ => OxenGenerationStatus.Unknown,
    };

    public static string ToWire(OxenGenerationStatus status) => status switch
    {
        OxenGenerationStatus.Queued => "queued",
        OxenGenerationStatus.Processing => "processing",
        OxenGenerationStatus.Succeeded => "succeeded",
        OxenGenerationStatus.Failed => "failed",
        OxenGenerationStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Only a known status can be used as a filter."),
    };

    public static bool IsTerminal(OxenGenerationStatus status) =>
        status is OxenGenerationStatus.Succeeded or OxenGenerationStatus.Failed or OxenGenerationStatus.Cancelled;
}
