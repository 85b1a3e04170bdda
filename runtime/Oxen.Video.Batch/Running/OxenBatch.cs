using System.Collections.Concurrent;

namespace Oxen.Video.Batch;

/// <summary>
/// Runs a checked <see cref="BatchPlan"/> into an output folder: one client (one event stream), a bounded number of
/// generations in flight, a journal that makes a re-run resume without paying twice, and <c>results.jsonl</c> and
/// <c>report.html</c> at the end. Run it again with the same plan and folder to resume after a crash.
/// </summary>
public sealed partial class OxenBatch
{
    /// <summary>The lock file that keeps two runs out of one folder.</summary>
    public const string LockFileName = ".oxen-batch.lock";

    private readonly BatchPlan _plan;
    private readonly OxenBatchOptions _options;
    private readonly TimeProvider _time;
    private readonly Dictionary<int, BatchLine> _lines;
    private readonly ConcurrentDictionary<int, int> _uncertainSends = new();
    private BatchJournal _journal = null!;
    private OxenClient _client = null!;
    private BatchRateGate _gate = null!;
    private IProgress<BatchProgress>? _progress;
    private long _started;
    private int _finishedThisRun;
    private int _inFlight;
    private readonly Lock _reportGate = new();
    private int _done;
    private int _failed;
    private int _enqueuesSent;
    private int _reconciled;
    private int _reconciledAsNotSent;
    private long _costSoFarMicros;

    /// <summary>Prepares a run.</summary>
    /// <param name="plan">The checked batch; a plan with problems is refused when run.</param>
    /// <param name="outputDirectory">Where the journal, the videos and the reports go (one folder per shard).</param>
    /// <param name="options">Settings; defaults when <see langword="null"/>.</param>
    public OxenBatch(BatchPlan plan, string outputDirectory, OxenBatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        _plan = plan;
        OutputDirectory = Path.GetFullPath(outputDirectory);
        _options = options ?? new OxenBatchOptions();
        _options.Validate();
        _time = _options.Client.TimeProvider ?? TimeProvider.System;
        _lines = plan.Lines.ToDictionary(l => l.LineNumber);
    }

    /// <summary>The output folder.</summary>
    public string OutputDirectory { get; }

    /// <summary>
    /// Runs (or resumes) the batch. Nothing is sent when the plan has problems, the journal belongs to another
    /// file or shard, or the estimate is over <see cref="OxenBatchOptions.MaxCostUsd"/>.
    /// </summary>
    /// <param name="progress">Told done, failed, in flight, cost so far and ETA as lines end.</param>
    /// <param name="cancellationToken">Stops the run; the journal keeps every line where it was, for the next run.</param>
    /// <exception cref="BatchValidationException">The plan or the journal has problems; nothing was sent.</exception>
    /// <exception cref="BatchRefusedException">Over the cost limit, or another run holds the folder.</exception>
    public async Task<BatchSummary> RunAsync(IProgress<BatchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (!_plan.IsValid)
        {
            throw new BatchValidationException(_plan.Problems);
        }

        CheckCost();
        Directory.CreateDirectory(OutputDirectory);
        using var folderLock = AcquireLock();
        using var journal = BatchJournal.Open(OutputDirectory, _options.DurableJournal);
        var problems = journal.Sync(_plan);
        if (problems.Count > 0)
        {
            throw new BatchValidationException(problems);
        }

        _journal = journal;
        _progress = progress;
        DeleteStaleDownloads();
        _gate = new BatchRateGate(_time);
        _started = _time.GetTimestamp();
        using var http = new HttpClient(new RateLimitObserver(_gate, _time, _options.Client.RetryBaseDelay, _options.HttpHandler ?? CreateHandler()), disposeHandler: _options.HttpHandler is null)
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        using var client = new OxenClient(http, _options.Client, _options.ClientLogger);
        _client = client;
        try
        {
            await RunRoundsAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Reports even after a cancellation: they show what is done so far (the journal is the truth).
            if (_options.WriteReports)
            {
                BatchReport.Write(OutputDirectory, [new BatchReportSource(OutputDirectory, journal.Rows()) { InputDirectory = BatchReport.InputDirectoryOf(journal) }], OutputDirectory);
            }
        }

        return Summarize();
    }

