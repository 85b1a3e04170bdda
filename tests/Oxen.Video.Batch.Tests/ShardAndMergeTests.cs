using System.Text.Json;
using static Oxen.Video.Batch.Tests.BatchHarness;

namespace Oxen.Video.Batch.Tests;

public sealed class ShardAndMergeTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void Shards_cover_every_line_exactly_once_and_the_same_way_every_time(int count)
    {
        var text = string.Join('\n', Enumerable.Range(1, 500).Select(i => Line(TestModels.Kling, $"p{i}", i % 5 == 0 ? $"custom-{i}" : null)));
        var shards = Enumerable.Range(1, count)
            .Select(i => BatchPlan.Parse(new StringReader(text), "j.jsonl", TestModels.Factory, new BatchShard(i, count)))
            .ToList();

        var lines = shards.SelectMany(s => s.Lines.Select(l => l.LineNumber)).ToList();
        Assert.Equal(Enumerable.Range(1, 500), lines.Order());
        Assert.All(shards, s => Assert.Equal(500, s.LineCount));
        if (count > 1)
        {
            Assert.All(shards, s => Assert.InRange(s.Lines.Count, 500 / count / 2, 500 * 2 / count));
        }

        var again = BatchPlan.Parse(new StringReader(text), "j.jsonl", TestModels.Factory, new BatchShard(count, count));
        Assert.Equal(shards[^1].Lines.Select(l => l.LineNumber), again.Lines.Select(l => l.LineNumber));
    }

    [Fact]
    public void A_line_keeps_its_shard_when_other_lines_are_added()
    {
        var before = "\n" + Line(TestModels.Kling, "x", "stable-key");
        var after = Line(TestModels.Kling, "new first line", "other") + "\n" + Line(TestModels.Kling, "x", "stable-key");
        for (var i = 1; i <= 4; i++)
        {
            var shard = new BatchShard(i, 4);
            Assert.Equal(
                BatchPlan.Parse(new StringReader(before), "a", TestModels.Factory, shard).Lines.Any(l => l.Key == "stable-key"),
                BatchPlan.Parse(new StringReader(after), "b", TestModels.Factory, shard).Lines.Any(l => l.Key == "stable-key"));
        }
    }

    [Theory]
    [InlineData("1/1", 1, 1)]
    [InlineData("3/4", 3, 4)]
    public void Shard_parses_i_of_n(string text, int index, int count) =>
        Assert.Equal(new BatchShard(index, count), BatchShard.Parse(text));

    [Theory]
    [InlineData("0/3")]
    [InlineData("4/3")]
    [InlineData("1/0")]
    [InlineData("-1/3")]
    [InlineData("1/3/5")]
    [InlineData("a/b")]
    [InlineData("")]
    [InlineData(" 1/3")]
    public void A_bad_shard_says_what_is_allowed(string text)
    {
        var error = Assert.Throws<FormatException>(() => BatchShard.Parse(text));
        Assert.Contains("i/n with 1 <= i <= n", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_with_a_problem_in_another_shard_still_stops_this_shard()
    {
        var text = Line(TestModels.Kling, "ok", "a") + "\n" + """{"model": "kling-video-v2-6-pro-text-to-video", "duration": 7, "key": "b"}""";
        for (var i = 1; i <= 2; i++)
        {
            Assert.False(BatchPlan.Parse(new StringReader(text), "j", TestModels.Factory, new BatchShard(i, 2)).IsValid);
        }
    }

    [Fact]
    public async Task Shards_run_in_their_own_folders_and_merge_into_one_results_file_and_one_report()
    {
        await using var h = await StartAsync();
        var jobs = h.WriteJobs("jobs.jsonl", Enumerable.Range(1, 10).Select(i => Line(i % 2 == 0 ? TestModels.Kling : TestModels.Veo, $"prompt {(i + 1) / 2}", $"clip-{i}")));
        var folders = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            var folder = Path.Combine(h.Folder, $"shard-{i}");
            folders.Add(folder);
            await h.RunAsync(h.Plan(jobs, new BatchShard(i, 3)), folder);
        }

        Assert.Equal(10, h.Hub.Counters.EnqueuedGenerations);
        var merged = Path.Combine(h.Folder, "merged");
        var result = BatchReport.Merge(folders, merged);

        Assert.Equal(10, result.Lines);
        var rows = File.ReadAllLines(result.ResultsPath).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(Enumerable.Range(1, 10), rows.Select(r => r.GetProperty("line").GetInt32()));
        Assert.All(rows, r => Assert.Equal("succeeded", r.GetProperty("status").GetString()));
        foreach (var row in rows)
        {
            var link = row.GetProperty("file").GetString()!;
            Assert.StartsWith("../shard-", link, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(merged, link)), link);
        }

        var html = File.ReadAllText(result.ReportPath);
        Assert.Equal(10, RunTests.CountOf(html, "<video "));
        Assert.Equal(5, RunTests.CountOf(html, "<section>"));
    }

    [Fact]
    public async Task Merging_folders_that_share_a_line_is_refused()
    {
        await using var h = await StartAsync();
        var jobs = h.WriteJobs(Line(TestModels.Kling, "one"), Line(TestModels.Veo, "two"));
        var whole = Path.Combine(h.Folder, "whole");
        var half = Path.Combine(h.Folder, "half");
        await h.RunAsync(h.Plan(jobs), whole);
        await h.RunAsync(h.Plan(jobs, new BatchShard(1, 2)), half);
        var empty = Path.Combine(h.Folder, "empty");
        Directory.CreateDirectory(empty);

        var shared = Assert.Throws<BatchValidationException>(() => BatchReport.Merge([whole, half], Path.Combine(h.Folder, "m")));
        Assert.Contains("not one batch's shards", shared.Problems[0].Message, StringComparison.Ordinal);
        var notBatch = Assert.Throws<BatchValidationException>(() => BatchReport.Merge([empty], Path.Combine(h.Folder, "m")));
        Assert.Contains("not a batch output folder", notBatch.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_of_one_shard_refuses_another_shard()
    {
        await using var h = await StartAsync();
        var jobs = h.WriteJobs("jobs.jsonl", Enumerable.Range(1, 6).Select(i => Line(TestModels.Kling, $"p{i}")));
        await h.RunAsync(h.Plan(jobs, new BatchShard(1, 2)));
        var sent = h.Hub.Counters.ApiRequests;

        var refused = await Assert.ThrowsAsync<BatchValidationException>(() => h.RunAsync(h.Plan(jobs, new BatchShard(2, 2))));
        Assert.Contains("use one folder per shard", refused.Problems[0].Message, StringComparison.Ordinal);
        Assert.Equal(sent, h.Hub.Counters.ApiRequests);
    }
}
