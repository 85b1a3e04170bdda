using System.Globalization;
using System.Text;
using Oxen.Video.Schemas.Specs;

namespace Oxen.Cli.Schemas;

/// <summary>
/// One enum member by meaning, keyed by how it is shown and compared (<c>10</c>, <c>2.5</c>, <c>"16:9"</c>): numbers
/// as numbers, strings as their text.
/// </summary>
internal sealed record Member(string Key, double? Number, string? Text);

/// <summary>
/// The values one scalar accepts, either as an enum's members or as every value of its kind within its bounds, and
/// which values one such set accepts that another does not. Integers in a finite range are enumerated (up to
/// <see cref="MaxEnumerated"/>), so a range replaced by an enum names exactly the values it lost.
/// </summary>
internal static class AcceptedValues
{
    /// <summary>Ranges wider than this are not listed value by value; the change says how many values moved.</summary>
    public const int MaxEnumerated = 10_000;

    /// <summary>At most this many values are named in one line; the rest are counted.</summary>
    private const int MaxNamed = 20;

    /// <summary>Whether <paramref name="c"/> accepts a value (lengths in code points, as JSON Schema says).</summary>
    public static bool Allows(ConstraintSpec c, Member member, bool integer)
    {
        if (member.Number is { } n)
        {
            return (!integer || Math.Floor(n) == n)
                && (c.Minimum is not { } lo || (c.ExclusiveMinimum ? n > lo : n >= lo))
                && (c.Maximum is not { } hi || (c.ExclusiveMaximum ? n < hi : n <= hi));
        }

        if (member.Text is { } text)
        {
            var length = text.EnumerateRunes().Count();
            return (c.MinLength is not { } min || length >= min) && (c.MaxLength is not { } max || length <= max);
        }

        return true;
    }

    /// <summary>Every integer a range accepts, or null when it is unbounded or too wide to list.</summary>
    public static List<long>? Integers(ConstraintSpec c)
    {
        if (IntegerBounds(c) is not ({ } lo, { } hi) || hi - lo >= MaxEnumerated)
        {
            return null;
        }

        var values = new List<long>();
        for (var value = lo; value <= hi; value++)
        {
            values.Add(value);
        }

        return values;
    }

    /// <summary>The least and greatest integer a range accepts, either null when unbounded on that side.</summary>
    public static (long? Lower, long? Upper) IntegerBounds(ConstraintSpec c)
    {
        long? lower = c.Minimum is { } lo ? (long)(c.ExclusiveMinimum ? Math.Floor(lo) + 1 : Math.Ceiling(lo)) : null;
        long? upper = c.Maximum is { } hi ? (long)(c.ExclusiveMaximum ? Math.Ceiling(hi) - 1 : Math.Floor(hi)) : null;
        return (lower, upper);
    }

    /// <summary>A member for an integer of a range, keyed as enum members are.</summary>
    public static Member Of(long value) => new(Format(value), value, null);

    /// <summary>A range in short: <c>5..20</c>, <c>&gt;0..1</c>, <c>any integer</c>, <c>length 1..500</c>.</summary>
    public static string Range(ConstraintSpec c, string kind)
    {
        if (kind == "string")
        {
            var min = c.MinLength?.ToString(CultureInfo.InvariantCulture);
            var max = c.MaxLength?.ToString(CultureInfo.InvariantCulture);
            return c.HasLength ? $"length {min}..{max}" : "any string";
        }

        if (!c.HasRange)
        {
            return "any " + kind;
        }

        var lower = c.Minimum is { } lo ? (c.ExclusiveMinimum ? ">" : "") + Format(lo) : "";
        var upper = c.Maximum is { } hi ? (c.ExclusiveMaximum ? "<" : "") + Format(hi) : "";
        return $"{lower}..{upper}";
    }

    /// <summary>An enum in short: <c>{5, 6, 10}</c>.</summary>
    public static string Enum(IEnumerable<Member> members) =>
        "{" + string.Join(", ", members.Select(m => m.Key)) + "}";

    /// <summary>Values named up to <see cref="MaxNamed"/>, then counted: <c>11, 13, 14</c>.</summary>
    public static string List(IReadOnlyCollection<Member> members)
    {
        var text = new StringBuilder(string.Join(", ", members.Take(MaxNamed).Select(m => m.Key)));
        if (members.Count > MaxNamed)
        {
            text.Append(CultureInfo.InvariantCulture, $" and {members.Count - MaxNamed} more");
        }

        return text.ToString();
    }

    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
