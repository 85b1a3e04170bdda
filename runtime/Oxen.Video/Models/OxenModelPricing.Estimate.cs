using System.Globalization;
using System.Text.Json;

namespace Oxen.Video.Models;

/// <summary>The one cost rule, used by <see cref="OxenRequestExtensions.EstimateCost"/> and the hub emulator.</summary>
public sealed partial record OxenModelPricing
{
    /// <summary>The only pricing method understood: USD per second of output video.</summary>
    public const string PerVideoOutputSecond = "per_video_output_second";

    /// <summary>
    /// Estimates the cost of <paramref name="request"/> with this pricing (which may be another source's than
    /// <see cref="IOxenRequest.ModelInfo"/>, e.g. a schema read at run time). Local media are not read: pricing
    /// never depends on them.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="parameters">The schema's parameters, for defaults of what the request leaves out.</param>
    /// <param name="generations">How many generations.</param>
    /// <returns>The estimate, or <see langword="null"/> when the method, a rate or the duration is unknown.</returns>
    public OxenCostEstimate? Estimate(IOxenRequest request, IReadOnlyList<OxenParameterInfo>? parameters = null, int generations = 1)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var body = JsonDocument.Parse(OxenRequestBody.WriteForEstimate(request));
        return Estimate(body.RootElement, parameters, generations);
    }

    /// <summary>
    /// Estimates the cost of a request body: its <c>duration</c> (or <c>seconds</c>; numbers or strings such as
    /// <c>"5"</c> and <c>"5s"</c>) or the schema's default, the rate for its <c>resolution</c> when priced apart,
    /// the audio rate when <c>generate_audio</c> is (or defaults to) true, times <c>num_generations</c>.
    /// </summary>
    /// <param name="requestBody">The request body, <c>{"model": ..., ...}</c>.</param>
    /// <param name="parameters">The schema's parameters, for defaults of what the body leaves out.</param>
    /// <param name="generations">How many generations, when the body has no <c>num_generations</c>.</param>
    /// <returns>The estimate, or <see langword="null"/> when the method, a rate or the duration is unknown.</returns>
    public OxenCostEstimate? Estimate(JsonElement requestBody, IReadOnlyList<OxenParameterInfo>? parameters = null, int generations = 1)
    {
        if (Method is not null && !string.Equals(Method, PerVideoOutputSecond, StringComparison.Ordinal))
        {
            return null;
        }

        var (durationName, duration, durationIsDefault) = Find(requestBody, parameters, "duration", "seconds");
        if (duration is not { } durationValue || !TryReadSeconds(durationValue, out var seconds) || seconds <= 0)
        {
            return null;
        }

        var (_, audioValue, _) = Find(requestBody, parameters, "generate_audio");
        var withAudio = audioValue is { } a && (a.ValueKind == JsonValueKind.True
            || (a.ValueKind == JsonValueKind.String && bool.TryParse(a.GetString(), out var b) && b));
        var (_, resolutionValue, _) = Find(requestBody, parameters, "resolution");
        var resolution = resolutionValue is { ValueKind: JsonValueKind.String } r ? r.GetString() : null;

        decimal? rate = ToUsd(CostPerSecond);
        var why = "the base rate";
        string? pricedResolution = null;
        if (resolution is not null && CostPerSecondByResolution is { } byResolution && byResolution.TryGetValue(resolution, out var resolutionRate))
        {
            rate = ToUsd(resolutionRate);
            why = $"the {resolution} rate";
            pricedResolution = resolution;
        }

        if (withAudio && ToUsd(CostPerSecondWithAudio) is { } audioRate)
        {
            // A resolution's own rate gets the audio premium on top; otherwise the audio rate replaces the base.
            rate = pricedResolution is not null && ToUsd(CostPerSecond) is { } baseRate ? rate + (audioRate - baseRate) : audioRate;
            why = pricedResolution is null ? "the rate with audio" : $"{why} with the audio premium";
        }

        if (rate is not { } perSecond)
        {
            return null;
        }

        var count = requestBody.ValueKind == JsonValueKind.Object && requestBody.TryGetProperty("num_generations", out var n) && n.TryGetInt32(out var listed) && listed > 0
            ? listed
            : Math.Max(1, generations);
        var perGeneration = perSecond * seconds;
        var total = perGeneration * count;
        var durationSource = durationIsDefault ? $"{durationName}, the schema's default" : durationName;
        var reason = string.Create(
            CultureInfo.InvariantCulture,
            $"{seconds:0.###} s ({durationSource}) × ${perSecond:0.00##}/s ({why}) × {count} generation{(count == 1 ? string.Empty : "s")} = ${total:0.00##}");
        return new OxenCostEstimate(total, perGeneration, perSecond, seconds, count, reason)
        {
            WithAudio = withAudio && CostPerSecondWithAudio is not null,
            Resolution = pricedResolution,
        };
    }

    /// <summary>Reads seconds from <c>5</c>, <c>5.5</c>, <c>"5"</c> or <c>"5s"</c>; <c>"auto"</c> and the like are unknown.</summary>
    internal static bool TryReadSeconds(JsonElement value, out decimal seconds)
    {
        seconds = 0;
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                return value.TryGetDecimal(out seconds);
            case JsonValueKind.String:
                var text = value.GetString()!.Trim();
                if (text.EndsWith('s') || text.EndsWith('S'))
                {
                    text = text[..^1].TrimEnd();
                }

                return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out seconds);
            default:
                return false;
        }
    }

    private static decimal? ToUsd(double? value) =>
        value is { } v && double.IsFinite(v) && v >= 0 && v < 1_000_000 ? (decimal)v : null;

    private static (string Name, JsonElement? Value, bool IsDefault) Find(JsonElement body, IReadOnlyList<OxenParameterInfo>? parameters, params string[] names)
    {
        foreach (var name in names)
        {
            if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
            {
                return (name, value, false);
            }
        }

        foreach (var name in names)
        {
            var parameter = parameters?.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
            if (parameter?.DefaultJson is { } json)
            {
                try
                {
                    using var document = JsonDocument.Parse(json);
                    return (name, document.RootElement.Clone(), true);
                }
                catch (JsonException)
                {
                    // A default that is not JSON is no default.
                }
            }
        }

        return (names[0], null, false);
    }
}
