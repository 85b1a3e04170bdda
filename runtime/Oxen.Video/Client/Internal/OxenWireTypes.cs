using System.Text.Json.Serialization;

namespace Oxen.Video;

/// <summary>One generation as <c>GET /api/ai/queue/{id}</c>, the queue list and the enqueue answer give it.</summary>
internal sealed class GenerationWire
{
    public string? GenerationId { get; set; }

    public string? Id { get; set; }

    public string? ModelName { get; set; }

    public string? Model { get; set; }

    public string? Prompt { get; set; }

    public string? MediaType { get; set; }

    public string? Status { get; set; }

    public string? ResultUrl { get; set; }

    public string? ErrorMessage { get; set; }

    [JsonConverter(typeof(OxenUnixTimeConverter))]
    public DateTimeOffset? EnqueuedAt { get; set; }

    [JsonConverter(typeof(OxenUnixTimeConverter))]
    public DateTimeOffset? StartedAt { get; set; }

    [JsonConverter(typeof(OxenUnixTimeConverter))]
    public DateTimeOffset? CompletedAt { get; set; }
}

/// <summary>The data of a <c>media_generation_completed</c> event (names differ from the queue GET).</summary>
internal sealed class CompletedEventWire
{
    public string? GenerationId { get; set; }

    public string? Status { get; set; }

    public string? MediaType { get; set; }

    public string? Model { get; set; }

    public string? Url { get; set; }

    public string? Error { get; set; }
}

/// <summary>The answer of <c>POST /api/ai/videos/generate</c>.</summary>
internal sealed class SyncResponseWire
{
    public string? Model { get; set; }

    public double? Created { get; set; }

    public List<VideoItemWire>? Videos { get; set; }
}

/// <summary>One item of <c>videos</c>.</summary>
internal sealed class VideoItemWire
{
    public string? Url { get; set; }

    public string? B64Json { get; set; }
}

/// <summary>The basics of a model object (<c>name</c> is the id on <c>/api/evaluations/models</c>).</summary>
internal sealed class ModelWire
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? DisplayName { get; set; }

    public string? Description { get; set; }

    public string? Endpoint { get; set; }

    public string? ModelType { get; set; }
}
