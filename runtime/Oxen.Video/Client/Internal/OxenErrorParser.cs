using System.Text.Json;

namespace Oxen.Video;

/// <summary>
/// Reads the API's error bodies: <c>{"error":{"type","title","detail"},"status_message":...}</c>,
/// <c>{"error":{"message":...}}</c>, <c>{"status":"error","status_message":...}</c> and anything else by excerpt.
/// </summary>
internal static class OxenErrorParser
{
    public static OxenApiException Parse(int statusCode, string? reasonPhrase, string? body, TimeSpan? retryAfter, string requestDescription, string? apiKey)
    {
        body = Redact(body ?? string.Empty, apiKey);
        string? type = null;
        string? message = null;
        var trimmed = body.AsSpan().TrimStart();
        if (trimmed.Length > 0 && trimmed[0] == '{')
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                (type, message) = Read(document.RootElement);
            }
            catch (JsonException)
            {
                // Not JSON after all: the excerpt tells what came back.
            }
        }

        if (message is null && type is null && body.Length == 0 && !string.IsNullOrEmpty(reasonPhrase))
        {
            message = reasonPhrase;
        }

        return new OxenApiException(
            statusCode,
            type,
            message is null ? null : Redact(message, apiKey),
            body.Length == 0 ? null : body,
            retryAfter,
            requestDescription);
    }

    internal static string Redact(string text, string? apiKey) =>
        string.IsNullOrEmpty(apiKey) || !text.Contains(apiKey, StringComparison.Ordinal)
            ? text
            : text.Replace(apiKey, "***", StringComparison.Ordinal);

    private static (string? Type, string? Message) Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, null);
        }

        string? type = null;
        string? message = null;
        if (root.TryGetProperty("error", out var error))
        {
            if (error.ValueKind == JsonValueKind.Object)
            {
                type = GetString(error, "type") ?? GetString(error, "code");
                var title = GetString(error, "title");
                var detail = GetString(error, "detail");
                message = GetString(error, "message")
                    ?? (title is not null && detail is not null && !detail.Contains(title, StringComparison.OrdinalIgnoreCase)
                        ? $"{title}: {detail}"
                        : detail ?? title);
            }
            else if (error.ValueKind == JsonValueKind.String)
            {
                message = error.GetString();
            }
        }

        var statusMessage = GetString(root, "status_message");
        type ??= statusMessage;
        message ??= GetString(root, "message") ?? GetString(root, "detail") ?? statusMessage;
        return (type, message);
    }

    private static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
