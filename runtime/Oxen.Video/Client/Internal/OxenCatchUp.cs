using System.Collections.Concurrent;

namespace Oxen.Video;

/// <summary>
/// Asks the queue about every awaited generation, after a (re)connect (events are not replayed) and on each
/// safety poll. Rounds never overlap: one after a reconnect waits for a poll's round in flight, and the reverse.
/// </summary>
internal sealed class OxenCatchUp(OxenQueueApi queue, ConcurrentDictionary<string, OxenEventSubscription> waiters)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    private OxenPipeline Pipeline => queue.Pipeline;

    /// <summary>
    /// One round: one list of the active generations first, then one GET for each awaited id the list does not
    /// hold (ended, so its event was lost, or it was cancelled), so a round costs one request however many
    /// generations are awaited.
    /// </summary>
    public async Task RunAsync(CancellationToken token)
    {
        await _gate.WaitAsync(token).ConfigureAwait(false);
        try
        {
            var awaited = waiters.ToArray();
            if (awaited.Length == 0)
            {
                return;
            }

            if (awaited.Length > 1)
            {
                awaited = await ReportActiveAsync(awaited, token).ConfigureAwait(false);
            }

            await Parallel.ForEachAsync(
                awaited,
                new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = token },
                (entry, ct) => new ValueTask(CheckAsync(entry.Key, entry.Value, ct))).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Stopped.
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Reports the listed active generations; returns the awaited ones the list did not hold.</summary>
    private async Task<KeyValuePair<string, OxenEventSubscription>[]> ReportActiveAsync(KeyValuePair<string, OxenEventSubscription>[] awaited, CancellationToken token)
    {
        OxenGenerationList active;
        try
        {
            active = await queue.ListAsync(null, null, null, token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
        {
            OxenLog.PollFailed(Pipeline.Logger, "(list)", ex.Message);
            return awaited; // Ask one by one instead.
        }

        var listed = new Dictionary<string, OxenGeneration>(StringComparer.Ordinal);
        foreach (var generation in active.Generations)
        {
            listed[generation.GenerationId] = generation;
        }

        var rest = new List<KeyValuePair<string, OxenEventSubscription>>();
        foreach (var waiter in awaited)
        {
            if (listed.TryGetValue(waiter.Key, out var snapshot))
            {
                waiter.Value.Report(snapshot);
            }
            else
            {
                rest.Add(waiter);
            }
        }

        return [.. rest];
    }

    private async Task CheckAsync(string id, OxenEventSubscription waiter, CancellationToken token)
    {
        if (waiter.Completion.IsCompleted)
        {
            return;
        }

        try
        {
            var snapshot = await queue.GetAsync(id, token).ConfigureAwait(false);
            waiter.Report(snapshot);
        }
        catch (Exception ex) when (OxenGenerationOperation.IsTransient(ex, token))
        {
            OxenLog.PollFailed(Pipeline.Logger, id, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Not transient (unknown id, bad key, ...): waiting longer will not help.
            waiter.TryFail(ex);
        }
    }
}
