using Xunit;

namespace Oxen.Cli.Tests;

/// <summary>
/// Media options take a path or a URL, are checked before anything is sent (exit 2, no request), and say in
/// --help that they take a file. Response files are off: '@cat.png' is explained, not expanded.
/// </summary>
public sealed class MediaOptionTests : HubTestBase
{
    private const string ImageToVideo = "kling-video-v2-6-pro-image-to-video";

    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R'];

    private Task<CliRun> GenerateAsync(byte[]? standardInput, params string[] media) =>
        CliRun.RunAsync(
            new CliRunOptions(HubEnvironment()) { WorkingDirectory = Folder, StandardInput = standardInput },
            ["generate", "--model", ImageToVideo, "--prompt", "a cat", .. media]);

    [Theory]
    [InlineData("missing.png", "does not exist")]
    [InlineData("file:///tmp/cat.png", "is a file: URL, which the hub cannot read")]
    [InlineData("ftp://example.com/cat.png", "has the scheme 'ftp'")]
    [InlineData("@cat.png", "'@' does not read a file here (response files are off); give the path itself: --input-image cat.png")]
    [InlineData("empty.png", "is empty (0 bytes)")]
    [InlineData("song.png", "is named .png but holds audio/mpeg")]
    [InlineData("folder", "is a folder, not a file")]
    [InlineData("data:image/png;base64,", "is an empty data: URI")]
    [InlineData("data:text/plain;base64,aGVsbG8=", "does not fit this field")]
    [InlineData("loop.png", "cannot be read (Too many levels of symbolic links")]
    public async Task A_media_value_the_hub_cannot_read_is_exit_2_with_nothing_sent(string value, string expected)
    {
        File.WriteAllBytes(Path.Combine(Folder, "empty.png"), []);
        File.WriteAllBytes(Path.Combine(Folder, "song.png"), [(byte)'I', (byte)'D', (byte)'3', 4, 0, 0, 0, 0, 0, 0, 0, 0]);
        Directory.CreateDirectory(Path.Combine(Folder, "folder"));
        File.CreateSymbolicLink(Path.Combine(Folder, "loop.png"), Path.Combine(Folder, "loop.png"));

        var run = await GenerateAsync(null, "--input-image", value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--input-image", run.Error, StringComparison.Ordinal);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, Hub.Counters.ApiRequests);
    }

    [Fact]
    public async Task A_relative_path_with_spaces_and_non_ascii_is_read_from_the_working_folder()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Folder, "mes images")).FullName;
        File.WriteAllBytes(Path.Combine(folder, "chat été.mp4"), [0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'m', (byte)'p', (byte)'4', (byte)'2']);

        var run = await GenerateAsync(null, "--input-image", "mes images/chat été.mp4");

        // Found (a missing file would say so) and sniffed: an MP4 is not an image, whatever folder it is in.
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"\"{Path.Combine(folder, "chat été.mp4")}\" is named .mp4 but holds video/mp4", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, Hub.Counters.ApiRequests);
    }

    [Fact]
    public async Task Standard_input_is_one_media_and_is_named_as_standard_input_in_errors()
    {
        var text = await GenerateAsync("not an image"u8.ToArray(), "--input-image", "-");
        Assert.Equal(2, text.ExitCode);
        Assert.Contains("--input-image standard input holds no format this client knows", text.Error, StringComparison.Ordinal);

        var twice = await CliRun.RunAsync(
            new CliRunOptions(HubEnvironment()) { StandardInput = Png },
            ["generate", "--model", "bytedance-seedance-2-0-fast-image-to-video", "--prompt", "p", "--input-image", "-", "--tail-image-url", "-"]);
        Assert.Equal(2, twice.ExitCode);
        Assert.Contains("standard input is already read for --input-image", twice.Error, StringComparison.Ordinal);
        Assert.Equal(0, Hub.Counters.ApiRequests);
    }

    [Fact]
    public async Task Help_says_which_options_take_a_file_and_of_which_kind()
    {
        var run = await CliRun.RunAsync(HubEnvironment(), "generate", "--model", ImageToVideo, "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--input-image <image-file|url>", run.Output, StringComparison.Ordinal);
        Assert.Contains("An image file or URL ('-' reads standard input).", run.Output, StringComparison.Ordinal);
        Assert.Contains("--media-repo <namespace/repo>", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("--prompt <text-file", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("just-a-name")]
    [InlineData("a/b/c")]
    [InlineData("a/b c")]
    [InlineData(".hidden/repo")]
    public async Task A_media_repository_that_is_not_namespace_slash_name_is_exit_2(string repository)
    {
        File.WriteAllBytes(Path.Combine(Folder, "cat.png"), Png);

        var run = await GenerateAsync(null, "--input-image", "cat.png", "--media-repo", repository);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--media-repo / OXEN_MEDIA_REPO '{repository}' is not a repository; allowed: NAMESPACE/NAME", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, Hub.Counters.ApiRequests);
    }

    [Fact]
    public async Task A_small_local_image_goes_inline_and_the_hub_reads_it_end_to_end()
    {
        File.WriteAllBytes(Path.Combine(Folder, "cat.png"), Png);

        var run = await GenerateAsync(null, "--input-image", "cat.png", "--out", Path.Combine(Folder, "cat.mp4"));

        Assert.True(run.ExitCode == 0, run.All);
        Assert.True(File.Exists(Path.Combine(Folder, "cat.mp4")));
        Assert.Equal(0, Hub.Counters.Uploads);
    }

    [Fact]
    public async Task A_large_local_image_is_uploaded_once_to_the_media_repository_and_a_rerun_uploads_nothing()
    {
        var big = new byte[(4 * 1024 * 1024) + 100];
        Png.CopyTo(big, 0);
        File.WriteAllBytes(Path.Combine(Folder, "big.png"), big);

        var refused = await GenerateAsync(null, "--input-image", "big.png");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--media-repo NAMESPACE/REPO", refused.Error, StringComparison.Ordinal);
        Assert.Equal(0, Hub.Counters.Requests("POST", "/api/ai/queue"));

        var first = await GenerateAsync(null, "--input-image", "big.png", "--media-repo", "me/inputs", "--out", Path.Combine(Folder, "1.mp4"));
        Assert.True(first.ExitCode == 0, first.All);
        Assert.Equal(1, Hub.Counters.Uploads);
        Assert.Equal(1, Hub.Counters.RepositoriesCreated);

        var again = await GenerateAsync(null, "--input-image", "big.png", "--media-repo", "me/inputs", "--out", Path.Combine(Folder, "2.mp4"));
        Assert.True(again.ExitCode == 0, again.All);
        Assert.Equal(1, Hub.Counters.Uploads);
    }

    [Fact]
    public async Task A_batch_uploads_each_distinct_large_image_once()
    {
        var images = Directory.CreateDirectory(Path.Combine(Folder, "images")).FullName;
        for (var i = 0; i < 2; i++)
        {
            var big = new byte[(4 * 1024 * 1024) + 100 + i];
            Png.CopyTo(big, 0);
            File.WriteAllBytes(Path.Combine(images, $"{i}.png"), big);
        }

        var jobs = Path.Combine(Folder, "jobs.jsonl");
        File.WriteAllLines(jobs, Enumerable.Range(0, 6).Select(n =>
            $$"""{"model": "{{ImageToVideo}}", "prompt": "shot {{n}}", "input_image": "images/{{n % 2}}.png"}"""));
        var output = Path.Combine(Folder, "out");

        var run = await CliRun.RunAsync(HubEnvironment(), "batch", "run", jobs, "--out", output, "--media-repo", "me/inputs");

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Equal(2, Hub.Counters.Uploads);
        Assert.Equal(6, Directory.EnumerateFiles(output, "*.mp4").Count());
    }

    [Fact]
    public async Task The_report_shows_each_lines_local_input_image_beside_its_output()
    {
        var images = Directory.CreateDirectory(Path.Combine(Folder, "my images")).FullName;
        File.WriteAllBytes(Path.Combine(images, "cat 1.png"), Png);
        var jobs = Path.Combine(Folder, "jobs.jsonl");
        File.WriteAllLines(jobs, [
            $$"""{"model": "{{ImageToVideo}}", "prompt": "a cat", "input_image": "my images/cat 1.png"}""",
            $$"""{"model": "{{ImageToVideo}}", "prompt": "a dog", "input_image": "https://example.com/dog.png"}""",
        ]);
        var output = Path.Combine(Folder, "out");

        var run = await CliRun.RunAsync(HubEnvironment(), "batch", "run", jobs, "--out", output);

        Assert.True(run.ExitCode == 0, run.All);
        var html = File.ReadAllText(Path.Combine(output, "report.html"));
        Assert.Contains("<div class=\"inputs\"><img src=\"../my%20images/cat%201.png\" alt=\"input_image\"", html, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<div class=\"inputs\">"));
        Assert.DoesNotContain("<img src=\"https://", html, StringComparison.Ordinal); // the page fetches nothing from elsewhere
    }
}
