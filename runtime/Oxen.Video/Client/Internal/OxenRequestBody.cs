using System.Buffers;
using System.Text.Json;

namespace Oxen.Video;

/// <summary>A platform parameter added to a request body (outside the model's schema).</summary>
internal readonly record struct OxenBodyProperty(string Name, string? Text, long? Number);

/// <summary>
/// Writes a request body: the request's own JSON, plus <c>model</c> when it left it out, plus platform parameters
/// (<c>response_format</c>, <c>num_generations</c>, ...). The request is written once and the parameters are
/// appended before its closing brace; only a request that itself writes one of those names is rewritten without it.
/// </summary>
internal static class OxenRequestBody
{
    /// <summary>What a local media writes as while a body is only priced (<see cref="WriteForEstimate"/>).</summary>
    internal const string StandInMediaUrl = "https://local-media.invalid/stand-in";

    /// <summary>
    /// The body to send: the one entry of every send path. The request is written once to find its local media
    /// (with the fields holding them); without any, that write is the body. Otherwise each distinct local media
    /// becomes a URL (read, checked and, when large, uploaded, all before the body is sent), and the body is
    /// written again with them.
    /// </summary>
    /// <exception cref="OxenMediaException">A local media cannot be sent; the body was not sent.</exception>
    public static async ValueTask<byte[]> WriteAsync(
        IOxenRequest request,
        OxenMediaResolver resolver,
        OxenBodyProperty[] extra,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        List<(OxenMedia Media, string Field)>? found = null;
        var body = Array.Empty<byte>();
        OxenMediaScopes.Write(
            (media, field) =>
            {
                (found ??= []).Add((media, field));
                return string.Empty;
            },
            () => body = Write(request, extra));
        if (found is null)
        {
            return body;
        }

        var urls = await resolver.ResolveAsync(found, cancellationToken).ConfigureAwait(false);
        OxenMediaScopes.Write((media, _) => urls[media], () => body = Write(request, extra));
        return body;
    }

    /// <summary>
    /// The body as a cost estimate reads it: a local media writes as a stand-in URL (pricing never reads media),
    /// so a request holding a file is priced without reading or uploading it.
    /// </summary>
    public static byte[] WriteForEstimate(IOxenRequest request)
    {
        var body = Array.Empty<byte>();
        OxenMediaScopes.Write((_, _) => StandInMediaUrl, () => body = Write(request));
        return body;
    }

    public static byte[] Write(IOxenRequest request, params ReadOnlySpan<OxenBodyProperty> extra)
    {
        ArgumentNullException.ThrowIfNull(request);

        // Platform wrappers add properties; the outermost (and the explicit extras) win over inner ones.
        var properties = new List<OxenBodyProperty>(extra.Length + 2);
        foreach (var property in extra)
        {
            AddUnlessNamed(properties, property);
        }

        while (request is OxenPlatformParameters.PlatformRequest wrapper)
        {
            AddUnlessNamed(properties, wrapper.Property);
            request = wrapper.Inner;
        }

        var own = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(own))
        {
            request.WriteTo(writer);
        }

        var (count, hasModel, overridden) = Scan(request.ModelId, own.WrittenSpan, properties);
        return overridden ? Rewrite(request, own.WrittenMemory, properties) : Append(request, own.WrittenSpan, count, hasModel, properties);
    }

    private static void AddUnlessNamed(List<OxenBodyProperty> properties, OxenBodyProperty property)
    {
        if (!properties.Exists(p => string.Equals(p.Name, property.Name, StringComparison.Ordinal)))
        {
            properties.Add(property);
        }
    }

    /// <summary>Checks the request wrote one JSON object; counts its properties and finds model and overridden names.</summary>
    private static (int Count, bool HasModel, bool Overridden) Scan(string modelId, ReadOnlySpan<byte> json, List<OxenBodyProperty> properties)
    {
        var reader = new Utf8JsonReader(json);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new InvalidOperationException($"The request for '{modelId}' must write a JSON object.");
            }

            var (count, hasModel, overridden) = (0, false, false);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                count++;
                hasModel |= reader.ValueTextEquals("model"u8);
                foreach (var property in properties)
                {
                    overridden |= reader.ValueTextEquals(property.Name);
                }

                reader.Read();
                reader.Skip();
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                throw new InvalidOperationException($"The request for '{modelId}' must write exactly one JSON object.");
            }

            return (count, hasModel, overridden);
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"The request for '{modelId}' wrote invalid JSON: {ex.Message}", ex);
        }
    }

    /// <summary>The request's bytes up to its closing brace, then the added properties, then the brace.</summary>
    private static byte[] Append(IOxenRequest request, ReadOnlySpan<byte> own, int count, bool hasModel, List<OxenBodyProperty> properties)
    {
        if (hasModel && properties.Count == 0)
        {
            return own.ToArray();
        }

        var added = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(added))
        {
            writer.WriteStartObject();
            if (!hasModel)
            {
                writer.WriteString("model", request.ModelId);
            }

            WriteProperties(writer, properties);
            writer.WriteEndObject();
        }

        var close = own.LastIndexOf((byte)'}');
        var inner = added.WrittenSpan[1..^1];
        var output = new byte[close + (count > 0 ? 1 : 0) + inner.Length + 1];
        own[..close].CopyTo(output);
        var at = close;
        if (count > 0)
        {
            output[at++] = (byte)',';
        }

        inner.CopyTo(output.AsSpan(at));
        output[^1] = (byte)'}';
        return output;
    }

    /// <summary>The rare case: the request wrote a platform parameter itself, so its copy is left out.</summary>
    private static byte[] Rewrite(IOxenRequest request, ReadOnlyMemory<byte> own, List<OxenBodyProperty> properties)
    {
        using var document = JsonDocument.Parse(own);
        var output = new ArrayBufferWriter<byte>(own.Length + 64);
        using (var writer = new Utf8JsonWriter(output))
        {
            writer.WriteStartObject();
            var hasModel = false;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (properties.Exists(p => property.NameEquals(p.Name)))
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

            WriteProperties(writer, properties);
            writer.WriteEndObject();
        }

        return output.WrittenSpan.ToArray();
    }

    private static void WriteProperties(Utf8JsonWriter writer, List<OxenBodyProperty> properties)
    {
        foreach (var property in properties)
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
    }
}
