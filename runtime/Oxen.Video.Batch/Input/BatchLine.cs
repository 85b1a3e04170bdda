using System.Text.Json;
using System.Text.Json.Nodes;

namespace Oxen.Video.Batch;

/// <summary>One line of a batch file: a model, its parameters and the key that names its output.</summary>
/// <remarks>
/// Only the request body is kept (a few hundred bytes), not a parsed request: ten thousand lines stay small, and
/// the request is made again from <see cref="Body"/> when the line is sent.
/// </remarks>
public sealed class BatchLine
{
    /// <summary>Creates a line.</summary>
    /// <param name="file">The batch file, as given (named in problems).</param>
    /// <param name="lineNumber">The 1-based line number in <paramref name="file"/>.</param>
    /// <param name="key">The output's name: the user's <c>key</c>, else the line number.</param>
    /// <param name="model">The model id.</param>
    /// <param name="body">The request body as UTF-8 JSON: <c>{"model": ..., ...parameters}</c>, without <c>key</c>.</param>
    public BatchLine(string file, int lineNumber, string key, string model, ReadOnlyMemory<byte> body)
    {
        File = file;
        LineNumber = lineNumber;
        Key = key;
        Model = model;
        Body = body;
    }

    /// <summary>The batch file, as given.</summary>
    public string File { get; }

    /// <summary>The 1-based line number.</summary>
    public int LineNumber { get; }

    /// <summary>The output's name (<c>&lt;key&gt;.mp4</c>): the user's <c>key</c>, else the line number.</summary>
    public string Key { get; }

    /// <summary>The model id.</summary>
    public string Model { get; }

    /// <summary>The request body as UTF-8 JSON: <c>{"model": ..., ...parameters}</c>, without <c>key</c>.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The estimated price in USD, or <see langword="null"/> when unknown.</summary>
    public decimal? EstimatedCostUsd { get; internal set; }

    /// <summary>The parameters (the body less <c>model</c>), parsed on each call.</summary>
    public JsonObject ReadParameters()
    {
        var node = JsonNode.Parse(Body.Span) as JsonObject ?? [];
        node.Remove("model");
        return node;
    }

    /// <summary>The body as text.</summary>
    public string BodyText => System.Text.Encoding.UTF8.GetString(Body.Span);

    /// <inheritdoc />
    public override string ToString() => $"{File}:{LineNumber} ({Key}, {Model})";

    internal static byte[] WriteBody(string model, JsonObject parameters)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("model", model);
            foreach (var (name, value) in parameters)
            {
                writer.WritePropertyName(name);
                if (value is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    value.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
