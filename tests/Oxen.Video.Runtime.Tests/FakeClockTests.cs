using Oxen.Video;

namespace Oxen.Video.Runtime.Tests;

/// <summary>Timing rules checked on a fake clock shared by the client and the emulator: no wall-clock bounds.</summary>
public sealed class FakeClockTests
{
    private static TestRequest Fox => new(TestRequest.Kling, "a fox", 5);

    [Fact]
    public async Task Queue_mode_polls_a_20_second_job_three_times_with_the_default_backoff()
    {
        // Defaults: first poll after 5 s, then ×1.5 (12.5 s, 23.75 s): a job done at 20 s is seen on the third poll.
        var clock = FakeClock.Create();
        await using var h = await Harness.StartAsync(
            hub: o => (o.TimeProvider, o.QueuedDelay, o.ProcessingDelay) = (clock, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(19)),
            client: o =>
            {
                var defaults = new OxenClientOptions(); // the harness polls fast; this test is about the shipped defaults
                (o.TimeProvider, o.PollInitialInterval, o.PollMaxInterval, o.PollBackoffFactor) = (clock, defaults.PollInitialInterval, defaults.PollMaxInterval, defaults.PollBackoffFactor);
            });

        var generate = h.Client.GenerateVideoAsync(Fox, OxenGenerationMode.Queue);
        await Wait.UntilAsync(() => h.Hub.Counters.EnqueuedGenerations == 1);
        var waited = await clock.AdvanceUntilAsync(() => generate.IsCompleted, TimeSpan.FromMilliseconds(250));
        await generate.Within();

        Assert.Equal(3, h.Hub.Counters.Requests("GET", "/api/ai/queue/*"));
        Assert.InRange(waited, TimeSpan.FromSeconds(23), TimeSpan.FromSeconds(25));
    }

    [Fact]
    public async Task Retry_after_in_seconds_is_honoured_up_to_the_cap()
    {
        var clock = FakeClock.Create();
        await using var h = await Harness.StartAsync(
            hub: o => o.TimeProvider = clock,
            client: o => (o.RetryBaseDelay, o.MaxRetryDelay, o.TimeProvider) = (TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(10), clock));
        h.Hub.Faults.RateLimit("POST", "/api/ai/queue", count: 1, retryAfterSeconds: 30);

        var enqueue = h.Client.EnqueueAsync(Fox);
        await Wait.UntilAsync(() => h.Logs.Lines.Any(l => l.EventId == 3));
        var waited = await clock.AdvanceUntilAsync(() => enqueue.IsCompleted, TimeSpan.FromMilliseconds(250));
        await enqueue.Within();

        // Without Retry-After the wait would be at most 1 ms; with it, the 10 s cap and not the 30 s asked for.
        Assert.Contains(h.Logs.Lines, l => l.EventId == 3 && l.Text.Contains("in 10000 ms", StringComparison.Ordinal));
        Assert.InRange(waited, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(29));
        Assert.Equal(2, h.Hub.Counters.Requests("POST", "/api/ai/queue"));
        Assert.Equal(1, h.Hub.Counters.EnqueuedGenerations);
    }

    [Fact]
    public async Task Retry_after_as_an_http_date_is_honoured_up_to_the_cap()
    {
        var clock = FakeClock.Create();
        await using var h = await Harness.StartAsync(
            hub: o => o.TimeProvider = clock,
            client: o => (o.RetryBaseDelay, o.MaxRetryDelay, o.TimeProvider) = (TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(10), clock));
        h.Hub.Faults.RateLimitUntil("GET", "/api/ai/models/*", clock.GetUtcNow().AddSeconds(6));

        var fetch = h.Client.GetModelAsync(TestRequest.Kling);
        await Wait.UntilAsync(() => h.Logs.Lines.Any(l => l.EventId == 3));
        var waited = await clock.AdvanceUntilAsync(() => fetch.IsCompleted, TimeSpan.FromMilliseconds(250));

        Assert.Equal(TestRequest.Kling, (await fetch.Within()).Id);
        Assert.InRange(waited, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(9)); // the date (6 s, to the second), under the cap
    }

    [Fact]
    public async Task Keep_alive_comments_hold_an_idle_stream_open_past_the_idle_timeout()
    {
        var clock = FakeClock.Create();
        await using var h = await Harness.StartAsync(
            hub: o => (o.TimeProvider, o.KeepAliveInterval, o.QueuedDelay, o.ProcessingDelay) = (clock, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(120)),
            client: o => (o.TimeProvider, o.SseIdleTimeout, o.PollInitialInterval, o.PollMaxInterval) = (clock, TimeSpan.FromSeconds(60), TimeSpan.FromHours(1), TimeSpan.FromHours(1)));

        var generate = h.Client.GenerateVideoAsync(Fox, OxenGenerationMode.Sse);
        await Wait.UntilAsync(() => h.Hub.Counters.EnqueuedGenerations == 1);
        var waited = await clock.AdvanceUntilAsync(() => generate.IsCompleted, TimeSpan.FromSeconds(1));
        await h.SaveAndCheckAsync(await generate.Within());

        // 125 s of generation, twice the idle timeout: only the keep-alives (every 15 s) kept the one stream open.
        Assert.InRange(waited, TimeSpan.FromSeconds(125), TimeSpan.FromSeconds(200));
        Assert.True(h.Hub.Counters.KeepAlivesSent >= 6, $"{h.Hub.Counters.KeepAlivesSent} keep-alives");
        Assert.Equal(1, h.Hub.Counters.EventStreamConnections);
    }

    [Fact]
    public async Task A_silent_stream_is_dropped_after_the_idle_timeout_and_reconnected()
    {
        var clock = FakeClock.Create();
        await using var h = await Harness.StartAsync(
            hub: o => (o.TimeProvider, o.KeepAliveInterval, o.QueuedDelay, o.ProcessingDelay) = (clock, TimeSpan.FromHours(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(120)),
            client: o => (o.TimeProvider, o.SseIdleTimeout, o.PollInitialInterval, o.PollMaxInterval) = (clock, TimeSpan.FromSeconds(60), TimeSpan.FromHours(1), TimeSpan.FromHours(1)));

        var generate = h.Client.GenerateVideoAsync(Fox, OxenGenerationMode.Sse);
        await Wait.UntilAsync(() => h.Hub.Counters.EnqueuedGenerations == 1);
        await clock.AdvanceUntilAsync(() => generate.IsCompleted, TimeSpan.FromSeconds(1));
        await h.SaveAndCheckAsync(await generate.Within());

        // Silent for 125 s with a 60 s idle timeout: dropped and made again at least once; the event still arrived.
        Assert.InRange(h.Hub.Counters.EventStreamConnections, 2, 4);
        Assert.Equal(0, h.Hub.Counters.KeepAlivesSent);
        Assert.Equal(1, h.Hub.Counters.EnqueuedGenerations);
    }
}
