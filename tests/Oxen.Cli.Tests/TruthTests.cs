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

    [Theory]
    [InlineData("text")]
    [InlineData("folder")]
    [InlineData("half")]
    public async Task A_damaged_or_foreign_journal_is_exit_2_for_run_and_report_and_nothing_is_sent(string damage)
    {
        var jobs = Path.Combine(Folder, "jobs.jsonl");
        File.WriteAllLines(jobs, Enumerable.Range(0, 40).Select(n => $$"""{"model": "{{Kling}}", "prompt": "shot {{n}} {{new string('x', 200)}}"}"""));
        var output = Path.Combine(Folder, "out");
        var journal = Path.Combine(output, "oxen-batch.db");
        switch (damage)
        {
            case "text":
                Directory.CreateDirectory(output);
                File.WriteAllText(journal, "not a database, only some text that a user left here by mistake");
                break;
            case "folder":
                Directory.CreateDirectory(journal);
                break;
            default:
                var first = await CliRun.RunAsync(HubEnvironment(), "batch", "run", jobs, "--out", output);
                Assert.True(first.ExitCode == 0, first.All);
                using (var file = new FileStream(journal, FileMode.Open))
                {
                    file.SetLength(file.Length / 2);
                }

                break;
        }

        var sentBefore = Hub.Counters.EnqueuedGenerations;
        var run = await CliRun.RunAsync(HubEnvironment(), "batch", "run", jobs, "--out", output);
        var report = await CliRun.RunAsync(HubEnvironment(), "batch", "report", output, "--out", Path.Combine(Folder, "merged"));

        foreach (var result in new[] { run, report })
        {
            Assert.Equal(2, result.ExitCode);
            Assert.Contains($"The journal {journal} is damaged or is not a batch journal", result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        }

        Assert.Equal(sentBefore, Hub.Counters.EnqueuedGenerations);
    }

    [Fact]
    public async Task A_batch_that_finishes_leaves_no_lock_behind()
    {
        var jobs = Path.Combine(Folder, "jobs.jsonl");
        File.WriteAllLines(jobs, [$$"""{"model": "{{Kling}}", "prompt": "a"}"""]);
        var output = Path.Combine(Folder, "out");

        var run = await CliRun.RunAsync(HubEnvironment(), "batch", "run", jobs, "--out", output);

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Empty(Directory.EnumerateFiles(output, "*.lock", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Sync_mode_says_that_its_answer_names_no_id_and_no_charged_cost()
    {
        var run = await CliRun.RunAsync(HubEnvironment(), "generate", "--model", Kling, "--prompt", "p", "--mode", "sync", "--out", Path.Combine(Folder, "s.mp4"));

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("The hub's synchronous answer names no generation id and no charged cost; --mode queue (the default) shows both.", run.Output, StringComparison.Ordinal);
    }
}
