using System.Text.Json;
using static Oxen.Video.Batch.Tests.BatchHarness;

namespace Oxen.Video.Batch.Tests;

public sealed class ReportTests
{
    private const string HostilePrompt = "</h2><script>alert('x')</script><img src=x onerror=alert(1)> & \"quotes\" 'single' \u2028 done";

    [Fact]
    public async Task Every_text_from_the_file_and_the_hub_is_escaped_and_nothing_is_fetched_from_elsewhere()
    {
        await using var h = await StartAsync();
        h.Hub.Faults.FailPromptsContaining("FAIL", "<script>document.write('pwned')</script>");
        var plan = h.Plan(h.WriteJobs(
            Line(TestModels.Kling, HostilePrompt, "hostile"),
            Line(TestModels.Veo, "FAIL <b>bold</b>", "fails")));

        await h.RunAsync(plan);

        var html = await File.ReadAllTextAsync(Path.Combine(h.Out, "report.html"));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>bold", html, StringComparison.Ordinal);
        Assert.Contains("FAIL &lt;b&gt;bold&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;/h2&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;document.write(&#39;pwned&#39;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.Contains("src=\"hostile.mp4\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_groups_by_prompt_with_the_models_side_by_side_and_totals_first()
    {
        await using var h = await StartAsync();
        var plan = h.Plan(h.WriteJobs(
            Line(TestModels.Veo, "prompt A", "a-veo"),
            Line(TestModels.Kling, "prompt B", "b-kling"),
            Line(TestModels.Kling, "prompt A", "a-kling")), estimator: _ => 0.25m);

        await h.RunAsync(plan);

        var html = await File.ReadAllTextAsync(Path.Combine(h.Out, "report.html"));
        var totals = html.IndexOf("class=\"totals\"", StringComparison.Ordinal);
        var a = html.IndexOf("<h2>prompt A</h2>", StringComparison.Ordinal);
        var b = html.IndexOf("<h2>prompt B</h2>", StringComparison.Ordinal);
        Assert.True(totals >= 0 && totals < a && a < b, "totals, then prompt A (first seen on line 1), then prompt B");
        var aKling = html.IndexOf("id=\"line-3\"", StringComparison.Ordinal);
        var aVeo = html.IndexOf("id=\"line-1\"", StringComparison.Ordinal);
        Assert.True(a < aKling && aKling < aVeo && aVeo < b, "prompt A's cards, by model, before prompt B");
        Assert.Contains("<li><b>$0.75</b>estimated cost</li>", html, StringComparison.Ordinal);
        Assert.Contains("<li><b>3</b>succeeded</li>", html, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_report_loads_in_a_real_headless_chromium_lists_every_line_and_is_not_blank()
    {
        var browser = HeadlessChromium.Find();
        Skip.If(browser is null, $"No headless Chromium on PATH. Install it (as root) with: {HeadlessChromium.InstallCommand} (about 3 minutes on the dev machine), then run this test again.");

        await using var h = await StartAsync();
        h.Hub.Faults.FailPromptsContaining("FAIL", "Upstream error: <i>no GPU</i>");
        var jobs = Enumerable.Range(1, 7).Select(i => Line(i % 2 == 0 ? TestModels.Kling : TestModels.Veo, i == 4 ? "FAIL please" : $"prompt {(i + 1) / 2} {HostilePrompt}", $"clip-{i}"));
        var plan = h.Plan(h.WriteJobs("jobs.jsonl", jobs));
        await h.RunAsync(plan);
        var page = Path.Combine(h.Out, "report.html");

        // A page that does throw, to prove the console is really watched.
        var control = Path.Combine(h.Folder, "control.html");
        await File.WriteAllTextAsync(control, "<!DOCTYPE html><body><script>throw new Error('control-error')</script></body>");
        var (_, controlConsole) = await HeadlessChromium.DumpDomAsync(browser!, control);
        Assert.Contains(controlConsole, l => l.Contains("control-error", StringComparison.Ordinal));

        var (dom, console) = await HeadlessChromium.DumpDomAsync(browser!, page);
        Assert.Empty(console);
        for (var line = 1; line <= 7; line++)
        {
            Assert.Contains($"id=\"line-{line}\"", dom, StringComparison.Ordinal);
        }

        Assert.Equal(6, RunTests.CountOf(dom, "<video "));
        Assert.Contains("Upstream error: &lt;i&gt;no GPU&lt;/i&gt;", dom, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", dom, StringComparison.OrdinalIgnoreCase);

        var png = await HeadlessChromium.ScreenshotAsync(browser!, page, Path.Combine(h.Folder, "report.png"));
        var (width, height, rgb) = Png.Decode(png);
        Assert.Equal((1280, 900), (width, height));
        Assert.True(Png.BrightnessVariance(rgb) > 100, $"the screenshot looks blank (brightness variance {Png.BrightnessVariance(rgb):0.0})");

        var blank = Path.Combine(h.Folder, "blank.html");
        await File.WriteAllTextAsync(blank, "<!DOCTYPE html><body style=\"background:#fff\"></body>");
        var (_, _, blankRgb) = Png.Decode(await HeadlessChromium.ScreenshotAsync(browser!, blank, Path.Combine(h.Folder, "blank.png")));
        Assert.True(Png.BrightnessVariance(blankRgb) < 1, "the variance test tells a blank page apart");
    }

    [Fact]
    public async Task Results_jsonl_is_one_json_object_a_line_with_the_documented_fields()
    {
        await using var h = await StartAsync();
        await h.RunAsync(h.Plan(h.WriteJobs(Line(TestModels.Kling, "one", "k"))));

        var line = Assert.Single(File.ReadAllLines(Path.Combine(h.Out, "results.jsonl")));
        var names = JsonDocument.Parse(line).RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(
            ["line", "key", "model", "parameters", "id", "status", "error", "estimated_cost_usd", "charged_cost_usd", "queued_seconds", "processing_seconds", "wait_seconds", "file", "sends"],
            names);
    }

    [SkippableFact]
    public async Task A_report_of_1500_videos_stays_under_chromiums_cap_on_media_players()
    {
        var browser = HeadlessChromium.Find();
        Skip.If(browser is null, $"No headless Chromium on PATH. Install it (as root) with: {HeadlessChromium.InstallCommand}, then run this test again.");
        var folder = Path.Combine(Path.GetTempPath(), "oxen-batch-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var rows = Enumerable.Range(1, 1500).Select(i => new BatchJournalRow
            {
                LineNumber = i,
                Key = $"k{i}",
                Model = i % 2 == 0 ? TestModels.Kling : TestModels.Veo,
                Body = $$"""{"model":"m","prompt":"prompt {{i / 2}}"}""",
                State = BatchLineState.Downloaded,
                File = $"k{i}.mp4",
            }).ToList();
            BatchReport.Write(folder, [new BatchReportSource(folder, rows)], folder);

            var (dom, console) = await HeadlessChromium.DumpDomAsync(browser!, Path.Combine(folder, "report.html"));

            Assert.Equal(1500, RunTests.CountOf(dom, "<video "));
            Assert.Empty(console); // With preload="metadata" Chromium logs "too many WebMediaPlayers" here.
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
