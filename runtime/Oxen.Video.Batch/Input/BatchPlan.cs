using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Oxen.Video.Batch;

/// <summary>
/// A batch file read and checked: every line is parsed into its request and validated before anything is sent.
/// When <see cref="Problems"/> is not empty the batch must not run (<see cref="OxenBatch"/> refuses it).
/// </summary>
public sealed class BatchPlan
{
    private BatchPlan(string file, BatchShard shard, int lineCount, IReadOnlyList<BatchLine> lines, IReadOnlyList<BatchProblem> problems, BatchRequestFactory factory)
    {
        Factory = factory;
        File = file;
        Shard = shard;
        LineCount = lineCount;
        Lines = lines;
        Problems = problems;
        foreach (var line in lines)
        {
            if (line.EstimatedCostUsd is { } cost)
            {
                KnownCostUsd += cost;
            }
            else
            {
                UnknownCostLines++;
            }
        }
    }

    /// <summary>The batch file, as given.</summary>
    public string File { get; }

    /// <summary>Makes a line's request again when it is sent.</summary>
    public BatchRequestFactory Factory { get; }

    /// <summary>The shard these lines are.</summary>
    public BatchShard Shard { get; }

    /// <summary>How many jobs the whole file holds (every shard).</summary>
    public int LineCount { get; }

    /// <summary>This shard's lines, in file order.</summary>
    public IReadOnlyList<BatchLine> Lines { get; }

    /// <summary>Every problem found in the whole file (all shards), in file order.</summary>
    public IReadOnlyList<BatchProblem> Problems { get; }

    /// <summary>Whether the file has no problem.</summary>
    public bool IsValid => Problems.Count == 0;

    /// <summary>The summed estimate of this shard's lines whose price is known, in USD.</summary>
    public decimal KnownCostUsd { get; }

    /// <summary>How many of this shard's lines have no known price.</summary>
    public int UnknownCostLines { get; }

    /// <summary>Reads and checks a batch file.</summary>
    /// <param name="path">The JSON Lines file.</param>
    /// <param name="factory">Makes each line's request (e.g. <see cref="BatchRequests.FromModels"/>).</param>
    /// <param name="shard">The part to run; every line of the file is checked whatever the shard.</param>
    /// <param name="estimator">Prices a request; by default every price is unknown.</param>
    public static BatchPlan Read(string path, BatchRequestFactory factory, BatchShard? shard = null, BatchCostEstimator? estimator = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Parse(reader, path, factory, shard, estimator);
    }

    /// <summary>Checks batch lines read from <paramref name="reader"/>; <paramref name="file"/> names them in problems.</summary>
    public static BatchPlan Parse(TextReader reader, string file, BatchRequestFactory factory, BatchShard? shard = null, BatchCostEstimator? estimator = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(factory);
        var part = shard ?? BatchShard.All;
        var price = estimator ?? BatchRequests.UnknownCost;
        var problems = new List<BatchProblem>();
        var lines = new List<BatchLine>();
        var keys = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var count = 0;
        var number = 0;
        while (reader.ReadLine() is { } text)
        {
            number++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            count++;
            var line = ReadLine(file, number, text, factory, price, keys, problems);
            if (line is not null && part.Contains(line.Key))
            {
                lines.Add(line);
            }
        }

        if (count == 0)
        {
            problems.Add(new BatchProblem(file, Math.Max(number, 1), null, "the file has no jobs (one JSON object a line: {\"model\": \"...\", ...parameters})"));
        }

        return new BatchPlan(file, part, count, lines, problems, factory);
    }

    private static BatchLine? ReadLine(
        string file, int number, string text, BatchRequestFactory factory, BatchCostEstimator price,
        Dictionary<string, int> keys, List<BatchProblem> problems)
    {
        void Problem(string? field, string message) => problems.Add(new BatchProblem(file, number, field, message));

        JsonObject json;
        try
        {
            // Duplicates are refused while parsing: a lazy JsonObject would throw ArgumentException later, outside this catch.
            var options = new JsonDocumentOptions { MaxDepth = 64, AllowDuplicateProperties = false };
            if (JsonNode.Parse(text, documentOptions: options) is not JsonObject obj)
            {
                Problem(null, "is not a JSON object; each line is {\"model\": \"...\", ...parameters}");
                return null;
            }

            json = obj;
        }
        catch (JsonException ex)
        {
            Problem(null, $"is not valid JSON: {TrimJsonMessage(ex.Message)}");
            return null;
        }

        if (json["model"] is not JsonValue modelValue || !modelValue.TryGetValue<string>(out var model) || string.IsNullOrWhiteSpace(model))
        {
            Problem("model", json.ContainsKey("model") ? $"must be a model id string, not {Describe(json["model"])}" : "is required (the model id, e.g. kling-video-v2-6-pro-text-to-video)");
            return null;
        }

        var key = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var keyIsValid = true;
        if (json.ContainsKey("key"))
        {
            if (json["key"] is JsonValue keyValue && keyValue.TryGetValue<string>(out var given))
            {
                key = given;
                if (BatchKey.Check(given) is { } why)
                {
                    Problem("key", $"'{Shorten(given)}' cannot name a file: it {why}");
                    keyIsValid = false;
                }
            }
            else
            {
                Problem("key", $"must be a string, not {Describe(json["key"])}");
                keyIsValid = false;
            }
        }

        if (keyIsValid && !keys.TryAdd(key, number))
        {
            Problem("key", $"'{key}' is already the key of line {keys[key]} (keys name files, so they must differ, ignoring case)");
            keyIsValid = false;
        }

        if (json.ContainsKey("num_generations"))
        {
            Problem("num_generations", "is not allowed in a batch: write one line per video, so each has its key and its place in the journal");
        }

        var parameters = (JsonObject)json.DeepClone();
        parameters.Remove("model");
        parameters.Remove("key");
        parameters.Remove("num_generations"); // Reported above; left out so the line's other problems still show.
        var line = new BatchLine(file, number, key, model, BatchLine.WriteBody(model, parameters));
        IOxenRequest request;
        try
        {
            request = factory(line);
        }
        catch (BatchLineException ex)
        {
            Problem(ex.Field, ex.Message);
            return null;
        }
        catch (JsonException ex)
        {
            Problem(JsonField(ex.Path), TrimJsonMessage(ex.Message));
            return null;
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or ArgumentException or OverflowException)
        {
            Problem(null, ex.Message);
            return null;
        }

        if (!string.Equals(request.ModelId, model, StringComparison.Ordinal))
        {
            Problem("model", $"the request factory made a request for '{request.ModelId}', not '{model}'");
            return null;
        }

        var result = request.Validate();
        foreach (var error in result.Errors)
        {
            Problem(error.Path, error.Message);
        }

        if (!result.IsValid || !keyIsValid)
        {
            return null;
        }

        line.EstimatedCostUsd = price(request);
        return line;
    }

    private static string? JsonField(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? null : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    private static string TrimJsonMessage(string message)
    {
        // System.Text.Json appends " Path: $.x | LineNumber: 0 | BytePositionInLine: 12."; the field is reported apart.
        var at = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (at < 0)
        {
            at = message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        }

        return at > 0 ? message[..at] : message;
    }

    private static string Describe(JsonNode? node) => node is null ? "null" : $"{node.GetValueKind().ToString().ToLowerInvariant()} {Shorten(node.ToJsonString())}";

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
