namespace Oxen.Video.Batch;

/// <summary>The state changes, one committed statement each.</summary>
public sealed partial class BatchJournal
{
    /// <summary>pending → sending, just before the enqueue goes out (counts the send).</summary>
    public void MarkSending(int lineNumber, DateTimeOffset at) =>
        Update(lineNumber, "state = 'sending', sends = sends + 1, sending_at = $a, error = NULL", ("$a", Unix(at)));

    /// <summary>sending → enqueued with the generation id the hub gave (or the one reconciliation found).</summary>
    public void MarkEnqueued(int lineNumber, string generationId, DateTimeOffset at, DateTimeOffset? hubEnqueuedAt = null) =>
        Update(lineNumber, "state = 'enqueued', generation_id = $id, enqueued_at = $a, hub_enqueued_at = COALESCE($h, hub_enqueued_at), error = NULL",
            ("$id", generationId), ("$a", Unix(at)), ("$h", Unix(hubEnqueuedAt)));

    /// <summary>Back to pending: the hub did not take the enqueue (429, or reconciliation found no generation).</summary>
    public void MarkPending(int lineNumber, string? note = null) =>
        Update(lineNumber, "state = 'pending', generation_id = NULL, error = $e", ("$e", note));

    /// <summary>enqueued → downloaded: the video is saved as <paramref name="file"/>.</summary>
    public void MarkDownloaded(int lineNumber, string file, DateTimeOffset at, OxenGeneration? snapshot) =>
        Update(lineNumber,
            "state = 'downloaded', file = $f, finished_at = $a, error = NULL, hub_enqueued_at = COALESCE($he, hub_enqueued_at), hub_started_at = COALESCE($hs, hub_started_at), hub_completed_at = COALESCE($hc, hub_completed_at)",
            ("$f", file), ("$a", Unix(at)), ("$he", Unix(snapshot?.EnqueuedAt)), ("$hs", Unix(snapshot?.StartedAt)), ("$hc", Unix(snapshot?.CompletedAt)));

    /// <summary>→ failed, with the hub's message and whether a retry may succeed.</summary>
    public void MarkFailed(int lineNumber, string error, bool retryable, DateTimeOffset at, OxenGeneration? snapshot = null) =>
        Update(lineNumber,
            "state = 'failed', error = $e, retryable = $r, finished_at = $a, hub_enqueued_at = COALESCE($he, hub_enqueued_at), hub_started_at = COALESCE($hs, hub_started_at), hub_completed_at = COALESCE($hc, hub_completed_at)",
            ("$e", error), ("$r", retryable ? 1 : 0), ("$a", Unix(at)), ("$he", Unix(snapshot?.EnqueuedAt)), ("$hs", Unix(snapshot?.StartedAt)), ("$hc", Unix(snapshot?.CompletedAt)));

    /// <summary>failed → pending for <c>--retry-failed</c> (counts the retry; the old id is dropped).</summary>
    public void MarkRetry(int lineNumber) =>
        Update(lineNumber, "state = 'pending', retries = retries + 1, generation_id = NULL, finished_at = NULL, hub_enqueued_at = NULL, hub_started_at = NULL, hub_completed_at = NULL", []);

    private void Update(int lineNumber, string set, params (string Name, object? Value)[] values)
    {
        lock (_gate)
        {
            using var command = Command($"UPDATE lines SET {set} WHERE line = $line;", [.. values, ("$line", lineNumber)]);
            if (command.ExecuteNonQuery() != 1)
            {
                throw new InvalidOperationException($"The journal has no line {lineNumber}.");
            }
        }
    }
}
