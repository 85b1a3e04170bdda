using System.Text.Json;

namespace Oxen.Video.Batch;

/// <summary>
/// Lines left in <c>sending</c>: the enqueue went out but its answer (the id) was never journaled. The hub has no
/// idempotency key, so the batch asks the hub what it holds (<c>GET /api/ai/queue</c> for each model and status)
/// and adopts a generation of the same model whose echoed parameters equal the line's and whose enqueue time falls
/// in the window of the send. Only a line with no such generation is sent again.
/// </summary>
public sealed partial class OxenBatch
{
    private static readonly OxenGenerationStatus[] ListedStatuses =
    [
        OxenGenerationStatus.Queued, OxenGenerationStatus.Processing, OxenGenerationStatus.Succeeded,
        OxenGenerationStatus.Failed, OxenGenerationStatus.Cancelled,
    ];

    private async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        var rows = _journal.Rows();
        var sending = rows
            .Where(r => r.State == BatchLineState.Sending && _uncertainSends.GetValueOrDefault(r.LineNumber) < _options.MaxUncertainSends)
            .OrderBy(r => r.SendingAt)
            .ToList();
        if (sending.Count == 0)
        {
            return;
        }

        // An enqueue still travelling when its process died may land a moment later: let it land before looking.
        var latest = sending.Max(r => r.SendingAt) ?? _time.GetUtcNow();
        var settle = latest + _options.ReconcileSettleTime - _time.GetUtcNow();
        if (settle > TimeSpan.Zero)
        {
            await Task.Delay(settle, _time, cancellationToken).ConfigureAwait(false);
        }

        // Generations another line already owns are never adopted twice.
        var owned = rows.Where(r => r.GenerationId is not null).Select(r => r.GenerationId!).ToHashSet(StringComparer.Ordinal);
        var candidates = new List<OxenGeneration>();
        foreach (var model in sending.Select(r => r.Model).Distinct(StringComparer.Ordinal))
        {
            foreach (var status in ListedStatuses)
            {
                await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                var list = await _client.ListGenerationsAsync(status, model, cancellationToken: cancellationToken).ConfigureAwait(false);
                candidates.AddRange(list.Generations.Where(g => !owned.Contains(g.GenerationId)));
            }
        }

        var claimed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in sending)
        {
            var match = FindMatch(row, candidates, claimed);
            if (match is not null)
            {
                claimed.Add(match.GenerationId);
                _journal.MarkEnqueued(row.LineNumber, match.GenerationId, _time.GetUtcNow(), match.EnqueuedAt);
                Interlocked.Increment(ref _reconciled);
            }
            else
            {
                _journal.MarkPending(row.LineNumber, "its enqueue's answer was lost and the hub holds no matching generation; sent again");
                Interlocked.Increment(ref _reconciledAsNotSent);
            }
        }
    }

    private OxenGeneration? FindMatch(BatchJournalRow row, List<OxenGeneration> candidates, HashSet<string> claimed)
    {
        var sentAt = row.SendingAt ?? _time.GetUtcNow();
        var from = sentAt - _options.ReconcileClockSkew;
        var to = sentAt + _options.Client.RequestTimeout + _options.ReconcileClockSkew;
        using var body = JsonDocument.Parse(row.Body);
        return candidates
            .Where(g => !claimed.Contains(g.GenerationId)
                && string.Equals(g.ModelName, row.Model, StringComparison.Ordinal)
                && g.EnqueuedAt is { } at && at >= from && at <= to
                && EchoesParameters(g.Json, body.RootElement))
            .OrderBy(g => (g.EnqueuedAt!.Value - sentAt).Duration())
            .FirstOrDefault();
    }

    /// <summary>Whether the hub's generation echoes every parameter of the line with an equal JSON value.</summary>
    internal static bool EchoesParameters(JsonElement generation, JsonElement body)
    {
        if (generation.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        foreach (var property in body.EnumerateObject())
        {
            if (property.NameEquals("model"))
            {
                continue;
            }

            if (!generation.TryGetProperty(property.Name, out var echoed) || !JsonElement.DeepEquals(echoed, property.Value))
            {
                return false;
            }
        }

        return true;
    }
}
