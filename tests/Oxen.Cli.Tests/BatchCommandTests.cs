using System.Text.Json;
using Xunit;

namespace Oxen.Cli.Tests;

/// <summary><c>oxen batch run|report</c> over the library: checked first, run against the hub, resumed without resending.</summary>
public sealed class BatchCommandTests : HubTestBase
{
    private string Jobs(params string[] lines)
    {
        var path = Path.Combine(Folder, "jobs.jsonl");
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public async Task A_batch_saves_each_video_under_its_key_with_results_and_a_report_and_a_rerun_sends_nothing()
    {
        var jobs = Jobs(
            $$"""{"model": "{{Kling}}", "prompt": "a surfer", "duration": 5, "key": "surfer"}""",
            $$"""{"model": "{{Kling}}", "prompt": "a skier", "aspect_ratio": "9:16"}""");
        var output = Path.Combine(Folder, "out");

        var run = await CliRun.RunAsync(HubEnvironment(), "batch", "run", jobs, "--out", output, "--mode", "queue");

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("2 line(s); estimated cost $0.70.", run.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "surfer.mp4")), run.All);
        Assert.True(File.Exists(Path.Combine(output, "2.mp4")), run.All);
        var results = File.ReadAllLines(Path.Combine(output, "results.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["surfer", "2"], results.Select(r => r.GetProperty("key").GetString()));
        Assert.Contains("a skier", File.ReadAllText(Path.Combine(output, "report.html")), StringComparison.Ordinal);
        Assert.Equal(2, Hub.Counters.EnqueuedGenerations);
        Assert.Contains("2/2 done, 0 failed, 0 in flight, $0.70 so far", run.Error, StringComparison.Ordinal);

        var again = await CliRun.RunAsync(HubEnvironment(), "batch", "run", jobs, "--out", output, "--mode", "queue");
        Assert.True(again.ExitCode == 0, again.All);
        Assert.Equal(2, Hub.Counters.EnqueuedGenerations);
    }

    [Fact]
    public async Task A_media_path_is_read_from_the_jobs_file_folder_and_checked_before_anything_is_sent()
    {
        var jobsFolder = Directory.CreateDirectory(Path.Combine(Folder, "my jobs")).FullName;
        Directory.CreateDirectory(Path.Combine(jobsFolder, "cats"));
        File.WriteAllBytes(Path.Combine(jobsFolder, "cats", "clip.png"), [0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'m', (byte)'p', (byte)'4', (byte)'2']);
        var jobs = Path.Combine(jobsFolder, "jobs.jsonl");
        const string model = "kling-video-v2-6-pro-image-to-video";
        File.WriteAllLines(jobs, [
            $$"""{"model": "{{model}}", "prompt": "a cat", "input_image": "cats/clip.png"}""",
            $$"""{"model": "{{model}}", "prompt": "a dog", "input_image": "cats/missing.png"}""",
        ]);

        var run = await CliRun.RunAsync(HubEnvironment(), "batch", "run", jobs, "--out", Path.Combine(Folder, "out"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"\"{Path.Combine(jobsFolder, "cats", "clip.png")}\" is named .png but holds video/mp4", run.Error, StringComparison.Ordinal);
        Assert.Contains($"\"{Path.Combine(jobsFolder, "cats", "missing.png")}\" does not exist", run.Error, StringComparison.Ordinal);
        Assert.Contains("jobs.jsonl:2", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, Hub.Counters.ApiRequests);
    }

    [Fact]
    public async Task Bad_lines_are_listed_with_file_line_and_field_and_nothing_is_sent()
    {
        var jobs = Jobs(
            $$"""{"model": "{{Kling}}", "prompt": "ok"}""",
            $$"""{"model": "{{Kling}}", "prompt": "x", "duration": 7}""",
            """{"model": "no-such-model", "prompt": "x"}""",
            "not json");

        var run = await CliRun.RunAsync(HubEnvironment(), "batch", "run", jobs, "--out", Path.Combine(Folder, "out"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("jobs.jsonl:2", run.Error, StringComparison.Ordinal);
        Assert.Contains("duration", run.Error, StringComparison.Ordinal);
        Assert.Contains("jobs.jsonl:3", run.Error, StringComparison.Ordinal);
        Assert.Contains("jobs.jsonl:4", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, Hub.Counters.ApiRequests);
    }

    [Theory]
    [InlineData("--shard", "3/2")]
    [InlineData("--concurrency", "0")]
    [InlineData("--mode", "sync")]
    [InlineData("--max-cost", "-1")]
    public async Task A_bad_option_is_a_usage_error_before_anything_is_sent(string option, string value)
    {
        var jobs = Jobs($$"""{"model": "{{Kling}}", "prompt": "ok"}""");

        var run = await CliRun.RunAsync(HubEnvironment(), "batch", "run", jobs, "--out", Path.Combine(Folder, "out"), option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(option, run.Error, StringComparison.Ordinal);
        Assert.Equal(0, Hub.Counters.ApiRequests);
    }

    [Fact]
    public async Task A_cost_limit_below_the_estimate_refuses_the_whole_batch()
    {
        var jobs = Jobs($$"""{"model": "{{Kling}}", "prompt": "ok", "duration": 10}""");

        var run = await CliRun.RunAsync(HubEnvironment(), "batch", "run", jobs, "--out", Path.Combine(Folder, "out"), "--max-cost", "0.10");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(0, Hub.Counters.EnqueuedGenerations);
    }
}
