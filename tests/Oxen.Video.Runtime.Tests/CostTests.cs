using Oxen.Video;
using Oxen.Video.Models;

namespace Oxen.Video.Runtime.Tests;

/// <summary>Cost before (estimate, limit) and after (the charged cost) a generation.</summary>
public sealed class CostTests
{
    private const string PricedKling = "kling-priced";
    private const string KlingPricingJson = """{"method": "per_video_output_second", "cost_per_second": 0.07, "cost_per_second_with_audio": 0.14}""";

    private static readonly OxenModelPricing Kling26 = new("per_video_output_second", 0.07, 0.14, null);

    private static OxenModelInfo KlingInfo(string audioDefault = "false") =>
        JsonRequest.Info(PricedKling, Kling26, ("duration", "5"), ("generate_audio", audioDefault));

    [Fact]
    public void The_estimate_uses_the_request_duration_and_the_audio_rate()
    {
        var request = new JsonRequest(PricedKling, """{"prompt": "a fox", "duration": 10, "generate_audio": true}""", KlingInfo());

        var estimate = request.EstimateCost()!;

        Assert.Equal(1.40m, estimate.TotalUsd);
        Assert.Equal(1.40m, estimate.PerGenerationUsd);
        Assert.Equal(0.14m, estimate.RatePerSecondUsd);
        Assert.Equal(10m, estimate.DurationSeconds);
        Assert.True(estimate.WithAudio);
        Assert.Equal("10 s (duration) × $0.14/s (the rate with audio) × 1 generation = $1.40", estimate.Reason);
    }

    [Theory]
    [InlineData("false", 0.35)]
    [InlineData("true", 0.70)]
    public void The_estimate_falls_back_to_the_schema_defaults(string audioDefault, double expected)
    {
        var request = new JsonRequest(PricedKling, """{"prompt": "a fox"}""", KlingInfo(audioDefault));

        var estimate = request.EstimateCost()!;

        Assert.Equal((decimal)expected, estimate.TotalUsd);
        Assert.Equal(5m, estimate.DurationSeconds);
        Assert.Contains("5 s (duration, the schema's default)", estimate.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"seconds\": \"8\"", 8)]
    [InlineData("\"duration\": \"10s\"", 10)]
    [InlineData("\"duration\": \"5\"", 5)]
    [InlineData("\"duration\": 4.5", 4.5)]
    public void Durations_are_read_from_numbers_and_strings(string property, double seconds)
    {
        var info = JsonRequest.Info("m", new OxenModelPricing(null, 0.221, null, null));
        var request = new JsonRequest("m", "{" + property + "}", info);

        var estimate = request.EstimateCost()!;

        Assert.Equal((decimal)seconds, estimate.DurationSeconds);
        Assert.Equal((decimal)seconds * 0.221m, estimate.TotalUsd);
    }

    [Fact]
    public void Resolution_rates_and_num_generations_count()
    {
        var pricing = new OxenModelPricing("per_video_output_second", 0.2, 0.3, new Dictionary<string, double> { ["1080p"] = 0.25 });
        var info = JsonRequest.Info("m", pricing, ("duration", "5"), ("generate_audio", "true"), ("resolution", "\"720p\""));

        var hd = new JsonRequest("m", """{"resolution": "1080p", "num_generations": 2}""", info).EstimateCost()!;
        var sd = new JsonRequest("m", "{}", info).EstimateCost(numGenerations: 3)!;

        Assert.Equal(0.35m, hd.RatePerSecondUsd); // 1080p's own rate plus the audio premium
        Assert.Equal("1080p", hd.Resolution);
        Assert.Equal(2, hd.Generations);
        Assert.Equal(3.50m, hd.TotalUsd);
        Assert.Equal(0.3m, sd.RatePerSecondUsd); // 720p is not priced apart: the audio rate
        Assert.Equal(3, sd.Generations);
        Assert.Equal(1.5m, sd.PerGenerationUsd);
        Assert.Equal(4.5m, sd.TotalUsd);
    }

