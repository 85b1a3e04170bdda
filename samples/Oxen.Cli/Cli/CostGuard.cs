using System.Globalization;
using System.Text.Json;
using Oxen.Video;
using Oxen.Video.Models;

namespace Oxen.Cli.Cli;

/// <summary>The estimate printed before sending, and <c>--max-cost</c>: refused (exit 2, nothing sent) above it or when unknown.</summary>
internal static class CostGuard
{
    /// <summary>
    /// The seam for the estimate. TODO(runtime issue, OxenClient cost API): use the runtime's
    /// <c>request.EstimateCost()</c> once it is on main; until then, the cached pricing times the duration.
    /// </summary>
    internal static Func<OxenModelInfo, IOxenRequest, decimal?> Estimate { get; set; } = EstimateFromPricing;

    public static async Task CheckAsync(OxenModelInfo model, IOxenRequest request, decimal? maxCost, bool allowUnknown, TextWriter status)
    {
        var estimate = Estimate(model, request);
        await status.WriteLineAsync(estimate is { } usd
            ? $"Estimated cost: {Usd(usd)}."
            : $"Estimated cost: unknown (no price for {model.Id}).").ConfigureAwait(false);
        if (maxCost is not { } limit)
        {
            return;
        }

        if (estimate is null && !allowUnknown)
        {
            throw new UsageException($"--max-cost {Usd(limit)}: the price of {model.Id} is unknown, so nothing was sent (add --allow-unknown-cost to send anyway).");
        }

        if (estimate > limit)
        {
            throw new UsageException($"The estimated cost {Usd(estimate.Value)} is above --max-cost {Usd(limit)}; nothing was sent.");
        }
    }

    public static string Usd(decimal usd) => "$" + usd.ToString("0.00##", CultureInfo.InvariantCulture);

    private static decimal? EstimateFromPricing(OxenModelInfo model, IOxenRequest request)
    {
        if (model.Pricing is not { } pricing)
        {
            return null;
        }

        using var body = JsonDocument.Parse(request.ToJson());
        var json = body.RootElement;
        var seconds = Seconds(json, "duration") ?? Seconds(json, "seconds")
            ?? model.Parameters.Where(p => p.Name is "duration" or "seconds" && p.DefaultJson is not null).Select(p => Seconds(JsonDocument.Parse(p.DefaultJson!).RootElement, null)).FirstOrDefault();
        var resolution = json.TryGetProperty("resolution", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
        var audio = json.TryGetProperty("generate_audio", out var a) && a.ValueKind == JsonValueKind.True;
        var perSecond = resolution is not null && pricing.CostPerSecondByResolution?.GetValueOrDefault(resolution) is { } byResolution ? byResolution
            : audio && pricing.CostPerSecondWithAudio is { } withAudio ? withAudio
            : pricing.CostPerSecond;
        return seconds is { } s && perSecond is { } price ? (decimal)(s * price) : null;
    }

    private static double? Seconds(JsonElement json, string? name)
    {
        var value = json;
        if (name is not null && !json.TryGetProperty(name, out value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.String when double.TryParse(value.GetString()!.TrimEnd('s'), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) => s,
            _ => null,
        };
    }
}
