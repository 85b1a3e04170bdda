using static Oxen.Video.Batch.Tests.BatchHarness;

namespace Oxen.Video.Batch.Tests;

/// <summary>
/// A run killed at each journal state, then run again: every line ends exactly once, none is enqueued twice.
/// The kill is simulated by writing the journal as the killed run left it (and, where the enqueue reached the hub,
/// enqueuing on the hub directly); the load test kills real processes.
/// </summary>
public sealed class ResumeTests
{
    [Fact]
    public async Task Resuming_from_every_journal_state_enqueues_nothing_twice_and_loses_nothing()
    {
        await using var h = await StartAsync();
        var plan = h.Plan(h.WriteJobs(
            Line(TestModels.Kling, "never sent", "pending"),
            Line(TestModels.Kling, "sent, answer lost, hub has it", "sending-on-hub"),
            Line(TestModels.Veo, "sent, answer lost, never reached the hub", "sending-lost"),
            Line(TestModels.Kling, "enqueued, not done", "enqueued"),
            Line(TestModels.Veo, "already saved", "downloaded"),
            Line(TestModels.Kling, "failed for good", "failed")));
        var lines = plan.Lines.ToDictionary(l => l.Key);
        using var other = new OxenClient(h.ClientOptions());
        string onHub, enqueued;
        using (var journal = BatchJournal.Open(h.Out))
        {
            Assert.Empty(journal.Sync(plan));
            var now = DateTimeOffset.UtcNow;

            journal.MarkSending(lines["sending-on-hub"].LineNumber, now);
            onHub = (await other.EnqueueAsync(plan.Factory(lines["sending-on-hub"]))).Single().Id;

            journal.MarkSending(lines["sending-lost"].LineNumber, now);

            journal.MarkSending(lines["enqueued"].LineNumber, now);
            enqueued = (await other.EnqueueAsync(plan.Factory(lines["enqueued"]))).Single().Id;
            journal.MarkEnqueued(lines["enqueued"].LineNumber, enqueued, now);

            journal.MarkSending(lines["downloaded"].LineNumber, now);
            var done = (await other.EnqueueAsync(plan.Factory(lines["downloaded"]))).Single();
            journal.MarkEnqueued(lines["downloaded"].LineNumber, done.Id, now);
            await (await done.WaitForCompletionAsync()).SaveAsync(Path.Combine(h.Out, "downloaded.mp4"));
            journal.MarkDownloaded(lines["downloaded"].LineNumber, "downloaded.mp4", now, null);

            journal.MarkSending(lines["failed"].LineNumber, now);
            journal.MarkFailed(lines["failed"].LineNumber, "Insufficient credits", retryable: false, now);
        }

        var before = h.Hub.Counters.EnqueuedGenerations;
        Assert.Equal(3, before);

        var summary = await h.RunAsync(plan, configure: o => o.RetryFailed = 2);

        // Only "pending" and "sending-lost" were sent: two enqueues, no more.
        Assert.Equal(before + 2, h.Hub.Counters.EnqueuedGenerations);
        Assert.Equal(2, summary.EnqueuesSent);
        Assert.Equal(1, summary.Reconciled);
        Assert.Equal(1, summary.ReconciledAsNotSent);
        Assert.Equal((5, 1, 0, 0), (summary.Downloaded, summary.Failed, summary.Enqueued, summary.Unfinished));
        using var after = BatchJournal.Open(h.Out);
        var rows = after.Rows().ToDictionary(r => r.Key);
        Assert.Equal(onHub, rows["sending-on-hub"].GenerationId);
        Assert.Equal(enqueued, rows["enqueued"].GenerationId);
        Assert.Equal(1, rows["sending-on-hub"].Sends);
        Assert.Equal(2, rows["sending-lost"].Sends);
        Assert.Equal("Insufficient credits", rows["failed"].Error);
        Assert.Equal(0, rows["failed"].Retries);
        Assert.Equal(6, rows.Values.Select(r => r.GenerationId).Where(id => id is not null).Distinct().Count() + 1); // "failed" has none
        foreach (var key in new[] { "pending", "sending-on-hub", "sending-lost", "enqueued", "downloaded" })
        {
            Assert.True(File.Exists(Path.Combine(h.Out, key + ".mp4")), key);
        }
    }