    [Fact]
    public void An_unknown_price_or_duration_gives_no_estimate()
    {
        Assert.Null(new TestRequest(TestRequest.Kling, "a fox", 5).EstimateCost());
        Assert.Null(new JsonRequest("m", """{"duration": 5}""", JsonRequest.Info("m", pricing: null)).EstimateCost());
        Assert.Null(new JsonRequest("m", """{"duration": "auto"}""", KlingInfo()).EstimateCost());
        Assert.Null(new JsonRequest("m", """{"duration": -1}""", KlingInfo()).EstimateCost());
        Assert.Null(new JsonRequest("m", "{}", JsonRequest.Info("m", Kling26)).EstimateCost());
        Assert.Null(new JsonRequest("m", """{"duration": 5}""", JsonRequest.Info("m", new OxenModelPricing("per_token", 0.07, null, null))).EstimateCost());
    }

    [Fact]
    public async Task A_request_above_MaxCostPerGeneration_is_refused_before_sending_naming_both_numbers()
    {
        await using var h = await Harness.StartAsync(client: o => o.MaxCostPerGeneration = 0.50m);
        var request = new JsonRequest(PricedKling, """{"prompt": "a fox", "duration": 10, "generate_audio": true}""", KlingInfo());

        var generate = await Assert.ThrowsAsync<OxenCostLimitException>(() => h.Client.GenerateVideoAsync(request, OxenGenerationMode.Sync).Within());
        var enqueue = await Assert.ThrowsAsync<OxenCostLimitException>(() => h.Client.EnqueueAsync(request).Within());

        foreach (var error in new[] { generate, enqueue })
        {
            Assert.Contains("$1.40", error.Message, StringComparison.Ordinal);
            Assert.Contains("$0.50", error.Message, StringComparison.Ordinal);
            Assert.Equal(1.40m, error.Estimate!.PerGenerationUsd);
            Assert.Equal(0.50m, error.MaxCostPerGeneration);
        }

        Assert.Equal(0, h.Hub.Counters.ApiRequests);
    }

    [Fact]
    public async Task An_unknown_cost_is_refused_under_a_limit_unless_allowed()
    {
        await using var h = await Harness.StartAsync(client: o => o.MaxCostPerGeneration = 5m);
        var unknown = new TestRequest(TestRequest.Kling, "a fox", 5);

        var error = await Assert.ThrowsAsync<OxenCostLimitException>(() => h.Client.GenerateVideoAsync(unknown).Within());
        Assert.Null(error.Estimate);
        Assert.Contains("unknown", error.Message, StringComparison.Ordinal);
        Assert.Contains("$5.00", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, h.Hub.Counters.ApiRequests);

        var allowed = h.CreateClient(o => (o.MaxCostPerGeneration, o.AllowUnknownCost) = (5m, true));
        var video = await allowed.GenerateVideoAsync(unknown).Within();
        Assert.NotNull(video.GenerationId);
    }

    [Theory]
    [InlineData(OxenGenerationMode.Queue)]
    [InlineData(OxenGenerationMode.Sse)]
    public async Task The_charged_cost_is_on_the_result_and_matches_the_estimate(OxenGenerationMode mode)
    {
        await using var h = await Harness.StartAsync(hub: o => o.AddModel(PricedKling, TestRequest.KlingSchema, pricingJson: KlingPricingJson));
        var request = new JsonRequest(PricedKling, """{"prompt": "a fox", "duration": 10}""", JsonRequest.Info(PricedKling, Kling26, ("duration", "5")));

        var video = await h.Client.GenerateVideoAsync(request, mode).Within();

        Assert.Equal(0.70m, video.ChargedCostUsd);
        Assert.Equal(request.EstimateCost()!.TotalUsd, video.ChargedCostUsd);
        Assert.Equal(1, h.Hub.Counters.Requests("GET", "/api/ai/generations/*"));
    }

    [Fact]
    public async Task A_hub_that_gives_no_cost_leaves_it_unknown()
    {
        await using var h = await Harness.StartAsync(hub: o => o.ReportChargedCost = false);

        var operation = (await h.Client.EnqueueAsync(new TestRequest(TestRequest.Kling, "a fox", 5)).Within())[0];
        var video = await operation.WaitForCompletionAsync().Within();

        Assert.Null(video.ChargedCostUsd);
        Assert.Null(operation.ChargedCostUsd);
        await h.SaveAndCheckAsync(video);
    }
}
