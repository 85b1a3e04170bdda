using Oxen.Video;

namespace Oxen.Video.Runtime.Tests;

/// <summary>A result download is input too: its size, its content type, and what is left on disk.</summary>
public sealed class DownloadLimitTests
{
    private static TestRequest Fox => new(TestRequest.Kling, "a fox", 5);

    [Fact]
    public async Task A_content_length_over_the_limit_is_refused_before_reading()
    {
        await using var h = await Harness.StartAsync(client: o => o.MaxDownloadBytes = 10_000);
        h.Hub.Faults.DownloadBodyLength = 50_000_000;
        var video = await h.Client.GenerateVideoAsync(Fox).Within();

        var error = await Assert.ThrowsAsync<OxenApiException>(() => video.SaveAsync(h.PathFor("v.mp4")).Within());

        Assert.Equal("result_too_large", error.ErrorType);
        Assert.Contains("50000000 bytes (Content-Length)", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxDownloadBytes (10000 bytes)", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(h.Folder));
    }

    [Fact]
    public async Task A_body_with_no_announced_end_is_cut_at_the_limit()
    {
        await using var h = await Harness.StartAsync(client: o => o.MaxDownloadBytes = 200_000);
        h.Hub.Faults.DownloadWithoutContentLength = true;
        h.Hub.Faults.DownloadBodyLength = 1L << 40; // A terabyte: it must never be read to the end.
        var video = await h.Client.GenerateVideoAsync(Fox).Within();

        var error = await Assert.ThrowsAsync<OxenApiException>(() => video.SaveAsync(h.PathFor("v.mp4")).Within());

        Assert.Equal("result_too_large", error.ErrorType);
        Assert.Contains("more than 200000 bytes", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(h.Folder));
    }

    [Fact]
    public async Task Reading_a_body_past_the_limit_fails_too()
    {
        await using var h = await Harness.StartAsync(client: o => o.MaxDownloadBytes = 100_000);
        h.Hub.Faults.DownloadWithoutContentLength = true;
        h.Hub.Faults.DownloadBodyLength = 10_000_000;
        var video = await h.Client.GenerateVideoAsync(Fox).Within();

        await using var stream = await video.OpenReadAsync().Within();

        var error = await Assert.ThrowsAsync<OxenApiException>(() => stream.CopyToAsync(Stream.Null).Within());
        Assert.Equal("result_too_large", error.ErrorType);
    }

    [Theory]
    [InlineData("text/html; charset=utf-8")]
    [InlineData("application/json")]
    [InlineData("application/problem+json")]
    public async Task A_page_is_not_saved_as_a_video(string contentType)
    {
        await using var h = await Harness.StartAsync();
        h.Hub.Faults.DownloadContentType = contentType;
        var video = await h.Client.GenerateVideoAsync(Fox).Within();
        var target = h.PathFor("v.mp4");

        var error = await Assert.ThrowsAsync<OxenApiException>(() => video.SaveAsync(target).Within());

        Assert.Equal("not_a_video", error.ErrorType);
        Assert.Contains(contentType.Split(';')[0], error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
        Assert.Empty(Directory.GetFiles(h.Folder));
    }

    [Fact]
    public async Task A_cancelled_download_leaves_no_temporary_file()
    {
        await using var h = await Harness.StartAsync();
        h.Hub.Faults.DownloadBytesPerSecond = 20_000;
        var video = await h.Client.GenerateVideoAsync(Fox).Within();
        using var cancel = new CancellationTokenSource();
        var target = h.PathFor("v.mp4");

        var save = video.SaveAsync(target, cancel.Token);
        await Wait.UntilAsync(() => Directory.GetFiles(h.Folder, "*" + OxenVideo.TemporarySuffix, SearchOption.TopDirectoryOnly).Length == 1
            || Directory.GetFiles(h.Folder, ".*").Length == 1);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => save.Within());
        Assert.Empty(Directory.GetFiles(h.Folder));
    }

    [Fact]
    public async Task Stale_temporary_files_of_earlier_saves_are_removed_on_the_next_save()
    {
        await using var h = await Harness.StartAsync(client: o => o.DownloadTimeout = TimeSpan.FromMinutes(10));
        var stale = h.PathFor($".old.mp4.{Guid.NewGuid():N}{OxenVideo.TemporarySuffix}");
        var recent = h.PathFor($".busy.mp4.{Guid.NewGuid():N}{OxenVideo.TemporarySuffix}");
        var unrelated = h.PathFor(".notes.tmp");
        foreach (var file in new[] { stale, recent, unrelated })
        {
            await File.WriteAllTextAsync(file, "partial");
        }

        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddHours(-1));
        File.SetLastWriteTimeUtc(unrelated, DateTime.UtcNow.AddHours(-1));
        var video = await h.Client.GenerateVideoAsync(Fox).Within();

        await h.SaveAndCheckAsync(video);

        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(recent)); // Maybe another process's save in progress.
        Assert.True(File.Exists(unrelated));
    }
}
