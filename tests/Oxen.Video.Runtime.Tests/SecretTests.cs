using Oxen.Video;
using Oxen.Video.Validation;

namespace Oxen.Video.Runtime.Tests;

public sealed class SecretTests
{
    [Fact]
    public async Task The_api_key_never_appears_in_exceptions_logs_or_download_requests()
    {
        await using var h = await Harness.StartAsync(hub: o => o.RedirectResultUrlsThroughApi = true);
        var shortSync = h.CreateClient(o => o.SyncTimeout = TimeSpan.FromMilliseconds(20));
        var errors = new List<Exception>();
        async Task Capture(Func<Task> action) => errors.Add(await Assert.ThrowsAnyAsync<Exception>(() => action().Within()));

        // Successes, with retries and a dropped stream along the way, so every log line gets written.
        h.Hub.Faults.RateLimit("POST", "/api/ai/queue", count: 1);
        h.Hub.Faults.ServerError("GET", "/api/ai/queue/*", count: 1);
        await h.SaveAndCheckAsync(await h.Client.GenerateVideoAsync(new TestRequest(TestRequest.Kling, "a", 5)).Within(), "1.mp4");
        await h.SaveAndCheckAsync(await h.Client.GenerateVideoAsync(new TestRequest(TestRequest.Kling, "b", 5), OxenGenerationMode.Sse).Within(), "2.mp4");
        await h.SaveAndCheckAsync(await h.Client.GenerateVideoAsync(new TestRequest(TestRequest.Kling, "c", 5), OxenGenerationMode.Sync).Within(), "3.mp4");

        // Failures of every kind.
        await Capture(() => h.Client.GetModelAsync("missing"));
        await Capture(() => h.Client.GetGenerationAsync("missing"));
        await Capture(() => h.Client.GenerateVideoAsync(new TestRequest(TestRequest.Kling, null, 5)));
        h.Hub.Faults.ServerError("POST", "/api/ai/queue", count: 1);
        await Capture(() => h.Client.EnqueueAsync(new TestRequest(TestRequest.Kling, "d", 5)));
        h.Hub.Faults.FailNextGenerations("Insufficient credits");
        await Capture(() => h.Client.GenerateVideoAsync(new TestRequest(TestRequest.Kling, "e", 5), OxenGenerationMode.Sse));
        await Capture(() => shortSync.GenerateVideoAsync(new TestRequest(TestRequest.Kling, "f", 5), OxenGenerationMode.Sync));
        h.Hub.Faults.RateLimit("GET", "/api/ai/models", count: 10);
        await Capture(() => h.Client.ListModelsAsync());

        Assert.Collection(
            errors,
            e => Assert.IsType<OxenApiException>(e),
            e => Assert.IsType<OxenApiException>(e),
            e => Assert.IsType<OxenValidationException>(e),
            e => Assert.IsType<OxenApiException>(e),
            e => Assert.IsType<OxenGenerationFailedException>(e),
            e => Assert.IsType<TimeoutException>(e),
            e => Assert.IsType<OxenApiException>(e));
        var everything = string.Join('\n', errors.Select(e => e.ToString()))
            + h.Logs.AllText + h.Client + shortSync + string.Join('\n', errors.OfType<OxenApiException>().Select(e => e.BodyExcerpt));
        Assert.DoesNotContain(Harness.ApiKey, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(Harness.ApiKey[^8..], everything, StringComparison.Ordinal);
        Assert.False(h.Hub.Counters.DownloadOriginSawAuthorization);
        Assert.Contains(h.Logs.Lines, l => l.EventId == 3);
    }

    [Fact]
    public async Task Every_enqueued_id_is_logged_at_information_level()
    {
        await using var h = await Harness.StartAsync();

        var operations = await h.Client.EnqueueAsync(new TestRequest(TestRequest.Kling, "a fox", 5), numGenerations: 2).Within();

        foreach (var operation in operations)
        {
            Assert.Contains(h.Logs.Lines, l => l.Level == Microsoft.Extensions.Logging.LogLevel.Information && l.Text.Contains(operation.Id, StringComparison.Ordinal));
        }
    }
}
