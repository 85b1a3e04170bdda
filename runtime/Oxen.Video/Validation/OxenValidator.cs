using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Oxen.Video.Serialization;

namespace Oxen.Video.Validation;

/// <summary>
/// The checks that generated <c>Validate()</c> methods call, one per schema keyword. Every message names the
/// value and what is allowed; the path names the field.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class OxenValidator
{
    private const int MaxShownStringLength = 60;

    /// <summary><c>required</c>: the value must be present.</summary>
    public static void Required(List<OxenValidationError> errors, string path, object? value)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value is null)
        {
            errors.Add(new(path, null, "is required but was not set."));
        }
    }

    /// <summary><c>minimum</c>/<c>maximum</c> and their exclusive forms; an infinite bound is absent.</summary>
    public static void Range(
        List<OxenValidationError> errors,
        string path,
        double value,
        double minimum,
        double maximum,
        bool exclusiveMinimum = false,
        bool exclusiveMaximum = false)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var tooLow = exclusiveMinimum ? value <= minimum : value < minimum;
        var tooHigh = exclusiveMaximum ? value >= maximum : value > maximum;
        if (tooLow || tooHigh || double.IsNaN(value))
        {
            errors.Add(new(path, FormatNumber(value), $"{FormatNumber(value)} is out of range; allowed: {Internal.ValueRules.DescribeRange(minimum, maximum, exclusiveMinimum, exclusiveMaximum)}."));
        }
    }

    /// <summary><c>minimum</c>/<c>maximum</c> of a value that may be unset (null passes).</summary>
    public static void Range(
        List<OxenValidationError> errors,
        string path,
        double? value,
        double minimum,
        double maximum,
        bool exclusiveMinimum = false,
        bool exclusiveMaximum = false)
    {
        if (value is { } set)
        {
            Range(errors, path, set, minimum, maximum, exclusiveMinimum, exclusiveMaximum);
        }
    }

    /// <summary><c>minLength</c>/<c>maxLength</c>, counted in Unicode code points as JSON Schema does; null (unset) passes.</summary>
    public static void Length(List<OxenValidationError> errors, string path, string? value, int minimum, int maximum)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value is null)
        {
            return;
        }

        var length = CountCodePoints(value);
        if (length < minimum || length > maximum)
        {
            errors.Add(new(path, FormatString(value), $"has {length} characters; allowed: {Internal.ValueRules.DescribeCount(minimum, maximum, "characters")}."));
        }
    }

    /// <summary><c>minItems</c>/<c>maxItems</c>.</summary>
    public static void ItemCount(List<OxenValidationError> errors, string path, int count, int minimum, int maximum)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (count < minimum || count > maximum)
        {
            errors.Add(new(path, null, $"has {count} items; allowed: {Internal.ValueRules.DescribeCount(minimum, maximum, "items")}."));
        }
    }

    /// <summary><c>format: uri</c>: an absolute URI with a scheme; null (unset) passes.</summary>
    public static void Uri(List<OxenValidationError> errors, string path, string? value)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value is not null && !IsAbsoluteUri(value))
        {
            errors.Add(new(path, FormatString(value), $"{FormatString(value)} is not an absolute URI; allowed: a URI with a scheme, e.g. https://example.com/image.png."));
        }
    }

    /// <summary><c>type: object</c> on a property whose keys are open: the element must hold an object.</summary>
    public static void IsObject(List<OxenValidationError> errors, string path, JsonElement value)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value.ValueKind != JsonValueKind.Object)
        {
            var text = value.ValueKind == JsonValueKind.Undefined ? "an undefined JsonElement" : value.GetRawText();
            errors.Add(new(path, value.ValueKind == JsonValueKind.Undefined ? null : text, $"{text} is not a JSON object; allowed: an object."));
        }
    }

    /// <summary><c>type: object</c> on a property that may be unset (null passes).</summary>
    public static void IsObject(List<OxenValidationError> errors, string path, JsonElement? value)
    {
        if (value is { } set)
        {
            IsObject(errors, path, set);
        }
    }

    /// <summary><c>enum</c>: the value must be a member of the generated enum; null (unset) passes.</summary>
    public static void Member<TEnum>(List<OxenValidationError> errors, string path, TEnum? value, OxenEnumTable<TEnum> table)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(table);
        if (value is { } set && !table.IsDefined(set))
        {
            NotAllowed(errors, path, table.Describe(set), table.Allowed);
        }
    }

    /// <summary>
    /// An array of strings: <c>minItems</c>/<c>maxItems</c> of the list, then each item, which must be set and meet
    /// <c>minLength</c>/<c>maxLength</c> and <c>format: uri</c> when given; null (an unset list) passes.
    /// </summary>
    public static void StringItems(
        List<OxenValidationError> errors,
        string path,
        IReadOnlyList<string>? items,
        int minItems = 0,
        int maxItems = int.MaxValue,
        int minLength = 0,
        int maxLength = int.MaxValue,
        bool uri = false)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (items is null)
        {
            return;
        }

        if (minItems != 0 || maxItems != int.MaxValue)
        {
            ItemCount(errors, path, items.Count, minItems, maxItems);
        }

        var checksLength = minLength != 0 || maxLength != int.MaxValue;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item is not null && !checksLength && !uri)
            {
                continue;
            }

            var itemPath = path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            if (item is null)
            {
                Required(errors, itemPath, null);
                continue;
            }

            if (checksLength)
            {
                Length(errors, itemPath, item, minLength, maxLength);
            }

            if (uri)
            {
                Uri(errors, itemPath, item);
            }
        }
    }

    /// <summary><c>enum</c>: a value (usually an undefined enum constant) that is not one of the members.</summary>
    public static void NotAllowed(List<OxenValidationError> errors, string path, string value, string allowed)
    {
        ArgumentNullException.ThrowIfNull(errors);
        errors.Add(new(path, value, $"{value} is not allowed; allowed: {allowed}."));
    }

    /// <summary>Whether <paramref name="value"/> is an absolute URI as <c>format: uri</c> requires (RFC 3986).</summary>
    public static bool IsAbsoluteUri(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Internal.ValueRules.IsAbsoluteUri(value);
    }

    /// <summary>Counts Unicode code points (a surrogate pair is one), as JSON Schema measures length.</summary>
    public static int CountCodePoints(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Internal.ValueRules.CountCodePoints(value);
    }

    /// <summary>Formats a number the way JSON writes it.</summary>
    public static string FormatNumber(double value) => Internal.ValueRules.FormatNumber(value);

    /// <summary>
    /// Formats a string as a JSON literal, shortened for messages. Letters of any script stay as typed
    /// (<c>"chat été.png"</c>); quotes, control and invisible formatting characters are escaped, so a message
    /// cannot be spoofed by what it quotes.
    /// </summary>
    public static string FormatString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var shown = value.Length > MaxShownStringLength ? value[..MaxShownStringLength] + "…" : value;
        var text = new StringBuilder(shown.Length + 2).Append('"');
        for (var i = 0; i < shown.Length; i++)
        {
            var c = shown[i];
            if (char.IsHighSurrogate(c) && i + 1 < shown.Length && char.IsLowSurrogate(shown[i + 1]))
            {
                var low = shown[++i];
                text.Append(IsVisible(CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(c, low))) ? $"{c}{low}" : $"{Escape(c)}{Escape(low)}");
                continue;
            }

            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                default:
                    text.Append(IsVisible(char.GetUnicodeCategory(c)) ? c.ToString() : Escape(c));
                    break;
            }
        }

        return text.Append('"').ToString();
    }

    // Control, invisible formatting (U+202E), separators, lone surrogates, private and unassigned: escaped.
    private static bool IsVisible(UnicodeCategory category) => category is not (UnicodeCategory.Control or UnicodeCategory.Format
        or UnicodeCategory.Surrogate or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
        or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse);

    private static string Escape(char c) => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
}
