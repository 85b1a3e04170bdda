using System.Net;
using Oxen.Video;

namespace Oxen.Video.Runtime.Tests;

public sealed class RetryTests
{
    private static TestRequest Fox => new(TestRequest.Kling, "a fox", 5);

    [Fact]
    public async Task Enqueue_answered_429_is_retried_and_enqueued_once()
    {
        await using var h = await Harness.StartAsync();
        h.Hub.Faults.RateLimit("POST", "/api/ai/queue", count: 2, retryAfterSeconds: 0);

        var video = await h.Client.GenerateVideoAsync(Fox).Within();

        await h.SaveAndCheckAsync(video);
        Assert.Equal(3, h.Hub.Counters.Requests("POST", "/api/ai/queue"));
        Assert.Equal(1, h.Hub.Counters.EnqueuedGenerations);
    }

    [Fact]
    public async Task Status_poll_answered_429_is_retried()
    {
        await using var h = await Harness.StartAsync();
        h.Hub.Faults.RateLimit("GET", "/api/ai/queue/*", count: 2, retryAfterSeconds: 0);

        var video = await h.Client.GenerateVideoAsync(Fox).Within();

        await h.SaveAndCheckAsync(video);
        Assert.Equal(1, h.Hub.Counters.EnqueuedGenerations);
    }

    [Fact]
    public async Task Status_poll_answered_503_html_is_retried()
    {
        await using var h = await Harness.StartAsync();
        h.Hub.Faults.ServerError("GET", "/api/ai/queue/*", count: 3, statusCode: 503, html: true);

        var video = await h.Client.GenerateVideoAsync(Fox).Within();

        await h.SaveAndCheckAsync(video);
        Assert.Equal(1, h.Hub.Counters.EnqueuedGenerations);
        Assert.True(h.Hub.Counters.Requests("GET", "/api/ai/queue/*") >= 4);
    }

    [Fact]
    public async Task Enqueue_answered_503_is_not_retried_and_reports_the_html_excerpt()
    {
        await using var h = await Harness.StartAsync();
        h.Hub.Faults.ServerError("POST", "/api/ai/queue", count: 1, statusCode: 503, html: true);

        var error = await Assert.ThrowsAsync<OxenApiException>(() => h.Client.GenerateVideoAsync(Fox).Within());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Contains("503 Service Temporarily Unavailable", error.BodyExcerpt);
        Assert.True(error.BodyExcerpt!.Length <= 500);
        Assert.Contains("503", error.Message);
        Assert.Equal(1, h.Hub.Counters.Requests("POST", "/api/ai/queue"));
        Assert.Equal(0, h.Hub.Counters.EnqueuedGenerations);
    }

    [Fact]
    public async Task Sync_generate_answered_500_is_not_retried()
    {
        await using var h = await Harness.StartAsync();
        h.Hub.Faults.ServerError("POST", "/api/ai/videos/generate", count: 1, statusCode: 500, html: false);

        var error = await Assert.ThrowsAsync<OxenApiException>(() => h.Client.GenerateVideoAsync(Fox, OxenGenerationMode.Sync).Within());

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal("internal_error", error.ErrorType);
        Assert.Equal(1, h.Hub.Counters.Requests("POST", "/api/ai/videos/generate"));
    }

    [Fact]
    public async Task Retries_run_out_with_the_last_429_and_its_retry_after()
    {
        await using var h = await Harness.StartAsync(client: o => o.MaxRetries = 2);
        h.Hub.Faults.RateLimit("POST", "/api/ai/queue", count: 10, retryAfterSeconds: 0);

        var error = await Assert.ThrowsAsync<OxenApiException>(() => h.Client.EnqueueAsync(Fox).Within());

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal(TimeSpan.Zero, error.RetryAfter);
        Assert.Equal("Rate limit exceeded", error.ErrorMessage);
        Assert.Equal(3, h.Hub.Counters.Requests("POST", "/api/ai/queue"));
        Assert.Equal(0, h.Hub.Counters.EnqueuedGenerations);
    }

    [Fact]
    public async Task Enqueue_whose_connection_failed_before_sending_is_retried()
    {
        await using var h = await Harness.StartAsync();
        var client = h.CreateClient(handler: new TransportFaultHandler { FailBeforeSend = 2 });

        var video = await client.GenerateVideoAsync(Fox).Within();

        await h.SaveAndCheckAsync(video);
        Assert.Equal(1, h.Hub.Counters.Requests("POST", "/api/ai/queue"));
        Assert.Equal(1, h.Hub.Counters.EnqueuedGenerations);
    }

    [Fact]
    public async Task Enqueue_that_failed_after_sending_is_not_repeated()
    {
        await using var h = await Harness.StartAsync();
        var client = h.CreateClient(handler: new TransportFaultHandler { FailAfterSend = 1 });

        await Assert.ThrowsAsync<HttpRequestException>(() => client.EnqueueAsync(Fox).Within());

        Assert.Equal(1, h.Hub.Counters.Requests("POST", "/api/ai/queue"));
        Assert.Equal(1, h.Hub.Counters.EnqueuedGenerations);
    }

    [Fact]
    public async Task Sync_generate_that_timed_out_after_sending_is_not_repeated()
    {
        await using var h = await Harness.StartAsync(
            hub: o => o.SyncDelay = TimeSpan.FromSeconds(5),
            client: o => o.SyncTimeout = TimeSpan.FromMilliseconds(500));
        await h.Client.ListModelsAsync().Within(); // warm the connection, so the timeout is spent waiting for the answer

        var error = await Assert.ThrowsAsync<TimeoutException>(() => h.Client.GenerateVideoAsync(Fox, OxenGenerationMode.Sync).Within());

        Assert.Contains("not repeated", error.Message);
        Assert.Equal(1, h.Hub.Counters.Requests("POST", "/api/ai/videos/generate"));
    }
}
