using Microsoft.Extensions.Time.Testing;
using Oxen.Cli.Cli;
using Oxen.Video.Models;
using Xunit;

namespace Oxen.Cli.Tests;

/// <summary><c>--timeout</c> and <c>--max-cost</c>: limits the user sets.</summary>
public sealed class LimitsTests : HubTestBase
{
    // Long enough that only --timeout ends the wait.
    protected override TimeSpan ProcessingDelay => TimeSpan.FromMinutes(5);

    [Theory]
    [InlineData("queue")]
    [InlineData("sse")]
    public async Task Timeout_bounds_the_wait_exits_3_and_prints_the_id_to_resume(string mode)
    {
        var clock = new FakeTimeProvider();
        var output = new LiveWriter();
        var running = CliRun.RunAsync(new CliRunOptions(HubEnvironment()) { Output = output, Time = clock }, "generate", "--model", Kling, "--prompt", "p", "--mode", mode, "--timeout", "10m", "--out", Path.Combine(Folder, "x.mp4"));

        await output.WaitForAsync("Generation id:");
        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.False(running.IsCompleted);
        clock.Advance(TimeSpan.FromMinutes(1));
        var run = await running;

        Assert.Equal(3, run.ExitCode);
        var id = System.Text.RegularExpressions.Regex.Match(run.Output, "Generation id: ([0-9a-f-]{36})").Groups[1].Value;
        Assert.Contains($"--timeout 10m ran out; generation {id} goes on at the hub. Resume with: oxen generations wait {id}", run.Error, StringComparison.Ordinal);
        Assert.Contains(Hub.GetStatus(id), new[] { "queued", "processing" });
    }

    [Fact]
    public async Task Timeout_bounds_generations_wait_too()
    {
        using var client = new Oxen.Video.OxenClient(new Oxen.Video.OxenClientOptions { BaseAddress = Hub.BaseAddress, ApiKey = SecretKey });
        var operation = (await client.EnqueueAsync(new KlingVideoV26ProTextToVideoRequest { Prompt = "p" }))[0];
        var clock = new FakeTimeProvider();
        var output = new LiveWriter();
        var running = CliRun.RunAsync(new CliRunOptions(HubEnvironment()) { Output = output, Time = clock }, "generations", "wait", operation.Id, "--timeout", "90s", "--out", Path.Combine(Folder, "w.mp4"));

        await output.WaitForAsync(" after ");
        clock.Advance(TimeSpan.FromSeconds(90));
        var run = await running;

        Assert.Equal(3, run.ExitCode);
        Assert.Contains($"Resume with: oxen generations wait {operation.Id}", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("90s", 90)]
    [InlineData("10m", 600)]
    [InlineData("1h", 3600)]
    [InlineData("1h30m", 5400)]
    public void Durations_read_seconds_minutes_and_hours(string text, int seconds)
    {
        Assert.True(Durations.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("10")]
    [InlineData("0s")]
    [InlineData("-5m")]
    [InlineData("1d")]
    public void Other_durations_are_refused(string text) => Assert.False(Durations.TryParse(text, out _));

    [Fact]
    public async Task Max_cost_refuses_an_estimate_above_it_and_sends_nothing()
    {
        var run = await CliRun.RunAsync(HubEnvironment(), "generate", "--model", Kling, "--prompt", "p", "--max-cost", "0.01");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Estimated cost: $", run.Output, StringComparison.Ordinal);
        Assert.Contains("is above --max-cost $0.01; nothing was sent.", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, Hub.Counters.ApiRequests);
    }

    [Fact]
    public async Task Max_cost_refuses_an_unknown_price()
    {
        var kling = OxenModels.Find(Kling)!;
        var unpriced = new OxenModelInfo(kling.Id, kling.DisplayName, null, kling.Endpoint, kling.RequestType, kling.Parameters, kling.ParseRequest);
        var request = kling.ParseRequest(System.Text.Encoding.UTF8.GetBytes($$"""{"model": "{{Kling}}", "prompt": "p"}"""));

        var refused = await Assert.ThrowsAsync<UsageException>(() => CostGuard.CheckAsync(unpriced, request, 1m, allowUnknown: false, new StringWriter()));
        Assert.Contains("--max-cost $1.00: the price of kling-video-v2-6-pro-text-to-video is unknown, so nothing was sent (add --allow-unknown-cost", refused.Message, StringComparison.Ordinal);
        await CostGuard.CheckAsync(unpriced, request, 1m, allowUnknown: true, new StringWriter());
    }

    [Fact]
    public async Task Allow_unknown_cost_sends_anyway()
    {
        var run = await CliRun.RunAsync(HubEnvironment(), "generate", "--model", Kling, "--prompt", "p", "--max-cost", "1", "--allow-unknown-cost", "--mode", "sync", "--out", Path.Combine(Folder, "c.mp4"));

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Equal(1, Hub.Counters.SyncGenerations);
    }

    [Theory]
    [InlineData("10", 0.07 * 10, true)]
    [InlineData("5", 0.07 * 5, true)]
    [InlineData("10", 0.07 * 10, false)]
    public async Task Max_cost_compares_the_estimate_from_the_price(string duration, double expected, bool allowed)
    {
        var kling = OxenModels.Find(Kling)!;
        var priced = new OxenModelInfo(kling.Id, kling.DisplayName, null, kling.Endpoint, kling.RequestType, kling.Parameters, kling.ParseRequest)
        {
            Pricing = new OxenModelPricing("per_video_output_second", 0.07, null, null),
        };
        var request = kling.ParseRequest(System.Text.Encoding.UTF8.GetBytes($$"""{"model": "{{Kling}}", "prompt": "p", "duration": {{duration}}}"""));
        var status = new StringWriter();
        var limit = allowed ? 1m : 0.5m;

        var check = CostGuard.CheckAsync(priced, request, limit, allowUnknown: false, status);

        if (allowed)
        {
            await check;
        }
        else
        {
            var refused = await Assert.ThrowsAsync<UsageException>(() => check);
            Assert.Contains("is above --max-cost $0.50; nothing was sent", refused.Message, StringComparison.Ordinal);
        }

        Assert.Contains($"Estimated cost: {CostGuard.Usd((decimal)expected)} ({duration} s (duration) × $0.07/s", status.ToString(), StringComparison.Ordinal);
    }
}
