using Oxen.Video;

namespace Oxen.Video.Runtime.Tests;

public sealed class EventStreamTests
{
    private static readonly TimeSpan Never = TimeSpan.FromSeconds(30);

    private static TestRequest Fox => new(TestRequest.Kling, "a fox", 5);

    [Fact]
    public async Task A_dropped_stream_is_reconnected_and_the_event_still_arrives()
    {
        await using var h = await Harness.StartAsync(
            hub: o => o.ProcessingDelay = TimeSpan.FromMilliseconds(400),
            client: o => (o.PollInitialInterval, o.PollMaxInterval) = (Never, Never));
        var progress = new RecordingProgress();

        var task = h.Client.GenerateVideoAsync(Fox, OxenGenerationMode.Sse, progress);
        await Wait.UntilAsync(() => progress.GenerationId is { } id && h.Hub.GetStatus(id) == "processing");
        h.Hub.Faults.DropEventStreams();
        var video = await task.Within();

        await h.SaveAndCheckAsync(video);
        Assert.Equal(2, h.Hub.Counters.EventStreamConnections);
        Assert.Equal(1, h.Hub.Counters.EnqueuedGenerations);
    }

    [Fact]
    public async Task An_event_missed_while_disconnected_is_caught_up_after_reconnecting()
    {
        await using var h = await Harness.StartAsync(client: o => (o.PollInitialInterval, o.PollMaxInterval) = (Never, Never));
        h.Hub.Faults.LoseNextCompletionEvents(1);
        var progress = new RecordingProgress();

        var task = h.Client.GenerateVideoAsync(Fox, OxenGenerationMode.Sse, progress);
        await Wait.UntilAsync(() => progress.GenerationId is { } id && h.Hub.GetStatus(id) == "succeeded");
        Assert.False(task.IsCompleted);
        h.Hub.Faults.DropEventStreams();
        var video = await task.Within();

        await h.SaveAndCheckAsync(video);
        Assert.Equal(2, h.Hub.Counters.EventStreamConnections);
        Assert.Equal(1, h.Hub.Counters.Requests("GET", "/api/ai/queue/*"));
        Assert.Equal(1, h.Hub.Counters.EnqueuedGenerations);
    }

    [Fact]
    public async Task A_lost_event_is_recovered_by_the_safety_poll()
    {
        await using var h = await Harness.StartAsync();
        h.Hub.Faults.LoseNextCompletionEvents(1);

        var video = await h.Client.GenerateVideoAsync(Fox, OxenGenerationMode.Sse).Within();

        await h.SaveAndCheckAsync(video);
        Assert.Equal(1, h.Hub.Counters.EventStreamConnections);
        Assert.True(h.Hub.Counters.Requests("GET", "/api/ai/queue/*") >= 1);
        Assert.Equal(1, h.Hub.Counters.EnqueuedGenerations);
    }

    [Fact]
    public async Task Without_an_event_stream_the_client_falls_back_to_polling()
    {
        await using var h = await Harness.StartAsync();
        h.Hub.Faults.Respond("GET", "/api/events", statusCode: 404, count: 100);

        var video = await h.Client.GenerateVideoAsync(Fox, OxenGenerationMode.Sse).Within();

        await h.SaveAndCheckAsync(video);
        Assert.Equal(1, h.Hub.Counters.Requests("GET", "/api/events"));
        Assert.Equal(0, h.Hub.Counters.EventStreamConnections);
        Assert.Equal(1, h.Hub.Counters.EnqueuedGenerations);
    }

    [Fact]
    public async Task Repeated_stream_failures_do_not_stop_the_generation_from_finishing()
    {
        await using var h = await Harness.StartAsync(client: o => o.PollMaxInterval = TimeSpan.FromMilliseconds(200));
        h.Hub.Faults.ServerError("GET", "/api/events", count: 3, statusCode: 503, html: true);

        var video = await h.Client.GenerateVideoAsync(Fox, OxenGenerationMode.Sse).Within();

        await h.SaveAndCheckAsync(video);
        Assert.Equal(1, h.Hub.Counters.EnqueuedGenerations);
    }

    [Fact]
    public async Task A_failed_generation_event_surfaces_its_error()
    {
        await using var h = await Harness.StartAsync(client: o => (o.PollInitialInterval, o.PollMaxInterval) = (Never, Never));
        h.Hub.Faults.FailNextGenerations("Insufficient credits");

        var error = await Assert.ThrowsAsync<OxenGenerationFailedException>(() => h.Client.GenerateVideoAsync(Fox, OxenGenerationMode.Sse).Within());

        Assert.Equal(OxenGenerationStatus.Failed, error.Status);
        Assert.Equal("Insufficient credits", error.ErrorMessage);
        Assert.Contains("Insufficient credits", error.Message);
    }

