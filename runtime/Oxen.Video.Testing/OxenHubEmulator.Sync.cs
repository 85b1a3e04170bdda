using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Oxen.Video.Testing;

/// <summary><c>POST /api/ai/videos/generate</c>: validate, block, answer a URL or base64.</summary>
public sealed partial class OxenHubEmulator
{
    private async Task GenerateSyncAsync(HttpContext context)
    {
        if (await ReadGenerationBodyAsync(context).ConfigureAwait(false) is not var (body, modelId, model))
        {
            return;
        }

        var problems = await model.ValidateAsync(WithoutPlatformParameters(body)).ConfigureAwait(false);
        if (problems.Count > 0)
        {
            await WriteJsonAsync(context, 400, ErrorBody("invalid_params", "Invalid parameters", string.Join("; ", problems))).ConfigureAwait(false);
            return;
        }

        var prompt = body["prompt"] is JsonValue p && p.TryGetValue<string>(out var text) ? text : null;
        if (Faults.TakeFailure(modelId, prompt) is { } failure)
        {
            await WriteJsonAsync(context, 422, ErrorBody("generation_failed", "Generation failed", failure)).ConfigureAwait(false);
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _shutdown.Token);
        await Task.Delay(_options.SyncDelay, stop.Token).ConfigureAwait(false);
        var id = Guid.NewGuid().ToString();
        _files[id] = 0;
        Counters.SyncGenerated();
        var item = (string?)body["response_format"] == "b64_json"
            ? new JsonObject { ["b64_json"] = Convert.ToBase64String(Video.Span) }
            : new JsonObject { ["url"] = ResultUrl(id) };
        await WriteJsonAsync(context, 200, new JsonObject
        {
            ["model"] = modelId,
            ["created"] = Now(),
            ["videos"] = new JsonArray(item),
        }).ConfigureAwait(false);
    }
}
