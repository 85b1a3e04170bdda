using System.Text.Json;

namespace Oxen.Video;

/// <summary>Model look-ups.</summary>
public sealed partial class OxenClient
{
    /// <summary>Fetches one model object (<c>GET /api/ai/models/{id}</c>), schema included.</summary>
    /// <exception cref="OxenApiException">Unknown model (404, <c>Model not found</c>) or another API error.</exception>
    public async Task<OxenModel> GetModelAsync(string modelId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        using var document = await _pipeline.SendJsonAsync(OxenCalls.GetModel(_pipeline, modelId), cancellationToken).ConfigureAwait(false);
        return OxenModel.FromJson(document.RootElement);
    }

    /// <summary>Lists the models (<c>GET /api/ai/models</c>); see <see cref="OxenModel.IsVideoModel"/> to keep video ones.</summary>
    public async Task<IReadOnlyList<OxenModel>> ListModelsAsync(CancellationToken cancellationToken = default)
    {
        using var document = await _pipeline.SendJsonAsync(OxenCalls.ListModels(_pipeline), cancellationToken).ConfigureAwait(false);
        var root = document.RootElement;
        var array = root.ValueKind == JsonValueKind.Array ? root
            : root.ValueKind == JsonValueKind.Object && root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array ? data
            : root.ValueKind == JsonValueKind.Object && root.TryGetProperty("models", out var models) && models.ValueKind == JsonValueKind.Array ? models
            : default;
        var list = new List<OxenModel>();
        if (array.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in array.EnumerateArray())
            {
                list.Add(OxenModel.FromJson(item));
            }
        }

        return list;
    }
}
