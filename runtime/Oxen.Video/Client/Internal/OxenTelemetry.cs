using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Oxen.Video;

/// <summary>
/// The client's traces and metrics, both named <c>Oxen.Video</c> (only <c>System.Diagnostics</c>: nothing is
/// recorded unless a listener, e.g. OpenTelemetry's <c>AddSource("Oxen.Video")</c> / <c>AddMeter("Oxen.Video")</c>,
/// subscribes). Spans follow the OpenTelemetry GenAI conventions; Oxen's own facts carry an <c>oxen.</c> prefix.
/// </summary>
internal static class OxenTelemetry
{
    public const string Name = "Oxen.Video";

    /// <summary>The GenAI operation name: a video is generated content.</summary>
    public const string OperationName = "generate_content";

    public const string ProviderName = "oxen";

    public static readonly ActivitySource Source = new(Name, typeof(OxenTelemetry).Assembly.GetName().Version?.ToString(3));

    public static readonly Meter Meter = new(Name, typeof(OxenTelemetry).Assembly.GetName().Version?.ToString(3));

    public static readonly Counter<long> Generations = Meter.CreateCounter<long>(
        "oxen.video.generations", "{generation}", "Generations that ended, by model, mode and final status.");

    public static readonly Histogram<double> QueuedTime = Meter.CreateHistogram<double>(
        "oxen.video.generation.queued_time", "s", "Time a generation waited in the queue before a worker started it.");

    public static readonly Histogram<double> ProcessingTime = Meter.CreateHistogram<double>(
        "oxen.video.generation.processing_time", "s", "Time a generation was processed, from start to its end.");

    public static readonly Counter<double> Cost = Meter.CreateCounter<double>(
        "oxen.video.generation.cost", "USD", "The cost the hub charged for generations, by model.");

    /// <summary>Tag names.</summary>
    public static class Tags
    {
        public const string OperationName = "gen_ai.operation.name";
        public const string ProviderName = "gen_ai.provider.name";
        public const string RequestModel = "gen_ai.request.model";
        public const string ResponseModel = "gen_ai.response.model";
        public const string ServerAddress = "server.address";
        public const string ServerPort = "server.port";
        public const string ErrorType = "error.type";
        public const string GenerationId = "oxen.generation.id";
        public const string Mode = "oxen.generation.mode";
        public const string Status = "oxen.generation.status";
        public const string CostUsd = "oxen.generation.cost_usd";
        public const string EstimatedCostUsd = "oxen.generation.estimated_cost_usd";
    }

    /// <summary>Span event names.</summary>
    public static class Events
    {
        public const string Queued = "oxen.generation.queued";
        public const string Processing = "oxen.generation.processing";
        public const string Completed = "oxen.generation.completed";
    }

    public static string ModeName(OxenGenerationMode mode) => mode switch
    {
        OxenGenerationMode.Sync => "sync",
        OxenGenerationMode.Sse => "sse",
        _ => "queue",
    };

    public static string StatusName(OxenGenerationStatus status) => status switch
    {
        OxenGenerationStatus.Queued => "queued",
        OxenGenerationStatus.Processing => "processing",
        OxenGenerationStatus.Succeeded => "succeeded",
        OxenGenerationStatus.Failed => "failed",
        OxenGenerationStatus.Cancelled => "cancelled",
        _ => "unknown",
    };
}
