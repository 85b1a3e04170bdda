namespace Oxen.Video.Batch;

/// <summary>One line as the journal holds it.</summary>
public sealed record BatchJournalRow
{
    /// <summary>The 1-based line number in the batch file.</summary>
    public required int LineNumber { get; init; }

    /// <summary>The output's name.</summary>
    public required string Key { get; init; }

    /// <summary>The model id.</summary>
    public required string Model { get; init; }

    /// <summary>The request body sent (<c>{"model": ..., ...}</c>).</summary>
    public required string Body { get; init; }

    /// <summary>The state.</summary>
    public required BatchLineState State { get; init; }

    /// <summary>The generation id, once the hub gave one.</summary>
    public string? GenerationId { get; init; }

    /// <summary>The hub's message for a failure.</summary>
    public string? Error { get; init; }

    /// <summary>Whether a failure may succeed when retried (not a refusal for credits, quota or parameters).</summary>
    public bool Retryable { get; init; }

    /// <summary>How many enqueues were sent for the line (more than one only after the hub said it took none).</summary>
    public int Sends { get; init; }

    /// <summary>How many times a failure was retried (<c>--retry-failed</c>).</summary>
    public int Retries { get; init; }

    /// <summary>The estimated price in USD, when known.</summary>
    public decimal? EstimatedCostUsd { get; init; }

    /// <summary>The price charged in USD, when the hub reported one (Oxen's queue does not yet).</summary>
    public decimal? ChargedCostUsd { get; init; }

    /// <summary>When the enqueue went out (local clock).</summary>
    public DateTimeOffset? SendingAt { get; init; }

    /// <summary>When the generation id was saved (local clock).</summary>
    public DateTimeOffset? EnqueuedAt { get; init; }

    /// <summary>When the line ended: saved or failed (local clock).</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>When a hub worker started it (<c>started_at</c>), when the hub said.</summary>
    public DateTimeOffset? HubStartedAt { get; init; }

    /// <summary>When the hub enqueued it (<c>enqueued_at</c>), when the hub said.</summary>
    public DateTimeOffset? HubEnqueuedAt { get; init; }

    /// <summary>When the hub ended it (<c>completed_at</c>), when the hub said.</summary>
    public DateTimeOffset? HubCompletedAt { get; init; }

    /// <summary>The saved video's file name (<c>&lt;key&gt;.mp4</c>), once downloaded.</summary>
    public string? File { get; init; }

    /// <summary>Time spent queued on the hub, when the hub reported both ends.</summary>
    public TimeSpan? QueuedTime => HubStartedAt - HubEnqueuedAt is { } t && t >= TimeSpan.Zero ? t : null;

    /// <summary>Time spent processing on the hub, when the hub reported both ends.</summary>
    public TimeSpan? ProcessingTime => HubCompletedAt - HubStartedAt is { } t && t >= TimeSpan.Zero ? t : null;

    /// <summary>From the saved generation id to the end of the line, on the local clock.</summary>
    public TimeSpan? WaitTime => FinishedAt - EnqueuedAt is { } t && t >= TimeSpan.Zero ? t : null;
}
