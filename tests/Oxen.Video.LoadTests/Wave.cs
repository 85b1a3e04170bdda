using System.Diagnostics;

namespace Oxen.Video.LoadTests;

/// <summary>
/// N generations through one client, with every array the bookkeeping needs allocated up front (so that a
/// memory figure taken while they are pending counts the client's objects, not the harness's).
/// </summary>
internal sealed class Wave
{
    private readonly TaskCompletionSource _allEnqueued = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task[] _observers;
    private int _enqueued;
    private int _failures;
    private int _mismatches;
    private string? _firstError;

    public Wave(int count)
    {
        Count = count;
        Tasks = new Task<OxenVideo>[count];
        Resumed = new long[count];
        _observers = new Task[count];
        Probes = new GenerationProbe[count];
        for (var i = 0; i < count; i++)
        {
            Probes[i] = new GenerationProbe(this);
        }
    }

    public int Count { get; }

    /// <summary>What <see cref="OxenClient.GenerateVideoAsync"/> returned, one per generation.</summary>
    public Task<OxenVideo>[] Tasks { get; }

    /// <summary>Per generation: its id and enqueue moment (from the first progress report) and its report count.</summary>
    public GenerationProbe[] Probes { get; }

    /// <summary>Per generation: the <see cref="Stopwatch"/> timestamp at which its awaiting caller resumed.</summary>
    public long[] Resumed { get; }

    /// <summary>Completes once every enqueue answer has been read by the client.</summary>
    public Task AllEnqueued => _allEnqueued.Task;

    public int Failures => Volatile.Read(ref _failures);

    public int Mismatches => Volatile.Read(ref _mismatches);

    public string? FirstError => Volatile.Read(ref _firstError);

    /// <summary>
    /// Starts the calls in 100 even batches over <paramref name="window"/> (all at once when it is zero): they are
    /// all awaited at the same time as long as the window is shorter than a job.
    /// </summary>
    public async Task StartPacedAsync(OxenClient client, IOxenRequest request, OxenGenerationMode mode, TimeSpan window)
    {
        var batches = Math.Min(100, Count);
        var begin = Stopwatch.GetTimestamp();
        for (var b = 0; b < batches; b++)
        {
            var wait = (window * b / batches) - Stopwatch.GetElapsedTime(begin);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            for (var i = Count * b / batches; i < Count * (b + 1) / batches; i++)
            {
                Tasks[i] = client.GenerateVideoAsync(request, mode, Probes[i]);
            }
        }
    }

    public int CountCompleted()
    {
        var done = 0;
        foreach (var task in Tasks)
        {
            done += task.IsCompleted ? 1 : 0;
        }

        return done;
    }

    /// <summary>Awaits every generation as a caller would, stamping the moment each caller resumes.</summary>
    public Task ObserveAllAsync()
    {
        for (var i = 0; i < Count; i++)
        {
            _observers[i] = ObserveAsync(i);
        }

        return Task.WhenAll(_observers);
    }

    internal void Enqueued()
    {
        if (Interlocked.Increment(ref _enqueued) == Count)
        {
            _allEnqueued.TrySetResult();
        }
    }

    private async Task ObserveAsync(int index)
    {
        try
        {
            var video = await Tasks[index];
            Resumed[index] = Stopwatch.GetTimestamp();
            if (video.GenerationId != Probes[index].Id)
            {
                Interlocked.Increment(ref _mismatches);
            }
        }
        catch (Exception ex)
        {
            Interlocked.Increment(ref _failures);
            Interlocked.CompareExchange(ref _firstError, $"{ex.GetType().Name}: {ex.Message}", null);
        }
    }
}

/// <summary>One generation's progress reports: the first one comes right after its enqueue answer is read.</summary>
internal sealed class GenerationProbe(Wave wave) : IProgress<OxenGenerationProgress>
{
    private int _reports;

    public string? Id { get; private set; }

    public long EnqueuedAt { get; private set; }

    public int Reports => Volatile.Read(ref _reports);

    public void Report(OxenGenerationProgress value)
    {
        if (Interlocked.Increment(ref _reports) == 1)
        {
            EnqueuedAt = Stopwatch.GetTimestamp();
            Id = value.GenerationId;
            wave.Enqueued();
        }
    }
}
