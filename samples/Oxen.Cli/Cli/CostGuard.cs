using System.Globalization;
using System.Text.Json;
using Oxen.Video;
using Oxen.Video.Models;

namespace Oxen.Cli.Cli;

/// <summary>The estimate printed before sending, and <c>--max-cost</c>: refused (exit 2, nothing sent) above it or when unknown.</summary>
internal static class CostGuard
{
    /// <summary>
    /// The estimate: the runtime's rule (<see cref="OxenModelPricing.Estimate(IOxenRequest, IReadOnlyList{OxenParameterInfo}?, int)"/>, what <c>request.EstimateCost()</c>
    /// uses) applied with the pricing of the model this command resolved, compiled in or read at run time.
    /// </summary>
    internal static Func<OxenModelInfo, IOxenRequest, OxenCostEstimate?> Estimate { get; set; } = static (model, request) =>
    {
        if (model.Pricing is not { } pricing)
        {
            return null;
        }

        return pricing.Estimate(request, model.Parameters);
    };

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
