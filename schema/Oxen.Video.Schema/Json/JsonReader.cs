using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Oxen.Video.Schemas.Json;

/// <summary>A JSON syntax error at a position in the file.</summary>
internal sealed class JsonSyntaxException(string message, TextPosition position) : Exception(message)
{
    public TextPosition Position { get; } = position;
}

/// <summary>
/// A small strict JSON reader (RFC 8259) that keeps each value's line and column. The generator cannot load
/// System.Text.Json inside every compiler host, and diagnostics need positions anyway.
/// </summary>
internal sealed class JsonReader
{
    private const int MaxDepth = 64;

    private readonly string _text;
    private int _offset;
    private int _line;
    private int _lineStart;

    private JsonReader(string text) => _text = text;

    /// <summary>Parses a whole document; throws <see cref="JsonSyntaxException"/> on the first error.</summary>
    public static JsonValue Parse(string text)
    {
        var reader = new JsonReader(text);
        // A byte-order mark is not JSON, but editors write one; accept it.
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            reader._offset = 1;
            reader._lineStart = 1;
        }

        reader.SkipWhitespace();
        var value = reader.ReadValue(0);
        reader.SkipWhitespace();
        if (reader._offset < text.Length)
        {
            throw reader.Error($"Unexpected '{text[reader._offset]}' after the end of the JSON document.");
        }

