using static Oxen.Video.Batch.Tests.BatchHarness;

namespace Oxen.Video.Batch.Tests;

public sealed class ValidationTests
{
    [Fact]
    public async Task Every_bad_line_is_reported_with_file_line_and_field_and_nothing_is_sent()
    {
        await using var h = await StartAsync();
        var jobs = h.WriteJobs(
            Line(TestModels.Kling, "a good line", "good"),
            "{not json",
            """{"prompt": "no model"}""",
            """{"model": "no-such-model", "prompt": "x"}""",
            """{"model": "kling-video-v2-6-pro-text-to-video", "prompt": "seven seconds", "duration": 7}""",
            """{"model": "kling-video-v2-6-pro-text-to-video", "prompt": "typed wrong", "duration": "ten"}""",
            """{"model": "kling-video-v2-6-pro-text-to-video", "prompt": "escape", "key": "../etc/passwd"}""",
            """{"model": "kling-video-v2-6-pro-text-to-video", "prompt": "same key", "key": "GOOD"}""",
            """{"model": "kling-video-v2-6-pro-text-to-video", "prompt": "many", "num_generations": 3}""",
            "",
            """{"model": "KLING-VIDEO-V2-6-PRO-TEXT-TO-VIDEO", "prompt": "case"}""",
            """[1, 2]""");
        var plan = h.Plan(jobs);

        var shown = plan.Problems.Select(p => p.ToString()).ToList();
        Assert.Contains(shown, p => p.StartsWith($"{jobs}:2: is not valid JSON", StringComparison.Ordinal));
        Assert.Contains(shown, p => p.StartsWith($"{jobs}:3: model: is required", StringComparison.Ordinal));
        Assert.Contains(shown, p => p.StartsWith($"{jobs}:4: model: unknown model 'no-such-model'", StringComparison.Ordinal));
        Assert.Contains(shown, p => p.StartsWith($"{jobs}:5: duration:", StringComparison.Ordinal) && p.Contains("5, 10", StringComparison.Ordinal));
        Assert.Contains(shown, p => p.StartsWith($"{jobs}:6: duration:", StringComparison.Ordinal));
        Assert.Contains(shown, p => p.StartsWith($"{jobs}:7: key: '../etc/passwd' cannot name a file", StringComparison.Ordinal));
        Assert.Contains(shown, p => p.StartsWith($"{jobs}:8: key: 'GOOD' is already the key of line 1", StringComparison.Ordinal));
        Assert.Contains(shown, p => p.StartsWith($"{jobs}:9: num_generations:", StringComparison.Ordinal));
        Assert.Contains(shown, p => p.StartsWith($"{jobs}:11: model:", StringComparison.Ordinal) && p.Contains("Did you mean 'kling-video-v2-6-pro-text-to-video'", StringComparison.Ordinal));
        Assert.Contains(shown, p => p.StartsWith($"{jobs}:12: is not a JSON object", StringComparison.Ordinal));
        Assert.Equal(10, plan.Problems.Count);
        Assert.Equal(11, plan.LineCount); // The blank line 10 is not a job.

        var refused = await Assert.ThrowsAsync<BatchValidationException>(() => new OxenBatch(plan, h.Out, h.Options()).RunAsync());
        Assert.Equal(plan.Problems, refused.Problems);
        Assert.Equal(0, h.Hub.Counters.ApiRequests);
        Assert.False(Directory.Exists(h.Out), "nothing, not even the output folder, is made for a refused batch");
    }