    [Fact]
    public async Task A_cancelled_generation_sends_no_event_and_the_safety_poll_notices()
    {
        await using var h = await Harness.StartAsync(hub: o => o.ProcessingDelay = TimeSpan.FromSeconds(5));
        var progress = new RecordingProgress();

        var task = h.Client.GenerateVideoAsync(Fox, OxenGenerationMode.Sse, progress);
        await Wait.UntilAsync(() => progress.GenerationId is not null);
        await h.Client.GetOperation(progress.GenerationId!).CancelAsync().Within();
        var error = await Assert.ThrowsAsync<OxenGenerationFailedException>(() => task.Within());

        Assert.Equal(OxenGenerationStatus.Cancelled, error.Status);
        Assert.Equal(progress.GenerationId, error.Id);
    }

    [Fact]
    public async Task A_safety_poll_round_costs_one_list_request_however_many_generations_are_awaited()
    {
        await using var h = await Harness.StartAsync(
            hub: o => o.ProcessingDelay = TimeSpan.FromMilliseconds(1500),
            client: o => o.PollMaxInterval = TimeSpan.FromMilliseconds(100));
        var progress = Enumerable.Range(0, 20).Select(_ => new RecordingProgress()).ToList();

        var tasks = progress.Select(p => h.Client.GenerateVideoAsync(Fox, OxenGenerationMode.Sse, p)).ToList();
        await Wait.UntilAsync(() => h.Hub.Counters.Requests("GET", "/api/ai/queue") >= 3);
        Assert.Equal(0, h.Hub.Counters.Requests("GET", "/api/ai/queue/*"));

        // A cancelled generation leaves the active list and sends no event: only it is then asked about by id.
        await h.Client.GetOperation(progress[0].GenerationId!).CancelAsync().Within();
        var cancelled = await Assert.ThrowsAsync<OxenGenerationFailedException>(() => tasks[0].Within());
        var videos = await Task.WhenAll(tasks.Skip(1)).Within();

        Assert.Equal(OxenGenerationStatus.Cancelled, cancelled.Status);
        Assert.Equal(19, videos.Length);
        Assert.Equal(1, h.Hub.Counters.EventStreamConnections);
        Assert.Equal(20, h.Hub.Counters.EnqueuedGenerations);
        // The cancelled one is asked about by id; so may a few that ended between a list and their event (more of
        // them on a loaded machine), but never every awaited generation in a round (that would be 19 or more).
        Assert.InRange(h.Hub.Counters.Requests("GET", "/api/ai/queue/*"), 1, 18);
    }

    [Fact]
    public async Task A_cancellation_token_stops_waiting_without_cancelling_the_job()
    {
        await using var h = await Harness.StartAsync(hub: o => o.ProcessingDelay = TimeSpan.FromMilliseconds(500));
        var progress = new RecordingProgress();
        using var cts = new CancellationTokenSource();

        var task = h.Client.GenerateVideoAsync(Fox, OxenGenerationMode.Sse, progress, cts.Token);
        await Wait.UntilAsync(() => progress.GenerationId is not null);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task.Within());
        await Wait.UntilAsync(() => h.Hub.GetStatus(progress.GenerationId!) == "succeeded");
        Assert.Equal(0, h.Hub.Counters.Requests("DELETE", "*"));
        await Wait.UntilAsync(() => h.Hub.Counters.ActiveEventStreams == 0);
    }

    [Fact]
    public async Task Dispose_waits_for_the_stream_loop_before_the_connection_goes()
    {
        await using var h = await Harness.StartAsync(hub: o => o.ProcessingDelay = TimeSpan.FromSeconds(30));
        var client = h.CreateClient();
        var progress = new RecordingProgress();
        var task = client.GenerateVideoAsync(Fox, OxenGenerationMode.Sse, progress);
        await Wait.UntilAsync(() => progress.GenerationId is not null && h.Hub.Counters.ActiveEventStreams == 1);

        client.Dispose();

        // The loop logged its end before Dispose returned; the awaiting call ends with the client.
        Assert.Contains(h.Logs.Lines, l => l.EventId == 10);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => task.Within());
        await Wait.UntilAsync(() => h.Hub.Counters.ActiveEventStreams == 0);
    }
}
