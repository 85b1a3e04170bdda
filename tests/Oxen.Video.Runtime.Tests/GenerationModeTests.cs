using Oxen.Video;

namespace Oxen.Video.Runtime.Tests;

public sealed class GenerationModeTests
{
    [Fact]
    public async Task Sync_with_a_url_saves_the_mp4()
    {
        await using var h = await Harness.StartAsync();

        var video = await h.Client.GenerateVideoAsync(new TestRequest(TestRequest.Kling, "a fox in the snow", 5), OxenGenerationMode.Sync).Within();

        Assert.Null(video.GenerationId);
        Assert.Null(video.Bytes);
        Assert.Equal(TestRequest.Kling, video.Model);
        Assert.Equal(h.Hub.DownloadBaseAddress.Authority, video.Url!.Authority);
        await h.SaveAndCheckAsync(video);
        Assert.Equal(1, h.Hub.Counters.SyncGenerations);
        Assert.Equal(0, h.Hub.Counters.EnqueuedGenerations);
        Assert.False(h.Hub.Counters.DownloadOriginSawAuthorization);
    }

    [Fact]
    public async Task Sync_with_b64_json_saves_the_mp4_without_a_download()
    {
        await using var h = await Harness.StartAsync();
        var request = new TestRequest(TestRequest.Kling, "a fox in the snow", 5).WithResponseFormat(OxenResponseFormat.Base64Json);

        var video = await h.Client.GenerateVideoAsync(request, OxenGenerationMode.Sync).Within();

        Assert.Null(video.Url);
        Assert.Equal(h.Hub.Video.Length, video.Bytes!.Value.Length);
        await h.SaveAndCheckAsync(video);
        Assert.Equal(0, h.Hub.Counters.Downloads);
    }

    [Fact]
    public async Task Queue_polls_until_done_and_saves_the_mp4()
    {
        await using var h = await Harness.StartAsync();
        var progress = new RecordingProgress();

        var video = await h.Client.GenerateVideoAsync(new TestRequest(TestRequest.Kling, "a fox", 10), OxenGenerationMode.Queue, progress).Within();

        Assert.NotNull(video.GenerationId);
        Assert.Equal(video.GenerationId, progress.GenerationId);
        var statuses = progress.Reports.Select(r => r.Status).ToArray();
        Assert.Equal(OxenGenerationStatus.Queued, statuses[0]);
        Assert.Equal(OxenGenerationStatus.Succeeded, statuses[^1]);
        Assert.Equal(statuses.Order(), statuses); // queued → processing → succeeded, never backwards
        Assert.Equal(progress.Reports.Select(r => r.Elapsed).Order(), progress.Reports.Select(r => r.Elapsed));
        await h.SaveAndCheckAsync(video);
        Assert.Equal(1, h.Hub.Counters.EnqueuedGenerations);
        Assert.Equal(0, h.Hub.Counters.EventStreamConnections);
        Assert.False(h.Hub.Counters.DownloadOriginSawAuthorization);
    }

    [Fact]
    public async Task Sse_awaits_the_completion_event_and_saves_the_mp4()
    {
        // Polls so slow that only the event can finish this in time.
        await using var h = await Harness.StartAsync(client: o => (o.PollInitialInterval, o.PollMaxInterval) = (TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30)));

        var video = await h.Client.GenerateVideoAsync(new TestRequest(TestRequest.Kling, "a fox", 5), OxenGenerationMode.Sse).Within(TimeSpan.FromSeconds(10));

        await h.SaveAndCheckAsync(video);
        Assert.Equal(1, h.Hub.Counters.EventStreamConnections);
        // At most the catch-up right after connecting, which on a loaded machine can run after the enqueue (it then
        // sees "queued": only the event can have ended the wait); never a poll.
        Assert.InRange(h.Hub.Counters.Requests("GET", "/api/ai/queue/*"), 0, 1);
        Assert.Equal(1, h.Hub.Counters.EnqueuedGenerations);
        await Wait.UntilAsync(() => h.Hub.Counters.ActiveEventStreams == 0);
    }

    [Fact]
    public async Task OpenReadAsync_streams_the_video()
    {
        await using var h = await Harness.StartAsync();
        var video = await h.Client.GenerateVideoAsync(new TestRequest(TestRequest.Kling, "a fox", 5)).Within();

        await using var stream = await video.OpenReadAsync().Within();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy).Within();

        Assert.Equal(h.Hub.Video.ToArray(), copy.ToArray());
    }

    [Fact]
    public async Task Sse_with_fifty_concurrent_generations_opens_one_event_stream()
    {
        await using var h = await Harness.StartAsync(
            hub: o => o.ProcessingDelay = TimeSpan.FromMilliseconds(300),
            client: o => (o.PollInitialInterval, o.PollMaxInterval) = (TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30)));

        var tasks = Enumerable.Range(0, 50)
            .Select(i => h.Client.GenerateVideoAsync(new TestRequest(TestRequest.Kling, $"clip {i}", 5), OxenGenerationMode.Sse))
            .ToArray();
        var videos = await Task.WhenAll(tasks).Within(TimeSpan.FromSeconds(20));

        Assert.Equal(50, videos.Select(v => v.GenerationId).Distinct().Count());
        Assert.Equal(1, h.Hub.Counters.EventStreamConnections);
        Assert.Equal(50, h.Hub.Counters.EnqueuedGenerations);
        await h.SaveAndCheckAsync(videos[49]);
        await Wait.UntilAsync(() => h.Hub.Counters.ActiveEventStreams == 0);
    }

    [Fact]
    public async Task Sse_restarts_the_stream_on_demand_after_it_stopped()
    {
        await using var h = await Harness.StartAsync();

        await h.Client.GenerateVideoAsync(new TestRequest(TestRequest.Kling, "one", 5), OxenGenerationMode.Sse).Within();
        await Wait.UntilAsync(() => h.Hub.Counters.ActiveEventStreams == 0);
        var second = await h.Client.GenerateVideoAsync(new TestRequest(TestRequest.Kling, "two", 5), OxenGenerationMode.Sse).Within();

        await h.SaveAndCheckAsync(second);
        Assert.Equal(2, h.Hub.Counters.EventStreamConnections);
    }

    [Fact]
    public async Task Result_url_on_the_api_origin_gets_the_key_and_the_redirect_target_does_not()
    {
        await using var h = await Harness.StartAsync(hub: o => o.RedirectResultUrlsThroughApi = true);

        var video = await h.Client.GenerateVideoAsync(new TestRequest(TestRequest.Kling, "a fox", 5)).Within();

        Assert.Equal(h.Hub.BaseAddress.Authority, video.Url!.Authority);
        await h.SaveAndCheckAsync(video);
        Assert.Equal(1, h.Hub.Counters.Requests("GET", "/api/ai/results/*"));
        Assert.Equal(1, h.Hub.Counters.Downloads);
        Assert.False(h.Hub.Counters.DownloadOriginSawAuthorization);
    }
}
