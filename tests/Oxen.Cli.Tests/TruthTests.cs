using Xunit;

namespace Oxen.Cli.Tests;

/// <summary>What a new user tripped on: every answer is a clear line and an exit code, never a stack trace.</summary>
public sealed class TruthTests : HubTestBase
{
    [Theory]
    [InlineData("status", "")]
    [InlineData("cancel", "../x")]
    [InlineData("wait", "a b")]
    [InlineData("status", ".")]
    public async Task An_id_that_cannot_be_a_generation_id_is_exit_2_before_any_request(string command, string id)
    {
        var run = await CliRun.RunAsync(HubEnvironment(), "generations", command, id);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"error: The generation id \"{id}\" cannot be one:", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Parameter '", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, Hub.Counters.ApiRequests);
    }

    [Theory]
    [InlineData("500ms")]
    [InlineData("0.5s")]
    [InlineData("0s")]
    public async Task A_timeout_under_a_second_is_refused_as_the_help_says(string timeout)
    {
        var run = await CliRun.RunAsync(HubEnvironment(), "generate", "--model", Kling, "--prompt", "p", "--timeout", timeout);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--timeout {timeout} is not a duration; allowed: 1s or more", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, Hub.Counters.ApiRequests);
    }

    [Theory]
    [InlineData("""{"model": "kling-video-v2-6-pro-text-to-video", "prompt": "a", "prompt": "b"}""", "prompt")]
    [InlineData("""{"model": "kling-video-v2-6-pro-text-to-video", "model": "veo-3-1-fast", "prompt": "a"}""", "model")]
    [InlineData("""{"model": "kling-video-v2-6-pro-text-to-video", "prompt": "a", "key": "k", "key": "l"}""", "key")]
    public async Task A_batch_line_that_repeats_a_key_is_a_located_problem_and_nothing_is_sent(string line, string repeated)
    {
        var jobs = Path.Combine(Folder, "jobs.jsonl");
        File.WriteAllLines(jobs, [line]);

        var run = await CliRun.RunAsync(HubEnvironment(), "batch", "run", jobs, "--out", Path.Combine(Folder, "out"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("jobs.jsonl:1", run.Error, StringComparison.Ordinal);
        Assert.Contains($"'{repeated}'", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, Hub.Counters.ApiRequests);
    }

    [Fact]
    public async Task Cancelling_a_generation_that_already_succeeded_says_there_was_nothing_to_cancel()
    {
        using var client = new Oxen.Video.OxenClient(new Oxen.Video.OxenClientOptions { BaseAddress = Hub.BaseAddress, ApiKey = SecretKey });
        var operation = (await client.EnqueueAsync(new Oxen.Video.Models.KlingVideoV26ProTextToVideoRequest { Prompt = "p" }))[0];
        await operation.WaitForCompletionAsync().WaitAsync(TimeSpan.FromSeconds(30));

        var run = await CliRun.RunAsync(HubEnvironment(), "generations", "cancel", operation.Id);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"Generation {operation.Id} has already finished (succeeded): there was nothing to cancel.", run.Output, StringComparison.Ordinal);
        Assert.Equal(0, Hub.Counters.Requests("DELETE", "/api/ai/queue/*"));
    }
}
