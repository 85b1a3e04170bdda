using System.Globalization;
using Oxen.Video;
using Oxen.Video.Models;

namespace Oxen.Cli.Cli;

/// <summary>The estimate printed before sending, and <c>--max-cost</c>: refused (exit 2, nothing sent) above it or when unknown.</summary>
internal static class CostGuard
{
    /// <summary>The estimate: the runtime's <c>request.EstimateCost()</c>, from the pricing of the model's file.</summary>
    internal static Func<OxenModelInfo, IOxenRequest, OxenCostEstimate?> Estimate { get; set; } = static (_, request) => request.EstimateCost();

    public static async Task CheckAsync(OxenModelInfo model, IOxenRequest request, decimal? maxCost, bool allowUnknown, TextWriter status)
    {
        var found = Estimate(model, request);
        var estimate = found?.TotalUsd;
        await status.WriteLineAsync(found is not null
            ? $"Estimated cost: {Usd(found.TotalUsd)} ({found.Reason})."
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
}
