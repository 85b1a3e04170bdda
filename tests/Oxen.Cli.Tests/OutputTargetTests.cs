using Xunit;

namespace Oxen.Cli.Tests;

/// <summary><c>--out</c> is checked before anything is sent: a bad target is exit 2 and the hub sees nothing.</summary>
public sealed class OutputTargetTests : HubTestBase
{
    private Task<CliRun> GenerateAsync(string output) =>
        CliRun.RunAsync(HubEnvironment(), "generate", "--model", Kling, "--prompt", "p", "--out", output);

    [Fact]
    public async Task An_existing_folder_is_refused()
    {
        var run = await GenerateAsync(Folder);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is a folder", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, Hub.Counters.ApiRequests);
    }

    [Fact]
    public async Task An_empty_path_is_refused()
    {
        var run = await GenerateAsync("");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--out is empty", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, Hub.Counters.ApiRequests);
    }

    [Fact]
    public async Task A_folder_the_process_cannot_write_is_refused()
    {
        // /proc takes no new files, even for root (a chmod'ed folder would not stop root).
        var run = await GenerateAsync("/proc/oxen-video.mp4");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cannot create a file in /proc", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, Hub.Counters.ApiRequests);
    }

    [Fact]
    public async Task A_path_under_a_file_is_refused()
    {
        var file = Path.Combine(Folder, "file.txt");
        File.WriteAllText(file, "x");
        var run = await GenerateAsync(Path.Combine(file, "video.mp4"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is a file, not a folder", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, Hub.Counters.ApiRequests);
    }

    [Theory]
    [InlineData("/dev/full", "character device")]
    [InlineData("/dev/null", "character device")]
    [InlineData("/dev/stdout", "symbolic link")]
    public async Task A_special_file_is_refused_and_left_alone(string path, string kind)
    {
        var run = await GenerateAsync(path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"is a {kind}, not a regular file", run.Error, StringComparison.Ordinal);
        Assert.Contains("--out -", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, Hub.Counters.ApiRequests);
        Assert.Equal("character device", Output.FileKind.Of("/dev/full"));
    }

    [Fact]
    public async Task A_symbolic_link_to_a_regular_file_is_refused()
    {
        var target = Path.Combine(Folder, "target.mp4");
        File.WriteAllText(target, "keep");
        var link = Path.Combine(Folder, "link.mp4");
        File.CreateSymbolicLink(link, target);

        var run = await GenerateAsync(link);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("keep", File.ReadAllText(target));
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Equal(0, Hub.Counters.ApiRequests);
    }

    [Fact]
    public async Task An_existing_regular_file_is_replaced()
    {
        var path = Path.Combine(Folder, "old.mp4");
        File.WriteAllText(path, "old");

        var run = await GenerateAsync(path);

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Equal(Hub.Video.ToArray(), File.ReadAllBytes(path));
    }

    [Fact]
    public async Task A_missing_folder_is_created()
    {
        var path = Path.Combine(Folder, "new", "deeper", "video.mp4");

        var run = await GenerateAsync(path);

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Equal(Hub.Video.ToArray(), File.ReadAllBytes(path));
    }

    [Fact]
    public async Task Dash_writes_the_video_to_standard_output_and_the_messages_to_standard_error()
    {
        var run = await GenerateAsync("-");

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Equal(Hub.Video.ToArray(), run.StandardOutputBytes);
        Assert.Equal("", run.Output);
        Assert.Contains("Generation id:", run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Folder));
    }

    [Fact]
    public async Task Generations_wait_checks_its_target_before_asking_the_hub()
    {
        var run = await CliRun.RunAsync(HubEnvironment(), "generations", "wait", "some-id", "--out", "/dev/full");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(0, Hub.Counters.ApiRequests);
    }
}