    private async Task RunRoundsAsync(CancellationToken cancellationToken)
    {
        var rows = _journal.Rows();
        foreach (var row in rows)
        {
            if (row.State == BatchLineState.Failed && row.Retryable && row.Retries < _options.RetryFailed)
            {
                _journal.MarkRetry(row.LineNumber);
            }
        }

        CountFinished(_journal.Rows());
        Report();

        // A round: settle lines whose send is unknown, then await the enqueued and send the pending. Lines move
        // forward in each round; the bound only stops a hub that keeps answering 5xx from looping forever.
        for (var round = 0; round < 2 + _options.MaxUncertainSends + _options.RetryFailed; round++)
        {
            await ReconcileAsync(cancellationToken).ConfigureAwait(false);
            var work = _journal.Rows().Where(r => r.State is BatchLineState.Pending or BatchLineState.Enqueued).ToList();
            if (work.Count == 0)
            {
                var retries = _journal.Rows().Where(r => r.State == BatchLineState.Failed && r.Retryable && r.Retries < _options.RetryFailed).ToList();
                if (retries.Count == 0)
                {
                    break;
                }

                foreach (var row in retries)
                {
                    _journal.MarkRetry(row.LineNumber);
                    Interlocked.Decrement(ref _failed);
                }

                continue;
            }

            await Parallel.ForEachAsync(
                work,
                new ParallelOptions { MaxDegreeOfParallelism = _options.Concurrency, CancellationToken = cancellationToken },
                (row, ct) => new ValueTask(RunLineAsync(row, ct))).ConfigureAwait(false);
        }
    }

    private BatchSummary Summarize()
    {
        var rows = _journal.Rows();
        return new BatchSummary
        {
            Total = rows.Count,
            Downloaded = rows.Count(r => r.State == BatchLineState.Downloaded),
            Failed = rows.Count(r => r.State == BatchLineState.Failed),
            Enqueued = rows.Count(r => r.State == BatchLineState.Enqueued),
            Unfinished = rows.Count(r => r.State is BatchLineState.Pending or BatchLineState.Sending),
            EnqueuesSent = _enqueuesSent,
            Reconciled = _reconciled,
            ReconciledAsNotSent = _reconciledAsNotSent,
            ResultsPath = _options.WriteReports ? Path.Combine(OutputDirectory, BatchReport.ResultsFileName) : null,
            ReportPath = _options.WriteReports ? Path.Combine(OutputDirectory, BatchReport.ReportFileName) : null,
        };
    }

    private void CheckCost()
    {
        if (_options.MaxCostUsd is not { } limit)
        {
            return;
        }

        if (_plan.UnknownCostLines > 0)
        {
            throw new BatchRefusedException(
                $"{_plan.UnknownCostLines} line(s) have no known price, so a cost limit of {limit} USD cannot bound the batch; nothing was sent. Run without --max-cost to accept unknown prices.");
        }

        if (_plan.KnownCostUsd > limit)
        {
            throw new BatchRefusedException(
                $"The batch is estimated at {_plan.KnownCostUsd} USD, over the limit of {limit} USD; nothing was sent.");
        }
    }

    private FileStream AcquireLock()
    {
        var path = Path.Combine(OutputDirectory, LockFileName);
        try
        {
            // FileShare.None takes an exclusive lock (flock on Unix), released by the OS even on SIGKILL; a clean
            // finish also removes the file (a killed run leaves it, unlocked, for the next run to take).
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException)
        {
            throw new BatchRefusedException($"Another batch run is using {OutputDirectory}; two runs in one folder could send a line twice. Nothing was sent.");
        }
    }

    /// <summary>
    /// A run killed while saving leaves a hidden temporary file (<c>.&lt;key&gt;.mp4.&lt;guid&gt;.tmp</c>); its line is
    /// still enqueued and is downloaded again, so the leftover goes. Safe: this run holds the folder's lock.
    /// </summary>
    private void DeleteStaleDownloads()
    {
        foreach (var file in Directory.EnumerateFiles(OutputDirectory, ".*.mp4.*.tmp"))
        {
            File.Delete(file);
        }
    }

    private static SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        MaxConnectionsPerServer = 32,
    };

    private void CountFinished(IReadOnlyList<BatchJournalRow> rows)
    {
        _done = rows.Count(r => r.State == BatchLineState.Downloaded);
        _failed = rows.Count(r => r.State == BatchLineState.Failed);
        _costSoFarMicros = rows.Where(r => r.State == BatchLineState.Downloaded).Sum(r => Micros(r.EstimatedCostUsd));
    }

    private void Report()
    {
        if (_progress is null)
        {
            return;
        }

        // Read and told under one lock: two lines ending at once could otherwise tell their snapshots out of order,
        // and the older one ("1 in flight") would be the last the user sees.
        lock (_reportGate)
        {
            var done = Volatile.Read(ref _done);
            var failed = Volatile.Read(ref _failed);
            var finished = Volatile.Read(ref _finishedThisRun);
            var left = _lines.Count - done - failed;
            TimeSpan? eta = finished > 0 ? _time.GetElapsedTime(_started) / finished * left : null;
            var cost = Interlocked.Read(ref _costSoFarMicros) / 1_000_000m;
            // A line counts as done as soon as its video is saved, a moment before it leaves the in-flight count:
            // a finished line is never reported in flight, so the last report of a finished batch says 0.
            var inFlight = Math.Min(Volatile.Read(ref _inFlight), left);
            _progress.Report(new BatchProgress(_lines.Count, done, failed, inFlight, cost, eta));
        }
    }

    private static long Micros(decimal? usd) => usd is { } value ? (long)(value * 1_000_000m) : 0;
}
