using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Oxen.Video.Testing;

/// <summary><c>GET /api/ai/models</c> and <c>GET /api/ai/models/{id}</c>.</summary>
public sealed partial class OxenHubEmulator
{
    private Task ListModelsAsync(HttpContext context)
    {
        var data = new JsonArray();
        foreach (var model in _models.Values.OrderBy(m => m.Id, StringComparer.Ordinal))
        {
            data.Add(model.Json.DeepClone());
        }

        return WriteJsonAsync(context, 200, new JsonObject { ["object"] = "list", ["data"] = data });
    }

    private Task GetModelAsync(HttpContext context)
    {
        var id = RouteId(context);
        return _models.TryGetValue(id, out var model)
            ? WriteJsonAsync(context, 200, model.Json.DeepClone())
            : WriteJsonAsync(context, 404, MessageBody($"Model not found: {id}"));
    }

    private static JsonObject WithoutPlatformParameters(JsonObject body)
    {
        var parameters = new JsonObject();
        foreach (var (name, value) in body)
        {
            if (name is not ("model" or "num_generations" or "response_format" or "target_namespace"))
            {
                parameters[name] = value?.DeepClone();
            }
        }

        return parameters;
    }
}
