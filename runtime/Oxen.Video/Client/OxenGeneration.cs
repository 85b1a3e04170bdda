using System.Text.Json;

namespace Oxen.Video;

/// <summary>A snapshot of one queued generation, as <c>GET /api/ai/queue/{id}</c> returns it.</summary>
public sealed class OxenGeneration
{
    /// <summary>The generation id.</summary>
    public required string GenerationId { get; init; }

    /// <summary>The model (<c>model_name</c>).</summary>
    public string? ModelName { get; init; }

    /// <summary>The prompt, when echoed.</summary>
    public string? Prompt { get; init; }

    /// <summary>The media type, e.g. <c>video</c>.</summary>
    public string? MediaType { get; init; }

    /// <summary>The status.</summary>
    public OxenGenerationStatus Status { get; init; }

    /// <summary>The status as the API wrote it.</summary>
    public string? StatusText { get; init; }

    /// <summary>
    /// The result's temporary URL once it succeeded (<c>result_url</c>), a relative one resolved against the API's
    /// base address. Only an http(s) URL is ever downloaded.
    /// </summary>
    public Uri? ResultUrl { get; init; }

    /// <summary>Why it failed (<c>error_message</c>).</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>When it was enqueued.</summary>
    public DateTimeOffset? EnqueuedAt { get; init; }

    /// <summary>When a worker started it.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>The whole object as received, request parameters included.</summary>
    public JsonElement Json { get; init; }

    /// <summary>Whether it has ended (succeeded, failed or cancelled).</summary>
    public bool HasCompleted => OxenGenerationStatusText.IsTerminal(Status);

    /// <inheritdoc />
    public override string ToString() => $"{GenerationId} ({ModelName}): {StatusText ?? Status.ToString()}";

    internal static OxenGeneration FromJson(JsonElement element, Uri baseAddress, string? fallbackId = null)
    {
        var wire = element.ValueKind == JsonValueKind.Object
            ? element.Deserialize(OxenJsonContext.Default.GenerationWire)
            : null;
        var id = wire?.GenerationId ?? wire?.Id ?? fallbackId
            ?? throw new OxenApiException(200, "invalid_response", "The generation object has no generation_id.", Excerpt(element), null);
        return new OxenGeneration
        {
            GenerationId = id,
            ModelName = wire?.ModelName ?? wire?.Model,
            Prompt = wire?.Prompt,
            MediaType = wire?.MediaType,
            Status = OxenGenerationStatusText.Parse(wire?.Status),
            StatusText = wire?.Status,
            ResultUrl = OxenResultUrl.Parse(wire?.ResultUrl, baseAddress),
            ErrorMessage = wire?.ErrorMessage,
            EnqueuedAt = wire?.EnqueuedAt,
            StartedAt = wire?.StartedAt,
            CompletedAt = wire?.CompletedAt,
            Json = element.Clone(),
        };
    }

    private static string Excerpt(JsonElement element) => OxenApiException.Shorten(element.GetRawText());
}