    [Fact]
    public void An_empty_file_is_a_problem_not_a_successful_batch()
    {
        var plan = BatchPlan.Parse(new StringReader("\n  \n"), "empty.jsonl", TestModels.Factory);
        var problem = Assert.Single(plan.Problems);
        Assert.Contains("has no jobs", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_default_to_the_line_number_and_the_body_leaves_the_key_out()
    {
        var plan = BatchPlan.Parse(new StringReader(Line(TestModels.Kling, "a") + "\n\n" + Line(TestModels.Veo, "b", "mine")), "j.jsonl", TestModels.Factory);
        Assert.True(plan.IsValid);
        Assert.Equal(["1", "mine"], plan.Lines.Select(l => l.Key));
        Assert.Equal([1, 3], plan.Lines.Select(l => l.LineNumber));
        Assert.DoesNotContain("key", plan.Lines[1].BodyText, StringComparison.Ordinal);
        Assert.Equal("""{"model":"veo-3-1-fast","prompt":"b"}""", plan.Lines[1].BodyText);
    }

    [Theory]
    [InlineData("ok_key-1.v2", null)]
    [InlineData("", "must not be empty")]
    [InlineData("a/b", "'/'")]
    [InlineData("a\\b", "'\\'")]
    [InlineData("..", "must start with")]
    [InlineData(".hidden", "must start with")]
    [InlineData("-rf", "must start with")]
    [InlineData("trailing.", "must not end with '.'")]
    [InlineData("con", "reserved device name")]
    [InlineData("LPT1.final", "reserved device name")]
    [InlineData("tab\there", "U+0009")]
    [InlineData("émoji", "'é'")]
    [InlineData("a b", "U+0020")]
    public void Keys_must_name_a_file_on_every_system(string key, string? expected)
    {
        var why = BatchKey.Check(key);
        if (expected is null)
        {
            Assert.Null(why);
        }
        else
        {
            Assert.NotNull(why);
            Assert.Contains(expected, why, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_key_longer_than_the_limit_is_refused()
    {
        Assert.Contains("at most 120", BatchKey.Check(new string('k', 121)), StringComparison.Ordinal);
        Assert.Null(BatchKey.Check(new string('k', 120)));
    }

    [Fact]
    public async Task Max_cost_refuses_an_estimate_over_the_limit_before_anything_is_sent()
    {
        await using var h = await StartAsync();
        var jobs = h.WriteJobs(Line(TestModels.Kling, "a"), Line(TestModels.Kling, "b"), Line(TestModels.Veo, "c"));
        var plan = h.Plan(jobs, estimator: _ => 0.35m);
        Assert.Equal(1.05m, plan.KnownCostUsd);
        Assert.Equal(0, plan.UnknownCostLines);

        var refused = await Assert.ThrowsAsync<BatchRefusedException>(() => h.RunAsync(plan, configure: o => o.MaxCostUsd = 1.00m));
        Assert.Contains("1.05 USD, over the limit of 1.00 USD", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, h.Hub.Counters.ApiRequests);

        var summary = await h.RunAsync(plan, configure: o => o.MaxCostUsd = 1.05m);
        Assert.Equal(3, summary.Downloaded);
    }

    [Fact]
    public async Task Max_cost_with_unknown_prices_is_refused_since_it_cannot_bound_the_batch()
    {
        await using var h = await StartAsync();
        var plan = h.Plan(h.WriteJobs(Line(TestModels.Kling, "a"), Line(TestModels.Veo, "b")), estimator: r => r.ModelId == TestModels.Kling ? 0.5m : null);
        Assert.Equal(1, plan.UnknownCostLines);

        var refused = await Assert.ThrowsAsync<BatchRefusedException>(() => h.RunAsync(plan, configure: o => o.MaxCostUsd = 100m));
        Assert.Contains("1 line(s) have no known price", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, h.Hub.Counters.ApiRequests);
    }

    [Fact]
    public async Task A_journal_written_for_another_file_is_refused_before_anything_is_sent()
    {
        await using var h = await StartAsync();
        var first = h.Plan(h.WriteJobs("a.jsonl", [Line(TestModels.Kling, "one", "k1")]));
        using (var journal = BatchJournal.Open(h.Out))
        {
            Assert.Empty(journal.Sync(first));
        }

        var edited = h.Plan(h.WriteJobs("b.jsonl", [Line(TestModels.Kling, "one, edited", "k1")]));
        var refused = await Assert.ThrowsAsync<BatchValidationException>(() => h.RunAsync(edited));
        Assert.Contains("must not change between runs", Assert.Single(refused.Problems).Message, StringComparison.Ordinal);
        Assert.Equal(0, h.Hub.Counters.ApiRequests);
    }

    [Fact]
    public async Task Two_runs_in_one_folder_are_refused()
    {
        await using var h = await StartAsync();
        var plan = h.Plan(h.WriteJobs(Line(TestModels.Kling, "one")));
        Directory.CreateDirectory(h.Out);
        using var held = new FileStream(Path.Combine(h.Out, OxenBatch.LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        var refused = await Assert.ThrowsAsync<BatchRefusedException>(() => h.RunAsync(plan));
        Assert.Contains("Another batch run is using", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, h.Hub.Counters.ApiRequests);
    }
}
