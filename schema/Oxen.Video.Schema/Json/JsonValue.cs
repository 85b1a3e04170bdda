using System.Collections.Generic;

namespace Oxen.Video.Schemas.Json;

/// <summary>Where a JSON token starts in its file (0-based line and column, and the character offset).</summary>
internal readonly record struct TextPosition(int Offset, int Line, int Column);

internal enum JsonKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>
/// A parsed JSON value with its position. Lives only inside the parse step: specs never hold one, so the
/// incremental pipeline compares plain data.
/// </summary>
internal abstract class JsonValue(JsonKind kind, TextPosition start, int length)
{
    public JsonKind Kind { get; } = kind;

    public TextPosition Start { get; } = start;

    public int Length { get; } = length;

    /// <summary>The exact source text of the value (numbers keep their spelling: <c>5</c> vs <c>5.0</c>).</summary>
    public abstract string RawText { get; }
}

internal sealed class JsonObject(TextPosition start, int length, IReadOnlyList<JsonProperty> properties, string raw)
    : JsonValue(JsonKind.Object, start, length)
{
    public IReadOnlyList<JsonProperty> Properties { get; } = properties;

    public override string RawText { get; } = raw;

    public JsonValue? this[string name]
    {
        get
        {
            foreach (var property in Properties)
            {
                if (property.Name == name)
                {
                    return property.Value;
                }
            }

            return null;
        }
    }

    public JsonProperty? Find(string name)
    {
        foreach (var property in Properties)
        {
            if (property.Name == name)
            {
                return property;
            }
        }

        return null;
    }
}

internal sealed class JsonProperty(string name, TextPosition nameStart, int nameLength, JsonValue value)
{
    public string Name { get; } = name;

    public TextPosition NameStart { get; } = nameStart;

    public int NameLength { get; } = nameLength;

    public JsonValue Value { get; } = value;
}

internal sealed class JsonArray(TextPosition start, int length, IReadOnlyList<JsonValue> items, string raw)
    : JsonValue(JsonKind.Array, start, length)
{
    public IReadOnlyList<JsonValue> Items { get; } = items;

    public override string RawText { get; } = raw;
}

internal sealed class JsonString(TextPosition start, int length, string value, string raw)
    : JsonValue(JsonKind.String, start, length)
{
    public string Value { get; } = value;

    public override string RawText { get; } = raw;
}

internal sealed class JsonNumber(TextPosition start, int length, string raw, bool isInteger, double value)
    : JsonValue(JsonKind.Number, start, length)
{
    /// <summary>Whether the number is mathematically an integer (<c>5</c> and <c>5.0</c> both are, as JSON Schema says).</summary>
    public bool IsInteger { get; } = isInteger;

    public double Value { get; } = value;

    public override string RawText { get; } = raw;
}

internal sealed class JsonLiteral(JsonKind kind, TextPosition start, int length, string raw)
    : JsonValue(kind, start, length)
{
    public override string RawText { get; } = raw;
}
