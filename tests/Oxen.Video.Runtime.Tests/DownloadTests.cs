using Oxen.Video;

namespace Oxen.Video.Runtime.Tests;

public sealed class DownloadTests
{
    [Fact]
    public async Task A_slow_download_still_saves_the_whole_file()
    {
        await using var h = await Harness.StartAsync();
        h.Hub.Faults.DownloadDelay = TimeSpan.FromMilliseconds(100);
        h.Hub.Faults.DownloadBytesPerSecond = 50_000;
        var video = await h.Client.GenerateVideoAsync(new TestRequest(TestRequest.Kling, "a fox", 5)).Within();

        await h.SaveAndCheckAsync(video);

        Assert.Empty(Directory.GetFiles(h.Folder, "*.tmp"));
    }

    [Fact]
    public async Task A_failed_download_leaves_no_half_written_file_and_keeps_the_old_one()
    {
        await using var h = await Harness.StartAsync(client: o => o.MaxRetries = 1);
        var video = await h.Client.GenerateVideoAsync(new TestRequest(TestRequest.Kling, "a fox", 5)).Within();
        var target = h.PathFor("existing.mp4");
        await File.WriteAllTextAsync(target, "old");
        h.Hub.Faults.ServerError("GET", "/files/*", count: 2, statusCode: 502, html: true);

        await Assert.ThrowsAsync<OxenApiException>(() => video.SaveAsync(target).Within());

        Assert.Equal("old", await File.ReadAllTextAsync(target));
        Assert.Single(Directory.GetFiles(h.Folder));
    }

    [Fact]
    public async Task A_download_answered_503_once_is_retried()
    {
        await using var h = await Harness.StartAsync();
        var video = await h.Client.GenerateVideoAsync(new TestRequest(TestRequest.Kling, "a fox", 5)).Within();
        h.Hub.Faults.ServerError("GET", "/files/*", count: 1, statusCode: 503, html: true);

        await h.SaveAndCheckAsync(video, "sub/dir/video.mp4");

        Assert.Equal(2, h.Hub.Counters.Downloads);
        Assert.False(h.Hub.Counters.DownloadOriginSawAuthorization);
    }
}
