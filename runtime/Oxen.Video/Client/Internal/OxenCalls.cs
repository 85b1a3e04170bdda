using System.Text;

namespace Oxen.Video;

/// <summary>Request building, one place per API call.</summary>
internal static class OxenCalls
{
    public static OxenCall SyncGenerate(OxenPipeline pipeline, byte[] body) =>
        new(HttpMethod.Post, pipeline.ApiUri("api/ai/videos/generate"), body, OxenRetryKind.CreatesWork, pipeline.Options.SyncTimeout, "POST /api/ai/videos/generate");

    public static OxenCall Enqueue(OxenPipeline pipeline, byte[] body) =>
        new(HttpMethod.Post, pipeline.ApiUri("api/ai/queue"), body, OxenRetryKind.CreatesWork, pipeline.Options.RequestTimeout, "POST /api/ai/queue");

    public static OxenCall GetGeneration(OxenPipeline pipeline, string id) =>
        new(HttpMethod.Get, pipeline.ApiUri("api/ai/queue/" + Uri.EscapeDataString(id)), null, OxenRetryKind.Idempotent, pipeline.Options.RequestTimeout, $"GET /api/ai/queue/{id}");

    public static OxenCall CancelGeneration(OxenPipeline pipeline, string id) =>
        new(HttpMethod.Delete, pipeline.ApiUri("api/ai/queue/" + Uri.EscapeDataString(id)), null, OxenRetryKind.Idempotent, pipeline.Options.RequestTimeout, $"DELETE /api/ai/queue/{id}");

    public static OxenCall ListGenerations(OxenPipeline pipeline, OxenGenerationStatus? status, string? model, string? mediaType)
    {
        var query = new StringBuilder("api/ai/queue");
        var separator = '?';
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(value));
                separator = '&';
            }
        }

        Add("status", status is { } s ? OxenGenerationStatusText.ToWire(s) : null);
        Add("model", model);
        Add("media_type", mediaType);
        return new(HttpMethod.Get, pipeline.ApiUri(query.ToString()), null, OxenRetryKind.Idempotent, pipeline.Options.RequestTimeout, "GET /api/ai/queue");
    }

    public static OxenCall GetGenerationRecord(OxenPipeline pipeline, string id) =>
        new(HttpMethod.Get, pipeline.ApiUri("api/ai/generations/" + Uri.EscapeDataString(id)), null, OxenRetryKind.Idempotent, pipeline.Options.RequestTimeout, $"GET /api/ai/generations/{id}");

    public static OxenCall GetModel(OxenPipeline pipeline, string id) =>
        new(HttpMethod.Get, pipeline.ApiUri("api/ai/models/" + Uri.EscapeDataString(id)), null, OxenRetryKind.Idempotent, pipeline.Options.RequestTimeout, $"GET /api/ai/models/{id}");

    public static OxenCall ListModels(OxenPipeline pipeline) =>
        new(HttpMethod.Get, pipeline.ApiUri("api/ai/models"), null, OxenRetryKind.Idempotent, pipeline.Options.RequestTimeout, "GET /api/ai/models");

    /// <summary>The event stream: not retried by the core (its loop reconnects); the timeout covers the headers only.</summary>
    public static OxenCall Events(OxenPipeline pipeline) =>
        new(HttpMethod.Get, pipeline.ApiUri("api/events"), null, OxenRetryKind.None, pipeline.Options.RequestTimeout, "GET /api/events", "text/event-stream");

    /// <summary>A result download; the description leaves out the query, which may hold a presigned signature.</summary>
    public static OxenCall Download(OxenPipeline pipeline, Uri url) =>
        new(HttpMethod.Get, url, null, OxenRetryKind.Idempotent, pipeline.Options.RequestTimeout, $"GET {url.GetLeftPart(UriPartial.Path)}", "*/*");
}
