using System.Text.Json;
using Oxen.Video.Models;

namespace Oxen.Video.Batch;

/// <summary>
/// Turns a line's model and parameters into a request. Throw <see cref="BatchLineException"/> (or
/// <see cref="JsonException"/>) to reject the line; the message is shown at <c>file:line</c>.
/// </summary>
public delegate IOxenRequest BatchRequestFactory(BatchLine line);

/// <summary>The estimated price of one request in USD, or <see langword="null"/> when it is unknown.</summary>
public delegate decimal? BatchCostEstimator(IOxenRequest request);

/// <summary>A line the request factory cannot turn into a request.</summary>
public sealed class BatchLineException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="field">The field at fault, or <see langword="null"/> for the whole line.</param>
    /// <param name="message">What is wrong and what is allowed.</param>
    public BatchLineException(string? field, string message)
        : base(message) => Field = field;

    /// <summary>The field at fault, or <see langword="null"/> for the whole line.</summary>
    public string? Field { get; }
}

/// <summary>Request factories.</summary>
public static class BatchRequests
{
    /// <summary>An estimator that knows no price: every line is "unknown".</summary>
    public static BatchCostEstimator UnknownCost { get; } = static _ => null;

    /// <summary>
    /// Parses each line with the generated type of its model (<see cref="OxenModelInfo.ParseRequest(ReadOnlySpan{byte})"/>, e.g. from
    /// <c>OxenModels.All</c>); a model not among <paramref name="models"/> goes to <paramref name="otherModels"/>
    /// (a schema-driven request type, say), or is rejected naming the model.
    /// </summary>
    /// <param name="models">The models whose generated types parse the lines.</param>
    /// <param name="otherModels">The factory for a model not among <paramref name="models"/>, or null to reject it.</param>
    /// <param name="mediaBaseDirectory">
    /// The folder a media field's path is relative to (the jobs file's), so <c>"input_image": "cats/1.png"</c> is a
    /// local file the client sends; null reads every media field as a URL.
    /// </param>
    public static BatchRequestFactory FromModels(IEnumerable<OxenModelInfo> models, BatchRequestFactory? otherModels = null, string? mediaBaseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(models);
        var byId = new Dictionary<string, OxenModelInfo>(StringComparer.Ordinal);
        foreach (var model in models)
        {
            byId[model.Id] = model;
        }

        var parse = mediaBaseDirectory is null ? null : new OxenParseOptions { MediaBaseDirectory = mediaBaseDirectory };
        return line =>
        {
            if (byId.TryGetValue(line.Model, out var info))
            {
                return info.ParseRequest(line.Body.Span, parse);
            }

            if (otherModels is not null)
            {
                return otherModels(line);
            }

            var close = byId.Keys.FirstOrDefault(id => string.Equals(id, line.Model, StringComparison.OrdinalIgnoreCase));
            var hint = close is not null ? $" Did you mean '{close}'?" : $" {byId.Count} models are known (oxen models list).";
            throw new BatchLineException("model", $"unknown model '{line.Model}'.{hint}");
        };
    }
}
