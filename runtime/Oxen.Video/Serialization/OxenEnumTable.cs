using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Oxen.Video.Serialization;

/// <summary>
/// The members of one generated enum and their exact JSON values (strings, integers, numbers beyond
/// <see cref="long"/>, booleans): what the generic converter reads and writes, what <c>Validate()</c> allows and how
/// an error shows a value. Lookups are O(1) (or a binary search for sparse or numerous members), never a chain of
/// comparisons, so an enum of thousands of members costs little to compile and to use.
/// </summary>
/// <typeparam name="TEnum">The generated enum (an <see cref="int"/>-backed enum).</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class OxenEnumTable<TEnum>
    where TEnum : struct, Enum
{
    private const int StackCopyLimit = 256;

    private readonly Member[] _members;
    private readonly string[] _json;

    // Enum value → member index: a dense array when the values are close together (index + 1; 0 is "none"),
    // else the values sorted for a binary search.
    private readonly int _minimum;
    private readonly int[]? _dense;
    private readonly int[] _sortedValues;
    private readonly int[] _sortedValueIndexes;

    // JSON value → member index, one sorted list per JSON kind.
    private readonly byte[][] _strings;
    private readonly int[] _stringIndexes;
    private readonly double[] _numbers;
    private readonly int[] _numberIndexes;
    private readonly int _trueIndex = -1;
    private readonly int _falseIndex = -1;

    /// <summary>Builds the table; called once per enum by generated code.</summary>
    /// <param name="jsonName">The JSON name of the property the enum comes from, for messages.</param>
    /// <param name="members">Every member, in declaration order, with its JSON value.</param>
    public OxenEnumTable(string jsonName, OxenEnumMember<TEnum>[] members)
    {
        ArgumentNullException.ThrowIfNull(jsonName);
        ArgumentNullException.ThrowIfNull(members);
        if (Unsafe.SizeOf<TEnum>() != sizeof(int))
        {
            throw new NotSupportedException($"{typeof(TEnum).Name} must be backed by int.");
        }

        JsonName = jsonName;
        _members = new Member[members.Length];
        _json = new string[members.Length];
        var strings = new List<(byte[] Key, int Index)>();
        var numbers = new List<(double Key, int Index)>();
        for (var i = 0; i < members.Length; i++)
        {
            _json[i] = members[i].Json;
            _members[i] = Member.Parse(members[i].Value, members[i].Json);
            switch (_members[i].Kind)
            {
                case JsonTokenType.String:
                    strings.Add((Encoding.UTF8.GetBytes(_members[i].Text!), i));
                    break;
                case JsonTokenType.Number:
                    numbers.Add((_members[i].Number, i));
                    break;
                case JsonTokenType.True when _trueIndex < 0:
                    _trueIndex = i;
                    break;
                case JsonTokenType.False when _falseIndex < 0:
                    _falseIndex = i;
                    break;
            }
        }

        Allowed = string.Join(", ", _json);
        strings.Sort(static (a, b) => a.Key.AsSpan().SequenceCompareTo(b.Key) is var order and not 0 ? order : a.Index.CompareTo(b.Index));
        _strings = strings.ConvertAll(static s => s.Key).ToArray();
        _stringIndexes = strings.ConvertAll(static s => s.Index).ToArray();
        numbers.Sort(static (a, b) => a.Key.CompareTo(b.Key) is var order and not 0 ? order : a.Index.CompareTo(b.Index));
        _numbers = numbers.ConvertAll(static n => n.Key).ToArray();
        _numberIndexes = numbers.ConvertAll(static n => n.Index).ToArray();

        var byValue = new List<(int Value, int Index)>(members.Length);
        for (var i = 0; i < members.Length; i++)
        {
            byValue.Add((ToInt32(members[i].Value), i));
        }

        byValue.Sort(static (a, b) => a.Value.CompareTo(b.Value) is var order and not 0 ? order : a.Index.CompareTo(b.Index));
        _sortedValues = byValue.ConvertAll(static v => v.Value).ToArray();
        _sortedValueIndexes = byValue.ConvertAll(static v => v.Index).ToArray();
        if (byValue.Count > 0)
        {
            _minimum = byValue[0].Value;
            var span = (long)byValue[^1].Value - _minimum + 1;
            if (span <= (4L * byValue.Count) + 64)
            {
                _dense = new int[span];
                for (var i = byValue.Count - 1; i >= 0; i--)
                {
                    _dense[byValue[i].Value - _minimum] = byValue[i].Index + 1; // the first declared member wins
                }
            }
        }
    }

    /// <summary>The JSON name of the property the enum comes from.</summary>
    public string JsonName { get; }

    /// <summary>The members' JSON values joined for messages: <c>"9:16", "16:9", "1:1"</c>.</summary>
    public string Allowed { get; }

    /// <summary>Each member's JSON value, in declaration order.</summary>
    public IReadOnlyList<string> Values => _json;

    /// <summary>Whether <paramref name="value"/> is a member (not an undefined constant such as <c>(T)42</c>).</summary>
    public bool IsDefined(TEnum value) => IndexOf(value) >= 0;

    /// <summary>The member's JSON value, or <c>(TypeName)42</c> for an undefined constant.</summary>
    public string Describe(TEnum value)
    {
        var index = IndexOf(value);
        return index >= 0
            ? _json[index]
            : "(" + typeof(TEnum).Name + ")" + ToInt32(value).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Writes the member's exact JSON value.</summary>
    /// <exception cref="JsonException"><paramref name="value"/> is not a member.</exception>
    public void Write(Utf8JsonWriter writer, TEnum value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ref readonly var member = ref MemberOf(value);
        switch (member.Kind)
        {
            case JsonTokenType.String:
                writer.WriteStringValue(member.Encoded);
                break;
            case JsonTokenType.True or JsonTokenType.False:
                writer.WriteBooleanValue(member.Kind == JsonTokenType.True);
                break;
            case JsonTokenType.Number when member.Integer is { } integer:
                writer.WriteNumberValue(integer);
                break;
            default:
                writer.WriteRawValue(member.Utf8Json!, skipInputValidation: true);
                break;
        }
    }

    /// <summary>Writes a property whose value is the member's exact JSON value.</summary>
    /// <exception cref="JsonException"><paramref name="value"/> is not a member.</exception>
    public void Write(Utf8JsonWriter writer, JsonEncodedText name, TEnum value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ref readonly var member = ref MemberOf(value);
        switch (member.Kind)
        {
            case JsonTokenType.String:
                writer.WriteString(name, member.Encoded);
                break;
            case JsonTokenType.True or JsonTokenType.False:
                writer.WriteBoolean(name, member.Kind == JsonTokenType.True);
                break;
            case JsonTokenType.Number when member.Integer is { } integer:
                writer.WriteNumber(name, integer);
                break;
            default:
                writer.WritePropertyName(name);
                writer.WriteRawValue(member.Utf8Json!, skipInputValidation: true);
                break;
        }
    }

    /// <summary>Reads a member from its JSON value; the value's JSON kind must match (<c>"5"</c> is not <c>5</c>).</summary>
    /// <exception cref="JsonException">The value is not one of the members; the message names <paramref name="path"/>.</exception>
    public TEnum Read(ref Utf8JsonReader reader, string path)
    {
        var index = reader.TokenType switch
        {
            JsonTokenType.String => FindString(ref reader),
            JsonTokenType.Number => FindNumber(ref reader),
            JsonTokenType.True => _trueIndex,
            JsonTokenType.False => _falseIndex,
            _ => -1,
        };
        return index >= 0 ? _members[index].Value : throw OxenJson.NotAllowed(ref reader, path, Allowed);
    }

    private ref readonly Member MemberOf(TEnum value)
    {
        var index = IndexOf(value);
        if (index < 0)
        {
            throw new JsonException($"{Describe(value)} is not a value of {JsonName}; allowed: {Allowed}.");
        }

        return ref _members[index];
    }

    private int IndexOf(TEnum value)
    {
        var number = ToInt32(value);
        if (_dense is not null)
        {
            var offset = (long)number - _minimum;
            return (ulong)offset < (ulong)_dense.Length ? _dense[offset] - 1 : -1;
        }

        var found = Array.BinarySearch(_sortedValues, number);
        if (found < 0)
        {
            return -1;
        }

        while (found > 0 && _sortedValues[found - 1] == number)
        {
            found--; // the first declared member of equal values
        }

        return _sortedValueIndexes[found];
    }

    private int FindString(ref Utf8JsonReader reader)
    {
        if (_strings.Length == 0)
        {
            return -1;
        }

        if (!reader.HasValueSequence && !reader.ValueIsEscaped)
        {
            return FindString(reader.ValueSpan);
        }

        // Escaped or split text: unescape it first (never longer than the escaped form).
        var length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        byte[]? rented = null;
        var buffer = length <= StackCopyLimit ? stackalloc byte[StackCopyLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            return FindString(buffer[..reader.CopyString(buffer)]);
        }
        catch (InvalidOperationException)
        {
            return -1; // text that is not valid UTF-16 (a lone surrogate escape) matches no member
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private int FindString(ReadOnlySpan<byte> utf8)
    {
        int low = 0, high = _strings.Length - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            var order = _strings[middle].AsSpan().SequenceCompareTo(utf8);
            if (order == 0)
            {
                return _stringIndexes[middle];
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return -1;
    }

    private int FindNumber(ref Utf8JsonReader reader)
    {
        if (_numbers.Length == 0 || !OxenJson.TryGetNumber(ref reader, out var number))
        {
            return -1;
        }

        int low = 0, high = _numbers.Length - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            if (_numbers[middle] == number)
            {
                while (middle > 0 && _numbers[middle - 1] == number)
                {
                    middle--;
                }

                return _numberIndexes[middle];
            }

            if (_numbers[middle] < number)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return -1;
    }

    private static int ToInt32(TEnum value) => Unsafe.As<TEnum, int>(ref value);

    /// <summary>A member with its JSON value ready to write and to compare.</summary>
    private readonly struct Member
    {
        private Member(TEnum value, JsonTokenType kind)
        {
            Value = value;
            Kind = kind;
        }

        public TEnum Value { get; }

        public JsonTokenType Kind { get; }

        public string? Text { get; private init; }

        public JsonEncodedText Encoded { get; private init; }

        public double Number { get; private init; }

        /// <summary>The integer, when <see cref="long"/> writes the JSON text exactly (<c>5</c>, not <c>5.0</c> or <c>-0</c>).</summary>
        public long? Integer { get; private init; }

        /// <summary>The JSON text of a number <see cref="Integer"/> cannot write exactly.</summary>
        public byte[]? Utf8Json { get; private init; }

        public static Member Parse(TEnum value, string json)
        {
            ArgumentNullException.ThrowIfNull(json);
            var utf8 = Encoding.UTF8.GetBytes(json);
            var reader = new Utf8JsonReader(utf8);
            if (!IsOneScalar(ref reader, utf8.Length))
            {
                throw new ArgumentException($"{json} is not a JSON string, number or boolean.", nameof(json));
            }

            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    var text = reader.GetString()!;
                    return new(value, JsonTokenType.String) { Text = text, Encoded = JsonEncodedText.Encode(text) };
                case JsonTokenType.Number:
                    OxenJson.TryGetNumber(ref reader, out var number);
                    var exact = long.TryParse(json, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
                        && integer.ToString(CultureInfo.InvariantCulture) == json;
                    return new(value, JsonTokenType.Number) { Number = number, Integer = exact ? integer : null, Utf8Json = exact ? null : utf8 };
                default:
                    return new(value, reader.TokenType);
            }
        }

        private static bool IsOneScalar(ref Utf8JsonReader reader, int length)
        {
            try
            {
                return reader.Read()
                    && reader.TokenType is JsonTokenType.String or JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False
                    && reader.BytesConsumed == length;
            }
            catch (JsonException)
            {
                return false;
            }
        }
    }
}
