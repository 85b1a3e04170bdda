using System.Text;

namespace Oxen.Video;

/// <summary>Request building, one place per operation.</summary>
public sealed partial class OxenClient
{
    private OxenCall SyncGenerateCall(byte[] body) =>
        new(HttpMethod.Post, ApiUri("api/ai/videos/generate"), body, OxenRetryKind.CreatesWork, _options.SyncTimeout, "POST /api/ai/videos/generate");

    private OxenCall EnqueueCall(byte[] body) =>
        new(HttpMethod.Post, ApiUri("api/ai/queue"), body, OxenRetryKind.CreatesWork, _options.RequestTimeout, "POST /api/ai/queue");

    private OxenCall GetGenerationCall(string id) =>
        new(HttpMethod.Get, ApiUri("api/ai/queue/" + Uri.EscapeDataString(id)), null, OxenRetryKind.Idempotent, _options.RequestTimeout, $"GET /api/ai/queue/{id}");

    private OxenCall CancelGenerationCall(string id) =>
        new(HttpMethod.Delete, ApiUri("api/ai/queue/" + Uri.EscapeDataString(id)), null, OxenRetryKind.Idempotent, _options.RequestTimeout, $"DELETE /api/ai/queue/{id}");

    private OxenCall ListGenerationsCall(OxenGenerationStatus? status, string? model, string? mediaType)
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
        return new(HttpMethod.Get, ApiUri(query.ToString()), null, OxenRetryKind.Idempotent, _options.RequestTimeout, "GET /api/ai/queue");
    }

    private OxenCall GetModelCall(string id) =>
        new(HttpMethod.Get, ApiUri("api/ai/models/" + Uri.EscapeDataString(id)), null, OxenRetryKind.Idempotent, _options.RequestTimeout, $"GET /api/ai/models/{id}");

    private OxenCall ListModelsCall() =>
        new(HttpMethod.Get, ApiUri("api/ai/models"), null, OxenRetryKind.Idempotent, _options.RequestTimeout, "GET /api/ai/models");

    /// <summary>The event stream: not retried by the core (its loop reconnects); the timeout covers the headers only.</summary>
    internal OxenCall EventsCall() =>
        new(HttpMethod.Get, ApiUri("api/events"), null, OxenRetryKind.None, _options.RequestTimeout, "GET /api/events", "text/event-stream");

    /// <summary>A result download; the description leaves out the query, which may hold a presigned signature.</summary>
    internal OxenCall DownloadCall(Uri url) =>
        new(HttpMethod.Get, url, null, OxenRetryKind.Idempotent, _options.RequestTimeout, $"GET {url.GetLeftPart(UriPartial.Path)}", "*/*");
}
