using Microsoft.Extensions.Logging;
using Oxen.Video;

namespace Oxen.Video.Runtime.Tests;

/// <summary>What the hub answers is input: odd URLs, statuses and waits that never end.</summary>
public sealed class UntrustedAnswerTests
{
    private static TestRequest Fox => new(TestRequest.Kling, "a fox", 5);

    [Theory]
    [InlineData("file:///etc/passwd", "file", OxenGenerationMode.Queue)]
    [InlineData("ftp://files.example.com/v.mp4", "ftp", OxenGenerationMode.Sse)]
    [InlineData("javascript:alert(1)", "javascript", OxenGenerationMode.Sync)]
    public async Task A_result_url_that_is_not_http_is_refused_naming_its_scheme(string url, string scheme, OxenGenerationMode mode)
    {
        await using var h = await Harness.StartAsync();
        h.Hub.Faults.ReplaceResultUrls(url);

        var error = await Assert.ThrowsAsync<OxenApiException>(() => h.Client.GenerateVideoAsync(Fox, mode).Within());

        Assert.Equal("invalid_result_url", error.ErrorType);
        Assert.Contains($"scheme is '{scheme}'", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, h.Hub.Counters.Downloads);
        Assert.Empty(Directory.GetFiles(h.Folder));
    }

    [Theory]
    [InlineData(OxenGenerationMode.Queue)]
    [InlineData(OxenGenerationMode.Sync)]
    public async Task A_relative_result_url_is_resolved_against_the_hub(OxenGenerationMode mode)
    {
        await using var h = await Harness.StartAsync();
        h.Hub.Faults.ReplaceResultUrls("/files/{id}.mp4");

        var video = await h.Client.GenerateVideoAsync(Fox, mode).Within();

        Assert.Equal(Uri.UriSchemeHttp, video.Url!.Scheme);
        Assert.Equal(h.Hub.BaseAddress.Authority, video.Url.Authority);
        Assert.StartsWith("/files/", video.Url.AbsolutePath, StringComparison.Ordinal);
        await h.SaveAndCheckAsync(video);
        Assert.Equal(1, h.Hub.Counters.Requests("GET", "/files/*"));
    }

    [Fact]
    public async Task An_undocumented_status_counts_as_running_and_is_logged_once()
    {
        await using var h = await Harness.StartAsync();
        h.Hub.Faults.ReplaceStatuses("thinking", count: 3);
        h.Hub.Faults.ReplaceStatuses(status: null, count: 2);
        var progress = new RecordingProgress();

        var video = await h.Client.GenerateVideoAsync(Fox, OxenGenerationMode.Queue, progress).Within();

        await h.SaveAndCheckAsync(video);
        Assert.Contains(progress.Reports, r => r.Status == OxenGenerationStatus.Unknown);
        Assert.Equal(OxenGenerationStatus.Succeeded, progress.Reports[^1].Status);
        var warnings = h.Logs.Lines.Where(l => l.EventId == 11).ToList();
        var warning = Assert.Single(warnings);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("'thinking'", warning.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wait_past_its_per_call_bound_throws_a_timeout_carrying_the_id()
    {
        await using var h = await Harness.StartAsync();
        h.Hub.Faults.ReplaceStatuses("thinking", forever: true);
        var operation = (await h.Client.EnqueueAsync(Fox).Within())[0];

        var error = await Assert.ThrowsAsync<OxenWaitTimeoutException>(
            () => operation.WaitForCompletionAsync(TimeSpan.FromMilliseconds(300)).Within());

        Assert.Equal(operation.Id, error.GenerationId);
        Assert.Contains(operation.Id, error.Message, StringComparison.Ordinal);
        Assert.Equal("thinking", error.LastStatus);
        Assert.Equal(TimeSpan.FromMilliseconds(300), error.MaxWait);
        Assert.IsAssignableFrom<TimeoutException>(error);
        Assert.Equal("succeeded", h.Hub.GetStatus(operation.Id)); // The job went on; only the wait ended.
    }

    [Theory]
    [InlineData(OxenGenerationMode.Queue)]
    [InlineData(OxenGenerationMode.Sse)]
    public async Task MaxWait_bounds_every_generation_wait(OxenGenerationMode mode)
    {
        await using var h = await Harness.StartAsync(
            hub: o => o.ProcessingDelay = TimeSpan.FromSeconds(30),
            client: o => o.MaxWait = TimeSpan.FromMilliseconds(300));
        var progress = new RecordingProgress();

        var error = await Assert.ThrowsAsync<OxenWaitTimeoutException>(() => h.Client.GenerateVideoAsync(Fox, mode, progress).Within());

        Assert.Equal(progress.GenerationId, error.GenerationId);
        Assert.Equal(TimeSpan.FromMilliseconds(300), error.MaxWait);
        Assert.Equal("processing", h.Hub.GetStatus(error.GenerationId));
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a b")]
    [InlineData("a\u0001b")]
    [InlineData("a\nb")]
    public async Task A_generation_id_that_would_change_the_url_is_refused_before_any_request(string id)
    {
        await using var h = await Harness.StartAsync();

        var rebuild = Assert.Throws<ArgumentException>(() => h.Client.GetOperation(id));
        var fetch = await Assert.ThrowsAsync<ArgumentException>(() => h.Client.GetGenerationAsync(id).Within());

        foreach (var error in new[] { rebuild, fetch })
        {
            Assert.Equal("generationId", error.ParamName);
            Assert.Contains("not '.' or '..', without '/', '\\', whitespace or control characters", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("\u0001", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(0, h.Hub.Counters.ApiRequests);
    }
}
