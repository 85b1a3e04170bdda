using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Oxen.Video;
using Oxen.Video.Models;

namespace Oxen.Video.Runtime.Tests;

/// <summary>Spans and metrics, read through the OpenTelemetry SDK's in-memory exporter.</summary>
public sealed class TelemetryTests
{
    private const string PricingJson = """{"method": "per_video_output_second", "cost_per_second": 0.07, "cost_per_second_with_audio": 0.14}""";

    [Theory]
    [InlineData(OxenGenerationMode.Queue, "queue")]
    [InlineData(OxenGenerationMode.Sse, "sse")]
    public async Task A_generation_is_one_span_with_genai_tags_events_and_metrics(OxenGenerationMode mode, string modeName)
    {
        // A model of its own: other tests run at the same time and report to the same source.
        var model = "kling-telemetry-" + Guid.NewGuid().ToString("N")[..8];
        var spans = new List<Activity>();
        var metrics = new List<MetricSnapshot>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddSource("Oxen.Video").AddInMemoryExporter(spans).Build();
        using var metering = Sdk.CreateMeterProviderBuilder().AddMeter("Oxen.Video").AddInMemoryExporter(metrics).Build();
        await using var h = await Harness.StartAsync(hub: o => o.AddModel(model, TestRequest.KlingSchema, pricingJson: PricingJson));
        var info = JsonRequest.Info(model, new OxenModelPricing("per_video_output_second", 0.07, 0.14, null), ("duration", "5"));

        var video = await h.Client.GenerateVideoAsync(new JsonRequest(model, """{"prompt": "a fox", "duration": 10}""", info), mode).Within();
        tracing.ForceFlush();
        metering.ForceFlush();

        var span = Assert.Single(spans, s => (string?)s.GetTagItem("gen_ai.request.model") == model);
        Assert.Equal($"generate_content {model}", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal("generate_content", span.GetTagItem("gen_ai.operation.name"));
        Assert.Equal("oxen", span.GetTagItem("gen_ai.provider.name"));
        Assert.Equal(video.GenerationId, span.GetTagItem("oxen.generation.id"));
        Assert.Equal(modeName, span.GetTagItem("oxen.generation.mode"));
        Assert.Equal("succeeded", span.GetTagItem("oxen.generation.status"));
        Assert.Equal(0.70, (double)span.GetTagItem("oxen.generation.cost_usd")!, 6);
        Assert.Equal(0.70, (double)span.GetTagItem("oxen.generation.estimated_cost_usd")!, 6);
        Assert.Equal(h.Hub.BaseAddress.Port, span.GetTagItem("server.port"));
        Assert.NotEqual(ActivityStatusCode.Error, span.Status);
        var events = span.Events.Select(e => e.Name).ToList();
        Assert.Equal("oxen.generation.queued", events[0]);
        Assert.Equal("oxen.generation.completed", events[^1]);
        Assert.Equal(events.Distinct().Count(), events.Count);

        Assert.Equal(1, SumLong(metrics, "oxen.video.generations", model, ("oxen.generation.status", "succeeded"), ("oxen.generation.mode", modeName)));
        Assert.Equal(0.70, SumDouble(metrics, "oxen.video.generation.cost", model), 6);
        Assert.Equal(1, HistogramCount(metrics, "oxen.video.generation.queued_time", model));
        // SSE's completion event carries no times: the processing time is known only when the client saw the job
        // running (a poll or catch-up). On a loaded machine the job may end before any look, and then no time is
        // recorded rather than a wrong one; the span's events say which happened.
        var sawProcessing = events.Contains("oxen.generation.processing") || mode != OxenGenerationMode.Sse;
        Assert.Equal(sawProcessing ? 1 : 0, HistogramCount(metrics, "oxen.video.generation.processing_time", model));
    }

    [Fact]
    public async Task A_failed_generation_is_an_error_span_and_counted_as_failed()
    {
        var model = "kling-telemetry-" + Guid.NewGuid().ToString("N")[..8];
        var spans = new List<Activity>();
        var metrics = new List<MetricSnapshot>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddSource("Oxen.Video").AddInMemoryExporter(spans).Build();
        using var metering = Sdk.CreateMeterProviderBuilder().AddMeter("Oxen.Video").AddInMemoryExporter(metrics).Build();
        await using var h = await Harness.StartAsync(hub: o => o.AddModel(model, TestRequest.KlingSchema));
        h.Hub.Faults.FailModel(model, "Insufficient credits");

        await Assert.ThrowsAsync<OxenGenerationFailedException>(() => h.Client.GenerateVideoAsync(new TestRequest(model, "a fox", 5)).Within());
        tracing.ForceFlush();
        metering.ForceFlush();

        var span = Assert.Single(spans, s => (string?)s.GetTagItem("gen_ai.request.model") == model);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("failed", span.GetTagItem("oxen.generation.status"));
        Assert.Equal("generation_failed", span.GetTagItem("error.type"));
        Assert.Equal(1, SumLong(metrics, "oxen.video.generations", model, ("oxen.generation.status", "failed")));
    }

    [Fact]
    public async Task A_sync_generation_records_its_processing_time_without_an_id()
    {
        var model = "kling-telemetry-" + Guid.NewGuid().ToString("N")[..8];
        var spans = new List<Activity>();
        var metrics = new List<MetricSnapshot>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddSource("Oxen.Video").AddInMemoryExporter(spans).Build();
        using var metering = Sdk.CreateMeterProviderBuilder().AddMeter("Oxen.Video").AddInMemoryExporter(metrics).Build();
        await using var h = await Harness.StartAsync(hub: o => o.AddModel(model, TestRequest.KlingSchema));

        await h.Client.GenerateVideoAsync(new TestRequest(model, "a fox", 5), OxenGenerationMode.Sync).Within();
        tracing.ForceFlush();
        metering.ForceFlush();

        var span = Assert.Single(spans, s => (string?)s.GetTagItem("gen_ai.request.model") == model);
        Assert.Equal("sync", span.GetTagItem("oxen.generation.mode"));
        Assert.Null(span.GetTagItem("oxen.generation.id"));
        Assert.Equal(["oxen.generation.processing", "oxen.generation.completed"], span.Events.Select(e => e.Name));
        Assert.Equal(1, HistogramCount(metrics, "oxen.video.generation.processing_time", model));
        Assert.Equal(0, HistogramCount(metrics, "oxen.video.generation.queued_time", model));
    }

    private static IEnumerable<MetricPoint> Points(List<MetricSnapshot> metrics, string name, string model, params (string Key, string Value)[] tags)
    {
        var latest = metrics.LastOrDefault(m => m.Name == name);
        if (latest is null)
        {
            yield break;
        }

        foreach (var point in latest.MetricPoints)
        {
            var values = new Dictionary<string, object?>();
            foreach (var tag in point.Tags)
            {
                values[tag.Key] = tag.Value;
            }

            if (Equals(values.GetValueOrDefault("gen_ai.request.model"), model) && tags.All(t => Equals(values.GetValueOrDefault(t.Key), t.Value)))
            {
                yield return point;
            }
        }
    }

    private static long SumLong(List<MetricSnapshot> metrics, string name, string model, params (string Key, string Value)[] tags) =>
        Points(metrics, name, model, tags).Sum(p => p.GetSumLong());

    private static double SumDouble(List<MetricSnapshot> metrics, string name, string model) =>
        Points(metrics, name, model).Sum(p => p.GetSumDouble());

    private static long HistogramCount(List<MetricSnapshot> metrics, string name, string model) =>
        Points(metrics, name, model).Sum(p => p.GetHistogramCount());
}