        return value;
    }

    private TextPosition Position => new(_offset, _line, _offset - _lineStart);

    private JsonSyntaxException Error(string message) => new(message, Position);

    private JsonValue ReadValue(int depth)
    {
        if (_offset >= _text.Length)
        {
            throw Error("Unexpected end of the file: a JSON value was expected.");
        }

        var c = _text[_offset];
        switch (c)
        {
            case '{':
                return ReadObject(depth);
            case '[':
                return ReadArray(depth);
            case '"':
                {
                    var start = Position;
                    var value = ReadString();
                    return new JsonString(start, _offset - start.Offset, value, Slice(start));
                }

            case 't':
                return ReadLiteral("true", JsonKind.True);
            case 'f':
                return ReadLiteral("false", JsonKind.False);
            case 'n':
                return ReadLiteral("null", JsonKind.Null);
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return ReadNumber();
                }

                throw Error($"Unexpected '{c}': a JSON value was expected.");
        }
    }

    private JsonObject ReadObject(int depth)
    {
        if (depth >= MaxDepth)
        {
            throw Error($"The JSON is nested deeper than {MaxDepth} levels.");
        }

        var start = Position;
        _offset++; // {
        var properties = new List<JsonProperty>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        SkipWhitespace();
        if (Peek() == '}')
        {
            _offset++;
            return new JsonObject(start, _offset - start.Offset, properties, Slice(start));
        }

        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"')
            {
                throw Error("A property name in double quotes was expected.");
            }

            var nameStart = Position;
            var name = ReadString();
            var nameLength = _offset - nameStart.Offset;
            if (!names.Add(name))
            {
                throw new JsonSyntaxException($"The property \"{name}\" appears twice in one object.", nameStart);
            }

            SkipWhitespace();
            Expect(':');
            SkipWhitespace();
            var value = ReadValue(depth + 1);
            properties.Add(new JsonProperty(name, nameStart, nameLength, value));
            SkipWhitespace();
            var next = Peek();
            _offset++;
            if (next == '}')
            {
                return new JsonObject(start, _offset - start.Offset, properties, Slice(start));
            }

            if (next != ',')
            {
                _offset--;
                throw Error(next == '\0' ? "Unexpected end of the file: '}' or ',' was expected." : $"Unexpected '{next}': '}}' or ',' was expected.");
            }
        }
    }

    private JsonArray ReadArray(int depth)
    {
        if (depth >= MaxDepth)
        {
            throw Error($"The JSON is nested deeper than {MaxDepth} levels.");
        }

        var start = Position;
        _offset++; // [
        var items = new List<JsonValue>();
        SkipWhitespace();
        if (Peek() == ']')
        {
            _offset++;
            return new JsonArray(start, _offset - start.Offset, items, Slice(start));
        }

        while (true)
        {
            SkipWhitespace();
            items.Add(ReadValue(depth + 1));
            SkipWhitespace();
            var next = Peek();
            _offset++;
            if (next == ']')
            {
                return new JsonArray(start, _offset - start.Offset, items, Slice(start));
            }

            if (next != ',')
            {
                _offset--;
                throw Error(next == '\0' ? "Unexpected end of the file: ']' or ',' was expected." : $"Unexpected '{next}': ']' or ',' was expected.");
            }
        }
    }

    private string ReadString()
    {
        _offset++; // opening quote
        var builder = new StringBuilder();
        while (true)
        {
            if (_offset >= _text.Length)
            {
                throw Error("Unexpected end of the file inside a string.");
            }

            var c = _text[_offset];
            if (c == '"')
            {
                _offset++;
                return builder.ToString();
            }

            if (c < ' ')
            {
                throw Error(c == '\n' ? "A string may not span lines: the closing '\"' is missing." : "A control character must be escaped inside a string.");
            }

            if (c != '\\')
            {
                builder.Append(c);
                _offset++;
                continue;
            }

            _offset++;
            var escape = Peek();
            _offset++;
            switch (escape)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    if (_offset + 4 > _text.Length
                        || !int.TryParse(_text.Substring(_offset, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        throw Error("\\u must be followed by four hexadecimal digits.");
                    }

                    builder.Append((char)code);
                    _offset += 4;
                    break;
                default:
                    _offset--;
                    throw Error($"'\\{escape}' is not a JSON escape.");
            }
        }
    }

    private JsonNumber ReadNumber()
    {
        var start = Position;
        if (Peek() == '-')
        {
            _offset++;
        }

        if (Peek() == '0')
        {
            _offset++;
        }
        else if (IsDigit(Peek()))
        {
            SkipDigits();
        }
        else
        {
            throw Error("A digit was expected in the number.");
        }

        var hasFraction = false;
        if (Peek() == '.')
        {
            _offset++;
            hasFraction = true;
            if (!IsDigit(Peek()))
            {
                throw Error("A digit was expected after the decimal point.");
            }

            SkipDigits();
        }

        if (Peek() is 'e' or 'E')
        {
            _offset++;
            if (Peek() is '+' or '-')
            {
                _offset++;
            }

            if (!IsDigit(Peek()))
            {
                throw Error("A digit was expected in the exponent.");
            }

            hasFraction = true;
            SkipDigits();
        }

        var raw = Slice(start);
        // .NET Framework (Visual Studio's compiler host) throws on 1e400 where .NET gives infinity: give infinity on both.
        var value = double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : raw.StartsWith("-", StringComparison.Ordinal) ? double.NegativeInfinity : double.PositiveInfinity;
        var isInteger = !hasFraction || (Math.Floor(value) == value && !double.IsInfinity(value));
        return new JsonNumber(start, raw.Length, raw, isInteger, value);
    }

    private JsonLiteral ReadLiteral(string word, JsonKind kind)
    {
        var start = Position;
        if (string.CompareOrdinal(_text, _offset, word, 0, word.Length) != 0)
        {
            throw Error($"Unexpected '{_text[_offset]}': a JSON value was expected.");
        }

        _offset += word.Length;
        return new JsonLiteral(kind, start, word.Length, word);
    }

    private void SkipWhitespace()
    {
        while (_offset < _text.Length)
        {
            var c = _text[_offset];
            if (c == '\n')
            {
                _offset++;
                _line++;
                _lineStart = _offset;
            }
            else if (c is ' ' or '\t' or '\r')
            {
                _offset++;
            }
            else
            {
                return;
            }
        }
    }

    private void SkipDigits()
    {
        while (IsDigit(Peek()))
        {
            _offset++;
        }
    }

    private void Expect(char expected)
    {
        var c = Peek();
        if (c != expected)
        {
            throw Error(c == '\0' ? $"Unexpected end of the file: '{expected}' was expected." : $"Unexpected '{c}': '{expected}' was expected.");
        }

        _offset++;
    }

    private char Peek() => _offset < _text.Length ? _text[_offset] : '\0';

    private string Slice(TextPosition start) => _text.Substring(start.Offset, _offset - start.Offset);

    private static bool IsDigit(char c) => c >= '0' && c <= '9';
}
