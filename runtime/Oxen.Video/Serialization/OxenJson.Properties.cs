using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Oxen.Video.Serialization;

// One call per property in generated converters: a value left unset (null) is left out of the body.
public static partial class OxenJson
{
    /// <summary>The <c>"model"</c> property of every request body.</summary>
    public static OxenJsonProperty Model { get; } = new("model");

    /// <summary>Moves to the next property name of an object; false at its end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool NextProperty(ref Utf8JsonReader reader) => reader.Read() && reader.TokenType != JsonTokenType.EndObject;

    /// <summary>Skips a property this schema does not know (at its name), as the server's echo may add some.</summary>
    public static void SkipProperty(ref Utf8JsonReader reader) => reader.Skip();

    /// <summary>
    /// The error for a property an object's schema does not allow (<c>additionalProperties: false</c>), at its name:
    /// <paramref name="prefix"/> is where the object sits (<c>elements[].</c>), <paramref name="known"/> the names it
    /// has.
    /// </summary>
    public static JsonException UnknownProperty(ref Utf8JsonReader reader, string prefix, string known)
    {
        var name = Validation.OxenValidator.FormatString(prefix + reader.GetString());
        return new JsonException(
            $"{name} is not a property of the schema, which allows no others (additionalProperties: false); known: {known}.");
    }

    /// <summary>Reads a member of a generated enum, or null for JSON null.</summary>
    public static TEnum? ReadEnum<TEnum>(ref Utf8JsonReader reader, string path, OxenEnumTable<TEnum> table)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(table);
        return reader.TokenType == JsonTokenType.Null ? null : table.Read(ref reader, path);
    }

    /// <summary>Writes a string property when it is set.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteIfSet(Utf8JsonWriter writer, OxenJsonProperty property, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(property.Encoded, value);
        }
    }

    /// <summary>Writes an integer property when it is set.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteIfSet(Utf8JsonWriter writer, OxenJsonProperty property, int? value)
    {
        if (value is { } set)
        {
            writer.WriteNumber(property.Encoded, set);
        }
    }

    /// <summary>Writes an integer property when it is set.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteIfSet(Utf8JsonWriter writer, OxenJsonProperty property, long? value)
    {
        if (value is { } set)
        {
            writer.WriteNumber(property.Encoded, set);
        }
    }

    /// <summary>Writes a number property when it is set.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteIfSet(Utf8JsonWriter writer, OxenJsonProperty property, double? value)
    {
        if (value is { } set)
        {
            writer.WriteNumber(property.Encoded, set);
        }
    }

    /// <summary>Writes a boolean property when it is set.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteIfSet(Utf8JsonWriter writer, OxenJsonProperty property, bool? value)
    {
        if (value is { } set)
        {
            writer.WriteBoolean(property.Encoded, set);
        }
    }

    /// <summary>Writes a JSON value the schema leaves untyped (or a free-form object) when it is set.</summary>
    public static void WriteIfSet(Utf8JsonWriter writer, OxenJsonProperty property, JsonElement? value)
    {
        if (value is { } set)
        {
            writer.WritePropertyName(property.Encoded);
            set.WriteTo(writer);
        }
    }

    /// <summary>Writes an array of strings when it is set (a null item as JSON null, for the server to refuse).</summary>
    public static void WriteIfSet(Utf8JsonWriter writer, OxenJsonProperty property, IReadOnlyList<string>? value)
    {
        if (value is null)
        {
            return;
        }

        writer.WriteStartArray(property.Encoded);
        for (var i = 0; i < value.Count; i++)
        {
            // An indexed loop: foreach over IReadOnlyList<T> would allocate an enumerator per array.
            if (value[i] is { } item)
            {
                writer.WriteStringValue(item);
            }
            else
            {
                writer.WriteNullValue();
            }
        }

        writer.WriteEndArray();
    }

    /// <summary>Reads an array of strings, or null; a null item is kept for <c>Validate()</c> to report.</summary>
    public static List<string>? ReadStringList(ref Utf8JsonReader reader, string path)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Unexpected(ref reader, path, "an array");
        }

        var items = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString()!,
                JsonTokenType.Null => null!,
                _ => throw Unexpected(ref reader, path + "[]", "a string"),
            });
        }

        return items;
    }

    /// <summary>Writes an enum property as its member's exact JSON value when it is set.</summary>
    /// <exception cref="JsonException">The value is not a member of the enum.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteIfSet<TEnum>(Utf8JsonWriter writer, OxenJsonProperty property, TEnum? value, OxenEnumTable<TEnum> table)
        where TEnum : struct, Enum
    {
        if (value is { } set)
        {
            table.Write(writer, property.Encoded, set);
        }
    }
}
