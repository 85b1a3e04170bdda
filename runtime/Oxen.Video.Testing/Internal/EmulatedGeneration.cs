using System.Text.Json.Nodes;

namespace Oxen.Video.Testing;

/// <summary>One queued generation inside the emulator.</summary>
internal sealed class EmulatedGeneration(string id, string model, JsonObject parameters, long enqueuedAt)
{
    private static readonly HashSet<string> NotEchoed = new(StringComparer.Ordinal)
    {
        "model", "generation_id", "model_name", "media_type", "status", "result_url", "error_message",
        "enqueued_at", "started_at", "completed_at", "num_generations",
    };

    public object Gate { get; } = new();

    public string Id { get; } = id;

    public string Model { get; } = model;

    /// <summary>The request body less <c>model</c> and <c>num_generations</c>.</summary>
    public JsonObject Parameters { get; } = parameters;

    public string? Prompt => Parameters["prompt"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public string Status { get; set; } = "queued";

    public string? ResultUrl { get; set; }

    public string? ErrorMessage { get; set; }

    public long EnqueuedAt { get; } = enqueuedAt;

    public long? StartedAt { get; set; }

    public long? CompletedAt { get; set; }

    public CancellationTokenSource Cancellation { get; } = new();

    public bool IsActive => Status is "queued" or "processing";

    /// <summary>The flat object of <c>GET /api/ai/queue/{id}</c>, request parameters echoed.</summary>
    public JsonObject ToJson()
    {
        lock (Gate)
        {
            var json = new JsonObject
            {
                ["generation_id"] = Id,
                ["model_name"] = Model,
                ["prompt"] = Prompt,
                ["media_type"] = "video",
                ["status"] = Status,
                ["result_url"] = ResultUrl,
                ["error_message"] = ErrorMessage,
                ["enqueued_at"] = EnqueuedAt,
                ["started_at"] = StartedAt,
                ["completed_at"] = CompletedAt,
            };
            foreach (var (name, value) in Parameters)
            {
                if (!NotEchoed.Contains(name) && name != "prompt")
                {
                    json[name] = value?.DeepClone();
                }
            }

            return json;
        }
    }
}
