namespace Oxen.Video.Batch;

/// <summary>Where a batch run stands.</summary>
/// <param name="Total">Lines in this shard.</param>
/// <param name="Done">Lines whose video is saved.</param>
/// <param name="Failed">Lines that failed.</param>
/// <param name="InFlight">Generations being sent or awaited now.</param>
/// <param name="CostSoFarUsd">The summed estimate of the saved videos whose price is known.</param>
/// <param name="Eta">The estimated time left at this run's pace, when it can be told.</param>
public sealed record BatchProgress(int Total, int Done, int Failed, int InFlight, decimal CostSoFarUsd, TimeSpan? Eta);

/// <summary>The outcome of a run.</summary>
public sealed record BatchSummary
{
    /// <summary>Lines in this shard.</summary>
    public required int Total { get; init; }

    /// <summary>Lines whose video is saved (in this run or before).</summary>
    public required int Downloaded { get; init; }

    /// <summary>Lines that failed.</summary>
    public required int Failed { get; init; }

    /// <summary>Lines still enqueued (awaited again by id on the next run).</summary>
    public required int Enqueued { get; init; }

    /// <summary>Lines not sent, or whose send is unresolved (next run).</summary>
    public required int Unfinished { get; init; }

    /// <summary>Enqueues this run sent.</summary>
    public required int EnqueuesSent { get; init; }

    /// <summary>Lines a previous run left in <c>sending</c> whose generation was found on the hub (not sent again).</summary>
    public required int Reconciled { get; init; }

    /// <summary>Lines left in <c>sending</c> with no generation on the hub, so sent again.</summary>
    public required int ReconciledAsNotSent { get; init; }

    /// <summary>The folder's results file, when written.</summary>
    public string? ResultsPath { get; init; }

    /// <summary>The folder's HTML report, when written.</summary>
    public string? ReportPath { get; init; }

    /// <summary>Whether every line ended (saved or failed).</summary>
    public bool IsComplete => Enqueued == 0 && Unfinished == 0;
}
