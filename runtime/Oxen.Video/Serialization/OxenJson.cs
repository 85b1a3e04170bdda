using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Oxen.Video.Serialization;

/// <summary>Reads one value of an array item; used by generated converters.</summary>
public delegate T OxenJsonItemReader<T>(ref Utf8JsonReader reader);

/// <summary>
/// Small readers used by the generated converters. Each names the JSON path it failed at, and none uses
/// reflection, so generated requests serialize under trimming and Native AOT.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class OxenJson
{
    /// <summary>Reads a string (or null).</summary>
    public static string? ReadString(ref Utf8JsonReader reader, string path) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw Unexpected(ref reader, path, "a string"),
    };

    /// <summary>Reads an integer that fits <see cref="int"/> (<c>5.0</c> counts, as JSON Schema says), or null.</summary>
    public static int? ReadInt32(ref Utf8JsonReader reader, string path)
    {
        var value = ReadInt64(ref reader, path);
        if (value is < int.MinValue or > int.MaxValue)
        {
            throw new JsonException($"'{path}' must be an integer between {int.MinValue} and {int.MaxValue}, not {value}.");
        }

        return (int?)value;
    }

    /// <summary>Reads an integer (<c>5.0</c> counts), or null.</summary>
    public static long? ReadInt64(ref Utf8JsonReader reader, string path)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType == JsonTokenType.Number)
        {
            if (reader.TryGetInt64(out var integer))
            {
                return integer;
            }

            if (reader.TryGetDouble(out var number) && Math.Floor(number) == number && Math.Abs(number) < 9.2e18)
            {
                return (long)number;
            }
        }

        throw Unexpected(ref reader, path, "an integer");
    }

    /// <summary>Reads a number, or null.</summary>
    public static double? ReadDouble(ref Utf8JsonReader reader, string path) => reader.TokenType switch
    {
        JsonTokenType.Number => reader.GetDouble(),
        JsonTokenType.Null => null,
        _ => throw Unexpected(ref reader, path, "a number"),
    };

    /// <summary>Reads a boolean, or null.</summary>
    public static bool? ReadBoolean(ref Utf8JsonReader reader, string path) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.Null => null,
        _ => throw Unexpected(ref reader, path, "true or false"),
    };

    /// <summary>Reads a JSON object (whose keys the schema leaves open) as a detached element.</summary>
    public static JsonElement ReadObject(ref Utf8JsonReader reader, string path)
    {
        ExpectObject(ref reader, path);
        return JsonElement.ParseValue(ref reader);
    }

    /// <summary>Reads any JSON value as a detached element.</summary>
    public static JsonElement ReadAny(ref Utf8JsonReader reader) => JsonElement.ParseValue(ref reader);

    /// <summary>Reads an array (or null) with <paramref name="readItem"/> for each item.</summary>
    public static List<T>? ReadList<T>(ref Utf8JsonReader reader, string path, OxenJsonItemReader<T> readItem)
    {
        ArgumentNullException.ThrowIfNull(readItem);
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Unexpected(ref reader, path, "an array");
        }

        var items = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(readItem(ref reader));
        }

        return items;
    }

    /// <summary>An array item that may not be null (a list of numbers, say).</summary>
    public static T NotNull<T>(T? value, string path)
        where T : struct => value ?? throw new JsonException($"'{path}' may not contain null.");

    /// <summary>Checks that the token is the start of an object.</summary>
    public static void ExpectObject(ref Utf8JsonReader reader, string path)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Unexpected(ref reader, path, "an object");
        }
    }

    /// <summary>Checks the <c>"model"</c> property of a body against the request type's model.</summary>
    public static void ExpectModel(ref Utf8JsonReader reader, string modelId)
    {
        var model = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        if (!string.Equals(model, modelId, StringComparison.Ordinal))
        {
            throw new JsonException($"The body is for model {Describe(ref reader)}, but this request type is for '{modelId}'.");
        }
    }

    /// <summary>The error for a required property missing from a body.</summary>
    public static JsonException MissingRequired(string path) => new($"The required property '{path}' is missing (or null).");

    /// <summary>The error for a required property missing from a body, where the schema allows it to be null.</summary>
    public static JsonException Missing(string path) => new($"The required property '{path}' is missing.");

    /// <summary>The error for a value of the wrong JSON kind.</summary>
    public static JsonException Unexpected(ref Utf8JsonReader reader, string path, string expected) =>
        new($"'{path}' must be {expected}, not {Describe(ref reader)}.");

    /// <summary>The error for a value outside an enum.</summary>
    public static JsonException NotAllowed(ref Utf8JsonReader reader, string path, string allowed) =>
        new($"'{path}' is {Describe(ref reader)}, which is not allowed; allowed: {allowed}.");

    /// <summary>Reads a whole JSON document with <paramref name="read"/> (a generated converter's reader).</summary>
    public static T Parse<T>(ReadOnlySpan<byte> utf8Json, OxenJsonItemReader<T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var reader = new Utf8JsonReader(utf8Json);
        reader.Read();
        return read(ref reader);
    }

    /// <summary>Serializes a request to its JSON body.</summary>
    public static string Serialize(IOxenRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            request.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads a number token as a double; numbers beyond its range become infinities, as in the schema reader.</summary>
    internal static bool TryGetNumber(ref Utf8JsonReader reader, out double number)
    {
        if (reader.TryGetDouble(out number))
        {
            return true;
        }

        var text = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }

    /// <summary>Describes the current token for an error message, e.g. <c>"7"</c> or <c>7</c> or <c>an object</c>.</summary>
    public static string Describe(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => Validation.OxenValidator.FormatString(reader.GetString() ?? ""),
        JsonTokenType.Number => reader.TryGetDouble(out var d) ? Validation.OxenValidator.FormatNumber(d) : "a number",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => reader.TokenType.ToString(),
    };
}
