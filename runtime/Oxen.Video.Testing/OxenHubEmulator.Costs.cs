using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Oxen.Video.Models;

namespace Oxen.Video.Testing;

/// <summary>
/// <c>GET /api/ai/generations/{id}</c>: the generation's record with the charged <c>cost</c> (a decimal string),
/// computed from the model object's <c>pricing</c> by the same rule as <see cref="OxenModelPricing.Estimate(System.Text.Json.JsonElement, IReadOnlyList{OxenParameterInfo}?, int)"/>.
/// </summary>
public sealed partial class OxenHubEmulator
{
    private Task GetGenerationRecordAsync(HttpContext context)
    {
        var id = RouteId(context);
        if (!_generations.TryGetValue(id, out var generation))
        {
            return WriteJsonAsync(context, 404, ErrorBody("resource_not_found", "Resource not found", $"Generation not found: {id}"));
        }

        var status = GetStatus(id);
        var record = new JsonObject
        {
            ["id"] = id,
            ["generation_id"] = id,
            ["model"] = generation.Model,
            ["status"] = status,
        };
        if (_options.ReportChargedCost && ChargedCost(generation, status) is { } cost)
        {
            record["cost"] = cost.ToString("0.000000", CultureInfo.InvariantCulture);
        }

        return WriteJsonAsync(context, 200, record);
    }

    /// <summary>What the generation is charged: nothing until it succeeds, then its price (null when unpriced).</summary>
    private decimal? ChargedCost(EmulatedGeneration generation, string? status)
    {
        if (status != "succeeded")
        {
            return status is "failed" or "cancelled" ? 0m : null;
        }

        if (_options.ChargedCost is { } custom)
        {
            return custom(generation.Model, (JsonObject)generation.Parameters.DeepClone());
        }

        return _models.TryGetValue(generation.Model, out var model) ? EstimateCost(model, generation.Parameters)?.PerGenerationUsd : null;
    }

    /// <summary>The price of one generation of <paramref name="model"/> with these parameters, or null when unpriced.</summary>
    internal static OxenCostEstimate? EstimateCost(EmulatorModel model, JsonObject parameters)
    {
        if (model.Json["pricing"] is not JsonObject pricing)
        {
            return null;
        }

        var byResolution = pricing["cost_per_second_by_resolution"] is JsonObject table
            ? table.Where(p => p.Value is JsonValue).ToDictionary(p => p.Key, p => (double)p.Value!)
            : null;
        var rule = new OxenModelPricing(
            (string?)pricing["method"],
            (double?)pricing["cost_per_second"],
            (double?)pricing["cost_per_second_with_audio"],
            byResolution);
        var defaults = new List<OxenParameterInfo>();
        if (model.Json["request_schema"] is JsonObject { } schema && schema["properties"] is JsonObject properties)
        {
            foreach (var (name, property) in properties)
            {
                if (property is JsonObject p && p["default"] is { } value)
                {
                    defaults.Add(new OxenParameterInfo(name, name, OxenValueKind.Any, false, null, value.ToJsonString(), []));
                }
            }
        }

        using var body = JsonDocument.Parse(parameters.ToJsonString());
        return rule.Estimate(body.RootElement, defaults);
    }
}
