using Oxen.Video;
using Oxen.Video.Testing;
using Xunit.Abstractions;

namespace Oxen.Video.Runtime.Tests;

/// <summary>Huge <c>b64_json</c> answers: decoded as a stream, under the size limit. Not parallel: it measures allocation.</summary>
[Collection(nameof(InlineVideoTests))]
[CollectionDefinition(nameof(InlineVideoTests), DisableParallelization = true)]
public sealed class InlineVideoTests(ITestOutputHelper output)
{
    private const int FiftyMegabytes = 50 * 1024 * 1024;

    private static IOxenRequest Fox => new TestRequest(TestRequest.Kling, "a fox", 5).WithResponseFormat(OxenResponseFormat.Base64Json);

    [Fact]
    public async Task A_50_MB_inline_video_is_decoded_to_disk_with_bounded_allocation()
    {
        var mp4 = BigVideo(FiftyMegabytes);
        await using var h = await Harness.StartAsync(hub: o => o.Video = mp4);
        await h.Client.GenerateVideoAsync(new TestRequest(TestRequest.Kling, "warm up", 5), OxenGenerationMode.Sync).Within();
        GC.Collect();

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var video = await h.Client.GenerateVideoAsync(Fox, OxenGenerationMode.Sync).Within(TimeSpan.FromSeconds(60));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        output.WriteLine($"Allocated {allocated / 1024} KB (client and emulator) for a {FiftyMegabytes / (1024 * 1024)} MB inline video.");

        Assert.Null(video.Bytes); // Too large to keep in memory: spilled to a temporary file.
        var path = h.PathFor("big.mp4");
        await video.SaveAsync(path).Within(TimeSpan.FromSeconds(60));
        Assert.Equal(mp4.Length, new FileInfo(path).Length);
        var saved = await File.ReadAllBytesAsync(path);
        Assert.True(mp4.AsSpan().SequenceEqual(saved));

        // The old path held the base64 as bytes, a string and a byte[] (over 250 MB for 50 MB); this one streams.
        Assert.True(allocated < 24L * 1024 * 1024, $"Allocated {allocated / (1024 * 1024)} MB for a 50 MB inline video.");
    }

    [Fact]
    public async Task An_inline_video_over_the_limit_fails_and_leaves_nothing()
    {
        var mp4 = BigVideo(1024 * 1024);
        await using var h = await Harness.StartAsync(hub: o => o.Video = mp4, client: o => o.MaxDownloadBytes = 300_000);
        var temporaryBefore = Directory.GetFiles(Path.GetTempPath(), ".oxen-inline-*").Length;

        var error = await Assert.ThrowsAsync<OxenApiException>(() => h.Client.GenerateVideoAsync(Fox, OxenGenerationMode.Sync).Within());

        Assert.Equal("result_too_large", error.ErrorType);
        Assert.Contains("MaxDownloadBytes (300000 bytes)", error.Message, StringComparison.Ordinal);
        Assert.Equal(temporaryBefore, Directory.GetFiles(Path.GetTempPath(), ".oxen-inline-*").Length);
    }

    [Fact]
    public async Task A_small_inline_video_stays_in_memory_and_opens_for_reading()
    {
        await using var h = await Harness.StartAsync();

        var video = await h.Client.GenerateVideoAsync(Fox, OxenGenerationMode.Sync).Within();

        Assert.Equal(h.Hub.Video.ToArray(), video.Bytes!.Value.ToArray());
        await using var stream = await video.OpenReadAsync();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        Assert.Equal(h.Hub.Video.ToArray(), copy.ToArray());
    }

    private static byte[] BigVideo(int length)
    {
        var bytes = new byte[length];
        OxenHubEmulator.SampleVideo.Span.CopyTo(bytes);
        new Random(7).NextBytes(bytes.AsSpan(OxenHubEmulator.SampleVideo.Length));
        return bytes;
    }
}
