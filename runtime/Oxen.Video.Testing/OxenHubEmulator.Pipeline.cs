using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Oxen.Video.Testing;

/// <summary>The two origins' middleware (counting, faults, auth) and routes.</summary>
public sealed partial class OxenHubEmulator
{
    private void ConfigureApi(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var method = context.Request.Method;
            var path = context.Request.Path.Value ?? "/";
            Counters.CountRequest(method, path, api: true);
            if (Faults.TakeResponse(method, path) is { } fault)
            {
                await WriteFaultAsync(context, fault).ConfigureAwait(false);
                return;
            }

            if (_options.ApiKey is { } key && !string.Equals(context.Request.Headers.Authorization.ToString(), "Bearer " + key, StringComparison.Ordinal))
            {
                await WriteJsonAsync(context, 401, new JsonObject { ["status"] = "error", ["status_message"] = "unauthenticated" }).ConfigureAwait(false);
                return;
            }

            await next(context).ConfigureAwait(false);
        });

        app.MapGet("/api/ai/models", ListModelsAsync);
        app.MapGet("/api/ai/models/{id}", GetModelAsync);
        app.MapPost("/api/ai/videos/generate", GenerateSyncAsync);
        app.MapPost("/api/ai/queue", EnqueueAsync);
        app.MapGet("/api/ai/queue", ListGenerationsAsync);
        app.MapGet("/api/ai/queue/{id}", GetGenerationAsync);
        app.MapDelete("/api/ai/queue/{id}", CancelGenerationAsync);
        app.MapGet("/api/ai/generations/{id}", GetGenerationRecordAsync);
        app.MapGet("/api/events", StreamEventsAsync);
        app.MapGet("/api/ai/results/{id}.mp4", RedirectToFile);
        MapRepositoryRoutes(app);

        // Result files on the API origin too, for result URLs the hub gives relative (/files/{id}.mp4).
        app.MapGet("/files/{id}.mp4", ServeFileAsync);
    }

    private void ConfigureDownloads(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var method = context.Request.Method;
            var path = context.Request.Path.Value ?? "/";
            Counters.CountRequest(method, path, api: false);
            if (context.Request.Headers.ContainsKey("Authorization"))
            {
                Counters.DownloadAuthorizationSeen();
            }

            if (Faults.TakeResponse(method, path) is { } fault)
            {
                await WriteFaultAsync(context, fault).ConfigureAwait(false);
                return;
            }

            await next(context).ConfigureAwait(false);
        });

        app.MapGet("/files/{id}.mp4", ServeFileAsync);
    }

    private static async Task WriteFaultAsync(HttpContext context, InjectedResponse fault)
    {
        if (fault.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        if (fault.Html)
        {
            context.Response.StatusCode = fault.StatusCode;
            context.Response.ContentType = "text/html";
            var title = $"{fault.StatusCode} Service Temporarily Unavailable";
            await context.Response.WriteAsync(
                $"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
                context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var (type, text) = fault.StatusCode switch
        {
            429 => ("rate_limited", "Rate limit exceeded"),
            404 => ("resource_not_found", "Not found"),
            409 => ("resource_already_exists", "Conflict"),
            413 => ("payload_too_large", "Payload too large"),
            405 => ("method_not_allowed", "Method not allowed"),
            < 500 => ("bad_request", "Bad request"),
            _ => ("internal_error", "Internal server error"),
        };
        await WriteJsonAsync(context, fault.StatusCode, ErrorBody(type, text, text)).ConfigureAwait(false);
    }

    private static Task WriteJsonAsync(HttpContext context, int statusCode, JsonNode body)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    /// <summary>The first error shape: <c>{"error":{"type","title","detail"},"status":"error","status_message":type}</c>.</summary>
    private static JsonObject ErrorBody(string type, string title, string detail) => new()
    {
        ["error"] = new JsonObject { ["type"] = type, ["title"] = title, ["detail"] = detail },
        ["status"] = "error",
        ["status_message"] = type,
    };

    /// <summary>The second error shape: <c>{"error":{"message":...}}</c>.</summary>
    private static JsonObject MessageBody(string message) => new()
    {
        ["error"] = new JsonObject { ["message"] = message },
    };

    private static string RouteId(HttpContext context) => (string?)context.GetRouteValue("id") ?? string.Empty;

    /// <summary>
    /// Reads a generation body (sync or queue) and finds its model; answers 400 or 404 the way Oxen does and
    /// returns null when the body or the model is bad.
    /// </summary>
    private async Task<(JsonObject Body, string ModelId, EmulatorModel Model)?> ReadGenerationBodyAsync(HttpContext context)
    {
        // A JSON endpoint takes JSON only: a "simple" cross-origin form post (text/plain) from a web page must not
        // enqueue a generation.
        if (!IsJsonContentType(context.Request.ContentType))
        {
            await WriteUnsupportedMediaTypeAsync(context, "application/json").ConfigureAwait(false);
            return null;
        }

        var (body, problem) = await ReadBodyAsync(context).ConfigureAwait(false);
        if (body is null)
        {
            var invalid = ErrorBody("invalid_params", "Invalid request body", problem ?? "The body must be a JSON object.");
            await WriteJsonAsync(context, 400, invalid).ConfigureAwait(false);
            return null;
        }

        if (body["model"] is not JsonValue modelValue || !modelValue.TryGetValue<string>(out var modelId))
        {
            await WriteJsonAsync(context, 400, ErrorBody("invalid_params", "Invalid parameters", "model: is required.")).ConfigureAwait(false);
            return null;
        }

        if (!_models.TryGetValue(modelId, out var model))
        {
            await WriteJsonAsync(context, 404, MessageBody($"Model not found: {modelId}")).ConfigureAwait(false);
            return null;
        }

        return (body, modelId, model);
    }

    /// <summary>
    /// Reads a JSON object body; a repeated property is refused here, while the parse errors are handled (a lazy
    /// node would throw on it later, as an empty 500).
    /// </summary>
    private static async Task<(JsonObject? Body, string? Problem)> ReadBodyAsync(HttpContext context)
    {
        try
        {
            var options = new System.Text.Json.JsonDocumentOptions { AllowDuplicateProperties = false };
            var node = await JsonNode
                .ParseAsync(context.Request.Body, documentOptions: options, cancellationToken: context.RequestAborted)
                .ConfigureAwait(false);
            return (node as JsonObject, null);
        }
        catch (System.Text.Json.JsonException ex)
        {
            return (null, $"The body is not valid JSON: {ex.Message}");
        }
    }
}
