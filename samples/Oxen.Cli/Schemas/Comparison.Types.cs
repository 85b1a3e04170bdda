using Oxen.Video.Schemas.Specs;

namespace Oxen.Cli.Schemas;

internal sealed partial class Comparison
{
    private void CompareType(TypeSpec cached, TypeSpec live, string path)
    {
        var oldKind = SchemaDiff.KindOf(before, cached);
        var newKind = SchemaDiff.KindOf(after, live);
        var oldEnum = cached.Kind == ValueKind.Enum;
        var newEnum = live.Kind == ValueKind.Enum;
        // An integer-valued enum on a number replaces a range of numbers: compare the values, not the names.
        var numeric = oldKind is "integer" or "number" && newKind is "integer" or "number" && oldEnum != newEnum;
        if (oldKind != newKind && !numeric)
        {
            changes.Add(new(ChangeClass.Breaking, path, $"type changed from {oldKind} to {newKind}", oldKind, newKind));
            return;
        }

        CompareNull(cached, live, path);
        var (c, l) = (cached.Constraints, live.Constraints);
        if (oldEnum && newEnum)
        {
            CompareEnum(cached, live, path);
        }
        else if (oldEnum)
        {
            changes.Add(ValueDiff.EnumToRange(SchemaDiff.Members(before, cached), l, newKind, path));
        }
        else if (newEnum)
        {
            changes.Add(ValueDiff.RangeToEnum(c, oldKind, SchemaDiff.Members(after, live), path));
        }
        else
        {
            CompareEdge("minimum", c.Minimum, c.ExclusiveMinimum, l.Minimum, l.ExclusiveMinimum, lower: true, oldKind, path);
            CompareEdge("maximum", c.Maximum, c.ExclusiveMaximum, l.Maximum, l.ExclusiveMaximum, lower: false, oldKind, path);
            CompareCount("minLength", c.MinLength, l.MinLength, lower: true, path);
            CompareCount("maxLength", c.MaxLength, l.MaxLength, lower: false, path);
            CompareFormat(c.Format, l.Format, path);
        }

        CompareCount("minItems", c.MinItems, l.MinItems, lower: true, path);
        CompareCount("maxItems", c.MaxItems, l.MaxItems, lower: false, path);
        if (cached.Item is { } oldItem && live.Item is { } newItem)
        {
            CompareType(oldItem, newItem, path + "[]");
        }

        if (cached.Kind == ValueKind.Object && cached.TypeName is not null && live.TypeName is not null)
        {
            CompareObject(SchemaDiff.Nested(before, cached.TypeName), SchemaDiff.Nested(after, live.TypeName), path + ".");
        }
    }

    private void CompareNull(TypeSpec cached, TypeSpec live, string path)
    {
        if (cached.IsNullable != live.IsNullable)
        {
            changes.Add(live.IsNullable
                ? new(ChangeClass.Additive, path, "null is now accepted", "not null", "null")
                : new(ChangeClass.Breaking, path, "null is no longer accepted", "null", "not null"));
        }
    }

    private void CompareEnum(TypeSpec cached, TypeSpec live, string path)
    {
        var oldMembers = SchemaDiff.Members(before, cached);
        var newMembers = SchemaDiff.Members(after, live);
        var oldKeys = oldMembers.Select(m => m.Key).ToHashSet(StringComparer.Ordinal);
        var newKeys = newMembers.Select(m => m.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var removed in oldMembers.Where(m => !newKeys.Contains(m.Key)))
        {
            changes.Add(new(ChangeClass.Breaking, path, $"enum member {removed.Key} removed", removed.Key));
        }

        foreach (var added in newMembers.Where(m => !oldKeys.Contains(m.Key)))
        {
            changes.Add(new(ChangeClass.Additive, path, $"enum member {added.Key} added", null, added.Key));
        }

        var oldOrder = oldMembers.Where(m => newKeys.Contains(m.Key)).Select(m => m.Key);
        var newOrder = newMembers.Where(m => oldKeys.Contains(m.Key)).Select(m => m.Key).ToList();
        if (!oldOrder.SequenceEqual(newOrder, StringComparer.Ordinal))
        {
            changes.Add(new(ChangeClass.Cosmetic, path, "enum member order changed", AcceptedValues.Enum(oldMembers), AcceptedValues.Enum(newMembers)));
        }
    }

    /// <summary>
    /// One side of a numeric range. Integers are compared by the least or greatest integer accepted, so
    /// <c>maximum: 10</c> and <c>exclusiveMaximum: 11</c> are the same values (cosmetic).
    /// </summary>
    private void CompareEdge(string keyword, double? oldValue, bool oldExclusive, double? newValue, bool newExclusive, bool lower, string kind, string path)
    {
        if (oldValue == newValue && oldExclusive == newExclusive)
        {
            return;
        }

        var integer = kind == "integer";
        var order = Tightness(newValue, newExclusive, lower, integer).CompareTo(Tightness(oldValue, oldExclusive, lower, integer));
        var @class = order > 0 ? ChangeClass.Breaking : order < 0 ? ChangeClass.Additive : ChangeClass.Cosmetic;
        var (was, now) = (Bound(oldValue, oldExclusive, lower), Bound(newValue, newExclusive, lower));
        var same = @class == ChangeClass.Cosmetic ? $" (the same {kind}s)" : "";
        changes.Add(new(@class, path, $"{keyword} changed from {was} to {now}{same}", was, now));
    }

    /// <summary>How much a bound rejects, as a number that grows as it narrows; no bound rejects nothing.</summary>
    private static (double Value, int Exclusive) Tightness(double? value, bool exclusive, bool lower, bool integer)
    {
        if (value is not { } v)
        {
            return (double.NegativeInfinity, 0);
        }

        if (integer)
        {
            var c = new ConstraintSpec(lower ? v : null, lower ? null : v, exclusive, exclusive, null, null, null, null, null);
            var (least, greatest) = AcceptedValues.IntegerBounds(c);
            return lower ? (least!.Value, 0) : (-greatest!.Value, 0);
        }

        return (lower ? v : -v, exclusive ? 1 : 0);
    }

    /// <summary>A length or item count; a missing minimum is 0, a missing maximum no limit.</summary>
    private void CompareCount(string keyword, int? oldValue, int? newValue, bool lower, string path)
    {
        var (was, now) = lower ? (oldValue ?? 0, newValue ?? 0) : (oldValue ?? int.MaxValue, newValue ?? int.MaxValue);
        if (oldValue == newValue)
        {
            return;
        }

        var narrowed = lower ? now > was : now < was;
        var @class = was == now ? ChangeClass.Cosmetic : narrowed ? ChangeClass.Breaking : ChangeClass.Additive;
        var (oldText, newText) = (Count(oldValue), Count(newValue));
        changes.Add(new(@class, path, $"{keyword} changed from {oldText} to {newText}", oldText, newText));
    }

    private void CompareFormat(string? oldFormat, string? newFormat, string path)
    {
        if (oldFormat != newFormat)
        {
            // Any format rejects some strings that no format accepts; dropping one accepts them.
            var @class = newFormat is not null ? ChangeClass.Breaking : ChangeClass.Additive;
            changes.Add(new(@class, path, $"format changed from {oldFormat ?? "none"} to {newFormat ?? "none"}", oldFormat, newFormat));
        }
    }

    private static string Count(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none";

    private static string Bound(double? value, bool exclusive, bool lower) =>
        value is null ? "none" : (exclusive ? (lower ? ">" : "<") : "") + AcceptedValues.Format(value.Value);
}
