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
            Add(ChangeClass.Breaking, path, $"type changed from {oldKind} to {newKind}", oldKind, newKind);
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
            // Members are not checked against a format: a format that appears is breaking, as for a plain string.
            CompareFormat(null, l.Format, path);
        }
        else if (newEnum)
        {
            changes.Add(ValueDiff.RangeToEnum(c, oldKind, SchemaDiff.Members(after, live), path));
        }
        else
        {
            var integer = oldKind == "integer";
            var lower = ((c.Minimum, c.ExclusiveMinimum), (l.Minimum, l.ExclusiveMinimum));
            var upper = ((c.Maximum, c.ExclusiveMaximum), (l.Maximum, l.ExclusiveMaximum));
            CompareEdge("minimum", lower.Item1, lower.Item2, lower: true, integer, path);
            CompareEdge("maximum", upper.Item1, upper.Item2, lower: false, integer, path);
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
            var (was, now) = (SchemaDiff.Nested(before, cached.TypeName), SchemaDiff.Nested(after, live.TypeName));
            CompareObject(was, now, path + ".");
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
            var (was, now) = (AcceptedValues.Enum(oldMembers), AcceptedValues.Enum(newMembers));
            Add(ChangeClass.Cosmetic, path, "enum member order changed", was, now);
        }
    }

    /// <summary>
    /// One side of a numeric range. Integers are compared by the least or greatest integer accepted, so
    /// <c>maximum: 10</c> and <c>exclusiveMaximum: 11</c> are the same values (cosmetic).
    /// </summary>
    private void CompareEdge(
        string keyword,
        (double? Value, bool Exclusive) old,
        (double? Value, bool Exclusive) now,
        bool lower,
        bool integer,
        string path)
    {
        if (old == now)
        {
            return;
        }

        var order = Tightness(now.Value, now.Exclusive, lower, integer)
            .CompareTo(Tightness(old.Value, old.Exclusive, lower, integer));
        var @class = order > 0 ? ChangeClass.Breaking : order < 0 ? ChangeClass.Additive : ChangeClass.Cosmetic;
        var (was, @is) = (Bound(old.Value, old.Exclusive, lower), Bound(now.Value, now.Exclusive, lower));
        var same = @class == ChangeClass.Cosmetic ? " (the same integers)" : "";
        Add(@class, path, $"{keyword} changed from {was} to {@is}{same}", was, @is);
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
            var c = lower
                ? ConstraintSpec.None with { Minimum = v, ExclusiveMinimum = exclusive }
                : ConstraintSpec.None with { Maximum = v, ExclusiveMaximum = exclusive };
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
            var what = $"format changed from {oldFormat ?? "none"} to {newFormat ?? "none"}";
            Add(@class, path, what, oldFormat, newFormat);
        }
    }

    private static string Count(int? value) =>
        value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none";

    private static string Bound(double? value, bool exclusive, bool lower) =>
        value is null ? "none" : (exclusive ? (lower ? ">" : "<") : "") + AcceptedValues.Format(value.Value);
}
