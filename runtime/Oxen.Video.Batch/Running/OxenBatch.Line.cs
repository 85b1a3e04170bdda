using System.Net;

namespace Oxen.Video.Batch;

/// <summary>One line's way through the hub: send, await, save, each step journaled before the next.</summary>
public sealed partial class OxenBatch
{
    // A 429 the client's own retries did not outlast: the hub took nothing, so the line waits at the gate again.
    private const int MaxRateLimitedSends = 20;

    private async Task RunLineAsync(BatchJournalRow row, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            if (row.State == BatchLineState.Enqueued && row.GenerationId is { } id)
            {
                await AwaitEnqueuedAsync(row.LineNumber, id, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await SendAsync(_lines[row.LineNumber], cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
            Report();
        }
    }

    private async Task SendAsync(BatchLine line, CancellationToken cancellationToken)
    {
        var request = _plan.Factory(line);
        for (var attempt = 0; ; attempt++)
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            _journal.MarkSending(line.LineNumber, _time.GetUtcNow());
            Interlocked.Increment(ref _enqueuesSent);
            OxenGenerationOperation? operation = null;
            string? id = null;
            try
            {
                OxenVideo video;
                if (_options.Mode == OxenGenerationMode.Queue)
                {
                    operation = (await _client.EnqueueAsync(request, 1, cancellationToken).ConfigureAwait(false))[0];
                    id = operation.Id;
                    _journal.MarkEnqueued(line.LineNumber, id, _time.GetUtcNow());
                    video = await operation.WaitForCompletionAsync(null, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    // The client reports the id synchronously right after the enqueue answer, before it awaits the
                    // event: the journal commits it there, so no await comes between the answer and the commit.
                    var recorder = new EnqueueRecorder(generationId =>
                    {
                        id = generationId;
                        _journal.MarkEnqueued(line.LineNumber, generationId, _time.GetUtcNow());
                    });
                    video = await _client.GenerateVideoAsync(request, OxenGenerationMode.Sse, recorder, cancellationToken).ConfigureAwait(false);
                }

                await SaveAsync(line.LineNumber, line.Key, video, operation?.LastSnapshot, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (id is null && !cancellationToken.IsCancellationRequested)
            {
                if (ex is OxenApiException { StatusCode: HttpStatusCode.TooManyRequests } limited && attempt < MaxRateLimitedSends)
                {
                    _gate.Close(limited.RetryAfter ?? _options.Client.RetryBaseDelay);
                    _journal.MarkPending(line.LineNumber, "rate limited (429); sent again after Retry-After");
                    continue;
                }

                RecordEnqueueFailure(line.LineNumber, ex);
                return;
            }
            catch (Exception ex) when (id is not null && !cancellationToken.IsCancellationRequested)
            {
                RecordWaitFailure(line.LineNumber, ex, operation?.LastSnapshot);
                return;
            }
        }
    }

    private async Task AwaitEnqueuedAsync(int lineNumber, string id, CancellationToken cancellationToken)
    {
        // A resumed line: its generation is on the hub already; wait for it by id (polling), never enqueue again.
        var operation = _client.GetOperation(id);
        try
        {
            var video = await operation.WaitForCompletionAsync(null, cancellationToken).ConfigureAwait(false);
            await SaveAsync(lineNumber, _lines[lineNumber].Key, video, operation.LastSnapshot, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            RecordWaitFailure(lineNumber, ex, operation.LastSnapshot);
        }
    }

    private async Task SaveAsync(int lineNumber, string key, OxenVideo video, OxenGeneration? snapshot, CancellationToken cancellationToken)
    {
        var file = key + ".mp4";
        await video.SaveAsync(Path.Combine(OutputDirectory, file), cancellationToken).ConfigureAwait(false);
        _journal.MarkDownloaded(lineNumber, file, _time.GetUtcNow(), snapshot);
        Interlocked.Increment(ref _done);
        Interlocked.Increment(ref _finishedThisRun);
        Interlocked.Add(ref _costSoFarMicros, Micros(_lines[lineNumber].EstimatedCostUsd));
    }

    /// <summary>The enqueue failed before an id was known: a refusal, or an answer that never came.</summary>
    private void RecordEnqueueFailure(int lineNumber, Exception exception)
    {
        if (exception is OxenApiException api && (int)api.StatusCode is >= 400 and < 500 and not 408 and not 429)
        {
            // The hub answered no: nothing was created, nothing billed.
            Fail(lineNumber, api.ErrorMessage ?? api.Message, BatchFailures.MayRetry(api.StatusCode, api.ErrorMessage), null);
            return;
        }

        if (exception is Validation.OxenValidationException invalid)
        {
            Fail(lineNumber, invalid.Message, retryable: false, null);
            return;
        }

        // 5xx, a timeout, a dropped connection: the hub may have taken it. The line stays in `sending` and the
        // next round reconciles it against the hub's list before anything is sent again.
        var sends = _uncertainSends.AddOrUpdate(lineNumber, 1, static (_, n) => n + 1);
        if (sends >= _options.MaxUncertainSends)
        {
            // Stays `sending` so that the next run reconciles it too; this run stops trying.
            _uncertainSends[lineNumber] = int.MaxValue;
        }
    }

    /// <summary>The generation exists (its id is journaled) but waiting for it or saving it failed.</summary>
    private void RecordWaitFailure(int lineNumber, Exception exception, OxenGeneration? snapshot)
    {
        if (exception is OxenGenerationFailedException failed)
        {
            Fail(lineNumber, failed.ErrorMessage ?? failed.Message, failed.Status != OxenGenerationStatus.Cancelled && BatchFailures.MayRetry(failed.ErrorMessage), snapshot);
        }
        else if (exception is OxenApiException { StatusCode: HttpStatusCode.NotFound } gone)
        {
            // The hub no longer knows the id: waiting cannot help, and sending again could bill twice, so the line
            // fails and only an explicit choice (a new folder) sends it again.
            Fail(lineNumber, $"The hub no longer knows generation {_journal.Row(lineNumber)?.GenerationId}: {gone.ErrorMessage ?? gone.Message}", retryable: false, snapshot);
        }

        // Anything else (the stream, a poll, the download): the line stays enqueued and is awaited by id again.
    }

    private void Fail(int lineNumber, string message, bool retryable, OxenGeneration? snapshot)
    {
        _journal.MarkFailed(lineNumber, message, retryable, _time.GetUtcNow(), snapshot);
        Interlocked.Increment(ref _failed);
        Interlocked.Increment(ref _finishedThisRun);
    }

    /// <summary>A synchronous progress sink that catches the generation id the moment the client knows it.</summary>
    private sealed class EnqueueRecorder(Action<string> onId) : IProgress<OxenGenerationProgress>
    {
        private int _seen;

        public void Report(OxenGenerationProgress value)
        {
            if (value.GenerationId is { } id && Interlocked.Exchange(ref _seen, 1) == 0)
            {
                onId(id);
            }
        }
    }
}
