using System.Buffers;
using System.Text.Json;

namespace Oxen.Video;

/// <summary>A platform parameter added to a request body (outside the model's schema).</summary>
internal readonly record struct OxenBodyProperty(string Name, string? Text, long? Number);

/// <summary>Writes a request body: the request's own JSON, plus or overriding platform parameters.</summary>
internal static class OxenRequestBody
{
    public static byte[] Write(IOxenRequest request, params ReadOnlySpan<OxenBodyProperty> extra)
    {
        ArgumentNullException.ThrowIfNull(request);
        var own = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(own))
        {
            request.WriteTo(writer);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(own.WrittenMemory);
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"The request for '{request.ModelId}' wrote invalid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidOperationException($"The request for '{request.ModelId}' must write a JSON object.");
            }

            var output = new ArrayBufferWriter<byte>(own.WrittenCount + 64);
            using (var writer = new Utf8JsonWriter(output))
            {
                writer.WriteStartObject();
                var hasModel = false;
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (IsOverridden(property.Name, extra))
                    {
                        continue;
                    }

                    hasModel |= property.NameEquals("model");
                    property.WriteTo(writer);
                }

                if (!hasModel)
                {
                    writer.WriteString("model", request.ModelId);
                }

                foreach (var property in extra)
                {
                    if (property.Number is { } number)
                    {
                        writer.WriteNumber(property.Name, number);
                    }
                    else if (property.Text is { } text)
                    {
                        writer.WriteString(property.Name, text);
                    }
                }

                writer.WriteEndObject();
            }

            return output.WrittenSpan.ToArray();
        }
    }

    private static bool IsOverridden(string name, ReadOnlySpan<OxenBodyProperty> extra)
    {
        foreach (var property in extra)
        {
            if (string.Equals(property.Name, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
