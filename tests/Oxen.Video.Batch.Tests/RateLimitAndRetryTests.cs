using Microsoft.Extensions.Time.Testing;
using static Oxen.Video.Batch.Tests.BatchHarness;

namespace Oxen.Video.Batch.Tests;

public sealed class RateLimitAndRetryTests
{
    [Fact]
    public async Task A_429_Retry_After_holds_back_every_worker_not_only_the_one_that_got_it()
    {
        await using var h = await StartAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        h.Hub.Faults.RateLimit("POST", "/api/ai/queue", count: 1, retryAfterSeconds: 30);
        var plan = h.Plan(h.WriteJobs("jobs.jsonl", Enumerable.Range(1, 6).Select(i => Line(TestModels.Kling, $"take {i}"))));
        var done = 0;
        var progress = new SyncProgress<BatchProgress>(p => Volatile.Write(ref done, p.Done));
        var run = new OxenBatch(plan, h.Out, h.Options(o => o.Concurrency = 4, time)).RunAsync(progress);

        // Four enqueues go out together; one gets the 429. The other three end, and their workers then wait at the
        // shared gate with lines 5 and 6 instead of sending them.
        await Wait.UntilAsync(() => Volatile.Read(ref done) == 3);
        await Task.Delay(300);
        Assert.Equal(4, h.Hub.Counters.Requests("POST", "/api/ai/queue"));
        Assert.False(run.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(300);
        Assert.Equal(4, h.Hub.Counters.Requests("POST", "/api/ai/queue"));

        time.Advance(TimeSpan.FromSeconds(1.5));
        var summary = await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(6, summary.Downloaded);
        Assert.Equal(7, h.Hub.Counters.Requests("POST", "/api/ai/queue")); // 6 + the one the 429 refused
        Assert.Equal(6, h.Hub.Counters.EnqueuedGenerations);
    }

    [Fact]
    public async Task A_429_the_client_did_not_outlast_sends_the_line_again_after_the_gate_opens()
    {
        await using var h = await StartAsync();
        h.Hub.Faults.RateLimit("POST", "/api/ai/queue", count: 2, retryAfterSeconds: 0);
        var plan = h.Plan(h.WriteJobs(Line(TestModels.Kling, "one")));

        var summary = await h.RunAsync(plan, configure: o =>
        {
            o.Client.MaxRetries = 0;
            o.Concurrency = 1;
        });

        Assert.Equal(1, summary.Downloaded);
        Assert.Equal(3, h.Hub.Counters.Requests("POST", "/api/ai/queue"));
        Assert.Equal(1, h.Hub.Counters.EnqueuedGenerations);
    }

    [Fact]
    public async Task Retry_failed_sends_again_only_the_failures_that_may_succeed()
    {
        await using var h = await StartAsync();
        h.Hub.Faults.FailNextGenerations("Upstream error: worker lost", 1);
        h.Hub.Faults.FailPromptsContaining("BROKE", "Insufficient credits");
        var plan = h.Plan(h.WriteJobs(
            Line(TestModels.Kling, "flaky the first time", "flaky"),
            Line(TestModels.Kling, "BROKE account", "broke"),
            Line(TestModels.Veo, "fine", "fine")));

        var summary = await h.RunAsync(plan, configure: o =>
        {
            o.Concurrency = 1; // The first generation to run is "flaky", which the one-off fault takes.
            o.RetryFailed = 2;
        });

        Assert.Equal((2, 1), (summary.Downloaded, summary.Failed));
        Assert.Equal(4, h.Hub.Counters.EnqueuedGenerations); // flaky twice, broke once, fine once
        using var journal = BatchJournal.Open(h.Out);
        var rows = journal.Rows().ToDictionary(r => r.Key);
        Assert.Equal((BatchLineState.Downloaded, 1), (rows["flaky"].State, rows["flaky"].Retries));
        Assert.Equal((BatchLineState.Failed, 0, false), (rows["broke"].State, rows["broke"].Retries, rows["broke"].Retryable));
        Assert.Equal("Insufficient credits", rows["broke"].Error);
    }

    [Fact]
    public async Task Retry_failed_on_a_later_run_retries_a_failure_of_an_earlier_run_up_to_the_limit()
    {
        await using var h = await StartAsync();
        h.Hub.Faults.FailPromptsContaining("FLAKY", "Upstream timeout");
        var plan = h.Plan(h.WriteJobs(Line(TestModels.Kling, "FLAKY", "f")));

        await h.RunAsync(plan);
        Assert.Equal(1, h.Hub.Counters.EnqueuedGenerations);
        await h.RunAsync(plan); // No --retry-failed: a failed line stays failed.
        Assert.Equal(1, h.Hub.Counters.EnqueuedGenerations);
        await h.RunAsync(plan, configure: o => o.RetryFailed = 2);
        Assert.Equal(3, h.Hub.Counters.EnqueuedGenerations);
        await h.RunAsync(plan, configure: o => o.RetryFailed = 2); // The limit counts retries across runs.
        Assert.Equal(3, h.Hub.Counters.EnqueuedGenerations);
        h.Hub.Faults.Reset();
        var summary = await h.RunAsync(plan, configure: o => o.RetryFailed = 3);
        Assert.Equal(1, summary.Downloaded);
        Assert.Equal(4, h.Hub.Counters.EnqueuedGenerations);
    }

    [Theory]
    [InlineData("Insufficient credits", false)]
    [InlineData("Monthly quota exceeded", false)]
    [InlineData("Invalid parameters: duration: 7 is not one of [5, 10]", false)]
    [InlineData("Prompt rejected by the content policy", false)]
    [InlineData("Upstream error: worker lost", true)]
    [InlineData("Timed out after 600 s", true)]
    [InlineData(null, true)]
    public void Only_failures_a_retry_may_cure_are_retryable(string? message, bool retryable) =>
        Assert.Equal(retryable, BatchFailures.MayRetry(message));
}
