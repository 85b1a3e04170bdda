namespace Oxen.Video.Batch;

/// <summary>Settings of an <see cref="OxenBatch"/> run.</summary>
public sealed class OxenBatchOptions
{
    /// <summary>The client's settings (key, base address, timeouts, clock). The batch makes one client from them.</summary>
    public OxenClientOptions Client { get; set; } = new();

    /// <summary>
    /// The handler under the batch's API connection (a test's fault injector, a proxy); by default a socket handler
    /// like the client's own. The batch puts its rate-limit observer on top.
    /// </summary>
    public HttpMessageHandler? HttpHandler { get; set; }

    /// <summary>Where the batch's client logs (enqueues, retries, media uploads); nothing is logged when null.</summary>
    public Microsoft.Extensions.Logging.ILogger<OxenClient>? ClientLogger { get; set; }

    /// <summary>Generations in flight at once. Default 4.</summary>
    public int Concurrency { get; set; } = 4;

    /// <summary><see cref="OxenGenerationMode.Sse"/> (default: one event stream for the whole batch) or <see cref="OxenGenerationMode.Queue"/> (polls).</summary>
    public OxenGenerationMode Mode { get; set; } = OxenGenerationMode.Sse;

    /// <summary>
    /// The most the whole batch (this shard) may cost, in USD. With it set, a batch whose estimate is higher, or
    /// which has lines of unknown price, is refused before anything is sent.
    /// </summary>
    public decimal? MaxCostUsd { get; set; }

    /// <summary>How many times a failed line that may succeed is sent again (never a refusal for credits, quota or parameters). Default 0.</summary>
    public int RetryFailed { get; set; }

    /// <summary>
    /// Before a line left in <c>sending</c> by a killed run is reconciled, the batch waits until this long after
    /// that send, so an enqueue still in flight on the hub has landed and can be matched. Default 10 s.
    /// </summary>
    public TimeSpan ReconcileSettleTime { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How far the hub's <c>enqueued_at</c> may be from the local send time (clocks differ; the hub counts whole
    /// seconds) for a generation to match a line in <c>sending</c>. Default 2 minutes.
    /// </summary>
    public TimeSpan ReconcileClockSkew { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Enqueues sent for one line in one run whose answer was lost (5xx, timeout) before it is marked failed. Default 3.</summary>
    public int MaxUncertainSends { get; set; } = 3;

    /// <summary>Syncs each journal commit to the disk (survives a power cut, not only a killed process). Default on.</summary>
    public bool DurableJournal { get; set; } = true;

    /// <summary>Writes <c>results.jsonl</c> and <c>report.html</c> at the end of a run. Default on.</summary>
    public bool WriteReports { get; set; } = true;

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Client);
        ArgumentOutOfRangeException.ThrowIfLessThan(Concurrency, 1, nameof(Concurrency));
        ArgumentOutOfRangeException.ThrowIfNegative(RetryFailed, nameof(RetryFailed));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxUncertainSends, 1, nameof(MaxUncertainSends));
        ArgumentOutOfRangeException.ThrowIfLessThan(ReconcileSettleTime, TimeSpan.Zero, nameof(ReconcileSettleTime));
        ArgumentOutOfRangeException.ThrowIfLessThan(ReconcileClockSkew, TimeSpan.Zero, nameof(ReconcileClockSkew));
        if (MaxCostUsd is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxCostUsd), MaxCostUsd, "The cost limit must not be negative.");
        }

        if (Mode is not (OxenGenerationMode.Sse or OxenGenerationMode.Queue))
        {
            throw new ArgumentOutOfRangeException(nameof(Mode), Mode, "A batch runs in SSE or queue mode: a synchronous generation has no id to journal.");
        }
    }
}
