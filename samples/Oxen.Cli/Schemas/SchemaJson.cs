using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Oxen.Cli.Schemas;

/// <summary>
/// The stable form cached schema files are written in, so a refresh diffs cleanly in git: keys sorted by code
/// point at every level, two-space indentation, LF line ends, non-ASCII text kept as is, numbers exactly as the
/// hub wrote them, and a final newline.
/// </summary>
internal static class SchemaJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Normalize(JsonElement model)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, model);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    /// <summary>The request schema of a file in any of the three shapes (model object, evaluations entry, bare schema).</summary>
    public static JsonElement RequestSchema(JsonElement file)
    {
        if (file.ValueKind == JsonValueKind.Object)
        {
            if (file.TryGetProperty("request_schema", out var schema))
            {
                return schema;
            }

            if (file.TryGetProperty("json_request_schema", out var evaluation))
            {
                return evaluation.ValueKind == JsonValueKind.String ? JsonDocument.Parse(evaluation.GetString()!).RootElement.Clone() : evaluation;
            }
        }

        return file;
    }

    private static void Write(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.Number:
                // Keep the number as the hub spelled it (1.0 stays 1.0, 5 stays 5): decimal keeps the scale, and
                // unlike a raw value it is indented like any other item.
                var raw = element.GetRawText();
                if (decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    && number.ToString(CultureInfo.InvariantCulture) == raw)
                {
                    writer.WriteNumberValue(number);
                }
                else
                {
                    writer.WriteRawValue(raw, skipInputValidation: true);
                }

                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
