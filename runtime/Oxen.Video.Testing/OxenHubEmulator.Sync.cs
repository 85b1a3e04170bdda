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
        if ((Faults.TakeFailure(modelId, prompt) ?? ReadMediaInputs(model, body)) is { } failure)
        {
            await WriteJsonAsync(context, 422, ErrorBody("generation_failed", "Generation failed", failure)).ConfigureAwait(false);
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _shutdown.Token);
        await Task.Delay(_options.SyncDelay, Time, stop.Token).ConfigureAwait(false);
        var id = Guid.NewGuid().ToString();
        _files[id] = 0;
        Counters.SyncGenerated();
        if ((string?)body["response_format"] == "b64_json")
        {
            await WriteBase64AnswerAsync(context, modelId, stop.Token).ConfigureAwait(false);
            return;
        }

        var url = Faults.TakeResultUrl(id) ?? ResultUrl(id);
        await WriteJsonAsync(context, 200, new JsonObject
        {
            ["model"] = modelId,
            ["created"] = Now(),
            ["videos"] = new JsonArray(new JsonObject { ["url"] = url }),
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes <c>{"model", "created", "videos": [{"b64_json"}]}</c> with the base64 encoded slice by slice, so a
    /// large <see cref="OxenHubEmulatorOptions.Video"/> costs the emulator no string of its size.
    /// </summary>
    private async Task WriteBase64AnswerAsync(HttpContext context, string modelId, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        var head = new JsonObject { ["model"] = modelId, ["created"] = Now() }.ToJsonString();
        await context.Response.WriteAsync(head[..^1] + ",\"videos\":[{\"b64_json\":\"", cancellationToken).ConfigureAwait(false);
        var encoded = new byte[64 * 1024];
        const int SliceBytes = 48 * 1024; // A multiple of 3: no padding until the end.
        for (var offset = 0; offset < Video.Length; offset += SliceBytes)
        {
            var slice = Video.Slice(offset, Math.Min(SliceBytes, Video.Length - offset));
            System.Buffers.Text.Base64.EncodeToUtf8(slice.Span, encoded, out _, out var written);
            await context.Response.Body.WriteAsync(encoded.AsMemory(0, written), cancellationToken).ConfigureAwait(false);
        }

        await context.Response.WriteAsync("\"}]}", cancellationToken).ConfigureAwait(false);
    }
}
