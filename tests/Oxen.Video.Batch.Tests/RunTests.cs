using System.Text.Json;
using static Oxen.Video.Batch.Tests.BatchHarness;

namespace Oxen.Video.Batch.Tests;

public sealed class RunTests
{
    [Theory]
    [InlineData(OxenGenerationMode.Sse)]
    [InlineData(OxenGenerationMode.Queue)]
    public async Task A_batch_saves_every_video_and_writes_results_and_the_report(OxenGenerationMode mode)
    {
        await using var h = await StartAsync();
        h.Hub.Faults.FailPromptsContaining("FAIL", "Upstream error: <b>the GPU melted</b>");
        var jobs = h.WriteJobs(
            Line(TestModels.Kling, "A surfer at dawn", "surf-kling", 5),
            Line(TestModels.Veo, "A surfer at dawn", "surf-veo", 10),
            Line(TestModels.Kling, "A fox in the snow", "fox-kling"),
            Line(TestModels.Veo, "A fox in the snow"),
            Line(TestModels.Kling, "This one will FAIL", "doomed"),
            Line(TestModels.Veo, "A city at night", "city"));
        var plan = h.Plan(jobs, estimator: r => r.ModelId == TestModels.Kling ? 0.7m : null);
        var reports = new List<BatchProgress>();
        var progress = new SyncProgress<BatchProgress>(reports.Add);

        var summary = await new OxenBatch(plan, h.Out, h.Options(o => o.Mode = mode)).RunAsync(progress).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(6, summary.Total);
        Assert.Equal(5, summary.Downloaded);
        Assert.Equal(1, summary.Failed);
        Assert.True(summary.IsComplete);
        Assert.Equal(6, h.Hub.Counters.EnqueuedGenerations);
        foreach (var key in new[] { "surf-kling", "surf-veo", "fox-kling", "4", "city" })
        {
            Assert.Equal(h.Hub.Video.ToArray(), File.ReadAllBytes(Path.Combine(h.Out, key + ".mp4")));
        }

        Assert.False(File.Exists(Path.Combine(h.Out, "doomed.mp4")));
        Assert.Empty(Directory.GetFiles(h.Out, "*.tmp"));

        var results = File.ReadAllLines(Path.Combine(h.Out, "results.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal([1, 2, 3, 4, 5, 6], results.Select(r => r.GetProperty("line").GetInt32()));
        Assert.Equal(6, results.Select(r => r.GetProperty("id").GetString()).Distinct().Count());
        var doomed = results[4];
        Assert.Equal("failed", doomed.GetProperty("status").GetString());
        Assert.Equal("Upstream error: <b>the GPU melted</b>", doomed.GetProperty("error").GetString());
        var first = results[0];
        Assert.Equal("succeeded", first.GetProperty("status").GetString());
        Assert.Equal(TestModels.Kling, first.GetProperty("model").GetString());
        Assert.Equal("""{"prompt":"A surfer at dawn","duration":5}""", first.GetProperty("parameters").GetRawText());
        Assert.Equal(0.7m, first.GetProperty("estimated_cost_usd").GetDecimal());
        Assert.Equal(JsonValueKind.Null, results[1].GetProperty("estimated_cost_usd").ValueKind);
        Assert.Equal("surf-kling.mp4", first.GetProperty("file").GetString());
        Assert.True(first.GetProperty("wait_seconds").GetDouble() > 0);
        if (mode == OxenGenerationMode.Queue)
        {
            // Polling sees the hub's timestamps (whole seconds on the emulator, so possibly 0).
            Assert.Equal(JsonValueKind.Number, first.GetProperty("processing_seconds").ValueKind);
        }

        var html = File.ReadAllText(Path.Combine(h.Out, "report.html"));
        Assert.Equal(6, CountOf(html, "class=\"card "));
        Assert.Equal(5, CountOf(html, "<video "));
        Assert.Contains("Upstream error: &lt;b&gt;the GPU melted&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>the GPU", html, StringComparison.Ordinal);

        var last = reports[^1];
        Assert.Equal((6, 5, 1, 0), (last.Total, last.Done, last.Failed, last.InFlight));
        Assert.Equal(1.4m, last.CostSoFarUsd); // Two Kling lines at 0.7 were saved; the failed one is not counted.
        Assert.Contains(reports, r => r.InFlight > 0);
        Assert.NotNull(last.Eta);
    }

    [Fact]
    public async Task Sse_mode_shares_one_event_stream_and_keeps_the_concurrency_bound()
    {
        await using var h = await StartAsync();
        var jobs = h.WriteJobs("jobs.jsonl", Enumerable.Range(1, 12).Select(i => Line(i % 2 == 0 ? TestModels.Kling : TestModels.Veo, $"prompt {i}")));
        var peak = 0;
        var progress = new SyncProgress<BatchProgress>(p => peak = Math.Max(peak, p.InFlight));

        var summary = await new OxenBatch(h.Plan(jobs), h.Out, h.Options(o => o.Concurrency = 3)).RunAsync(progress).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(12, summary.Downloaded);
        Assert.Equal(12, h.Hub.Counters.EnqueuedGenerations);
        Assert.InRange(peak, 1, 3);
        // One client, so never two streams at once; the client closes its stream whenever nothing is awaited (here
        // each wave of three ends together, as the emulator's delays are fixed), so at most one per wave.
        Assert.InRange(h.Hub.Counters.EventStreamConnections, 1, 12 / 3);
    }

    [Fact]
    public async Task A_second_run_of_a_finished_batch_sends_nothing()
    {
        await using var h = await StartAsync();
        var plan = h.Plan(h.WriteJobs(Line(TestModels.Kling, "one"), Line(TestModels.Veo, "two")));
        await h.RunAsync(plan);
        var requests = h.Hub.Counters.ApiRequests;

        var again = await h.RunAsync(plan);

        Assert.Equal(2, again.Downloaded);
        Assert.Equal(0, again.EnqueuesSent);
        Assert.Equal(requests, h.Hub.Counters.ApiRequests);
    }

    [Fact]
    public async Task A_refused_enqueue_is_failed_with_the_hub_message_and_costs_no_retry()
    {
        await using var h = await StartAsync();
        h.Hub.Faults.Respond("POST", "/api/ai/queue", 402);
        var plan = h.Plan(h.WriteJobs(Line(TestModels.Kling, "one")));

        var summary = await h.RunAsync(plan, configure: o => o.RetryFailed = 3);

        Assert.Equal(1, summary.Failed);
        Assert.Equal(1, h.Hub.Counters.Requests("POST", "/api/ai/queue"));
        using var journal = BatchJournal.Open(h.Out);
        var row = Assert.Single(journal.Rows());
        Assert.False(row.Retryable);
        Assert.Null(row.GenerationId);
    }

    internal static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}

/// <summary>A synchronous <see cref="IProgress{T}"/>; <see cref="Progress{T}"/> would post reports later.</summary>
internal sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    private readonly Lock _gate = new();

    public void Report(T value)
    {
        lock (_gate)
        {
            report(value);
        }
    }
}