    [Fact]
    public async Task Two_identical_lines_in_sending_with_one_generation_on_the_hub_adopt_it_once_and_send_the_other()
    {
        await using var h = await StartAsync();
        var plan = h.Plan(h.WriteJobs(
            Line(TestModels.Kling, "the same request twice", "take-1"),
            Line(TestModels.Kling, "the same request twice", "take-2")));
        using var other = new OxenClient(h.ClientOptions());
        string onHub;
        using (var journal = BatchJournal.Open(h.Out))
        {
            journal.Sync(plan);
            journal.MarkSending(1, DateTimeOffset.UtcNow);
            journal.MarkSending(2, DateTimeOffset.UtcNow);
            onHub = (await other.EnqueueAsync(plan.Factory(plan.Lines[0]))).Single().Id;
        }

        var summary = await h.RunAsync(plan);

        Assert.Equal((1, 1, 1), (summary.Reconciled, summary.ReconciledAsNotSent, summary.EnqueuesSent));
        Assert.Equal(2, h.Hub.Counters.EnqueuedGenerations);
        using var after = BatchJournal.Open(h.Out);
        var ids = after.Rows().Select(r => r.GenerationId).ToList();
        Assert.Contains(onHub, ids);
        Assert.Equal(2, ids.Distinct().Count());
    }

    [Fact]
    public async Task A_generation_outside_the_time_window_or_with_other_parameters_is_not_adopted()
    {
        await using var h = await StartAsync();
        var plan = h.Plan(h.WriteJobs(Line(TestModels.Kling, "exact prompt", "k", 5)));
        using var other = new OxenClient(h.ClientOptions());
        await other.EnqueueAsync(new TestRequest { ModelId = TestModels.Kling, Prompt = "exact prompt", Duration = 10 });
        await other.EnqueueAsync(new TestRequest { ModelId = TestModels.Veo, Prompt = "exact prompt", Duration = 5 });
        using (var journal = BatchJournal.Open(h.Out))
        {
            journal.Sync(plan);
            journal.MarkSending(1, DateTimeOffset.UtcNow.AddHours(-1)); // The same request an hour before: someone else's.
        }

        await other.EnqueueAsync(plan.Factory(plan.Lines[0]));

        var summary = await h.RunAsync(plan);

        Assert.Equal((0, 1), (summary.Reconciled, summary.ReconciledAsNotSent));
        Assert.Equal(4, h.Hub.Counters.EnqueuedGenerations);
    }

    [Fact]
    public async Task A_cancelled_run_resumes_without_sending_anything_twice()
    {
        await using var h = await StartAsync();
        var plan = h.Plan(h.WriteJobs("jobs.jsonl", Enumerable.Range(1, 16).Select(i => Line(i % 3 == 0 ? TestModels.Veo : TestModels.Kling, $"take {i}"))));
        using var cancel = new CancellationTokenSource();
        var progress = new SyncProgress<BatchProgress>(p =>
        {
            if (p.Done >= 5)
            {
                cancel.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new OxenBatch(plan, h.Out, h.Options()).RunAsync(progress, cancel.Token));
        var sentBefore = h.Hub.Counters.EnqueuedGenerations;
        using (var journal = BatchJournal.Open(h.Out))
        {
            var rows = journal.Rows();
            Assert.InRange(rows.Count(r => r.State == BatchLineState.Downloaded), 5, 15);
            // Every enqueue the hub took is journaled with its id, except those cut off while in `sending`.
            var withId = rows.Count(r => r.GenerationId is not null);
            Assert.InRange(sentBefore, withId, withId + rows.Count(r => r.State == BatchLineState.Sending));
        }

        var summary = await h.RunAsync(plan);

        Assert.Equal(16, summary.Downloaded);
        Assert.Equal(16, h.Hub.Counters.EnqueuedGenerations);
        Assert.True(File.Exists(Path.Combine(h.Out, "report.html")));
    }

    [Fact]
    public async Task An_enqueued_line_whose_id_the_hub_no_longer_knows_fails_and_is_not_sent_again()
    {
        await using var h = await StartAsync();
        var plan = h.Plan(h.WriteJobs(Line(TestModels.Kling, "forgotten", "k")));
        using (var journal = BatchJournal.Open(h.Out))
        {
            journal.Sync(plan);
            journal.MarkSending(1, DateTimeOffset.UtcNow);
            journal.MarkEnqueued(1, "3f1c0000-0000-0000-0000-000000000000", DateTimeOffset.UtcNow);
        }

        var summary = await h.RunAsync(plan, configure: o => o.RetryFailed = 3);

        Assert.Equal((0, 1, 0), (summary.Downloaded, summary.Failed, summary.EnqueuesSent));
        Assert.Equal(0, h.Hub.Counters.EnqueuedGenerations);
        using var after = BatchJournal.Open(h.Out);
        var row = Assert.Single(after.Rows());
        Assert.StartsWith("The hub no longer knows generation 3f1c0000-0000-0000-0000-000000000000", row.Error, StringComparison.Ordinal);
        Assert.False(row.Retryable);
    }
}
