using System.Collections.Generic;
using System.Text.Json;

namespace Oxen.Video.Serialization;

/// <summary>Media fields: a JSON string on the wire, an <see cref="OxenMedia"/> in C#.</summary>
public static partial class OxenJson
{
    /// <summary>
    /// Reads a media field (or null). The string is a URL, except while <see cref="Models.OxenModelInfo.ParseRequest(ReadOnlySpan{byte}, Models.OxenParseOptions?)"/>
    /// reads with <see cref="Models.OxenParseOptions.MediaBaseDirectory"/>: then text that is not a URL is a path under it.
    /// </summary>
    public static OxenMedia? ReadMedia(ref Utf8JsonReader reader, string path) => reader.TokenType switch
    {
        JsonTokenType.String => OxenMediaScopes.FromWire(reader.GetString()!),
        JsonTokenType.Null => null,
        _ => throw Unexpected(ref reader, path, "a string (a URL)"),
    };

    /// <summary>Reads an array of media, or null; a null item is kept for <c>Validate()</c> to report.</summary>
    public static List<OxenMedia>? ReadMediaList(ref Utf8JsonReader reader, string path)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Unexpected(ref reader, path, "an array");
        }

        var items = new List<OxenMedia>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            // Like ReadStringList: the list's type says no nulls, and Validate() reports one that came anyway.
            items.Add(ReadMedia(ref reader, path + "[]")!);
        }

        return items;
    }

    /// <summary>
    /// Writes a media field when it is set: a URL exactly as given; a local media as the URL the client made for
    /// it while sending.
    /// </summary>
    /// <exception cref="InvalidOperationException">The media is local and the request is written outside a send.</exception>
    public static void WriteIfSet(Utf8JsonWriter writer, OxenJsonProperty property, OxenMedia? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(property);
        if (value is not null)
        {
            writer.WriteString(property.Encoded, OxenMediaScopes.ToWire(value, property.Name));
        }
    }

    /// <summary>Writes an array of media when it is set (a null item as JSON null, for the server to refuse).</summary>
    public static void WriteIfSet(Utf8JsonWriter writer, OxenJsonProperty property, IReadOnlyList<OxenMedia?>? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(property);
        if (value is null)
        {
            return;
        }

        writer.WriteStartArray(property.Encoded);
        for (var i = 0; i < value.Count; i++)
        {
            if (value[i] is { } item)
            {
                writer.WriteStringValue(OxenMediaScopes.ToWire(item, property.Name));
            }
            else
            {
                writer.WriteNullValue();
            }
        }

        writer.WriteEndArray();
    }
}
