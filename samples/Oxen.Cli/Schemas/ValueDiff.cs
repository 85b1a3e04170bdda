using Oxen.Video.Schemas.Specs;

namespace Oxen.Cli.Schemas;

/// <summary>
/// A range (or a plain string) replaced by an enum, or the other way round, judged by the values accepted before
/// and after: losing any is breaking even when members were added, gaining only is additive, neither is cosmetic.
/// </summary>
internal static class ValueDiff
{
    /// <summary>A plain value of <paramref name="kind"/> (integer, number, string) that became an enum.</summary>
    public static SchemaChange RangeToEnum(ConstraintSpec range, string kind, List<Member> members, string path)
    {
        var before = AcceptedValues.Range(range, kind);
        var after = AcceptedValues.Enum(members);
        var keys = members.Select(m => m.Key).ToHashSet(StringComparer.Ordinal);
        var lost = Finite(range, kind)?.Where(m => !keys.Contains(m.Key)).ToList();
        var gained = members.Where(m => !AcceptedValues.Allows(range, m, kind == "integer")).ToList();
        return Classify($"{before} replaced by enum {after}", lost, gained, kind, path, before, after);
    }

    /// <summary>An enum that became a plain value of <paramref name="kind"/> (integer, number, string).</summary>
    public static SchemaChange EnumToRange(List<Member> members, ConstraintSpec range, string kind, string path)
    {
        var before = AcceptedValues.Enum(members);
        var after = AcceptedValues.Range(range, kind);
        var keys = members.Select(m => m.Key).ToHashSet(StringComparer.Ordinal);
        var lost = members.Where(m => !AcceptedValues.Allows(range, m, kind == "integer")).ToList();
        var gained = Finite(range, kind)?.Where(m => !keys.Contains(m.Key)).ToList();
        return Classify($"enum {before} replaced by {after}", lost, gained, kind, path, before, after);
    }

    /// <summary>Lost or gained values: null means more than can be listed (every other value of the kind).</summary>
    private static SchemaChange Classify(
        string what, List<Member>? lost, List<Member>? gained, string kind, string path, string before, string after)
    {
        var parts = new List<string>();
        if (lost is null || lost.Count > 0)
        {
            var values = lost is null ? $"every other {kind} is" : AcceptedValues.List(lost);
            parts.Add($"{values} no longer accepted");
        }

        if (gained is null || gained.Count > 0)
        {
            var values = gained is null ? $"any other {kind} is" : AcceptedValues.List(gained);
            parts.Add($"{values} now accepted");
        }

        var @class = lost is null || lost.Count > 0 ? ChangeClass.Breaking
            : gained is null || gained.Count > 0 ? ChangeClass.Additive
            : ChangeClass.Cosmetic;
        var description = parts.Count == 0 ? what + " (the same values)" : what + ": " + string.Join("; ", parts);
        return new SchemaChange(@class, path, description, before, after);
    }

    /// <summary>Every value a plain range accepts when there are few enough to list; null otherwise.</summary>
    private static List<Member>? Finite(ConstraintSpec range, string kind) => kind switch
    {
        "integer" => AcceptedValues.Integers(range)?.Select(v => AcceptedValues.Of(v)).ToList(),
        // A number range holds infinitely many values unless it is one point.
        "number" when range is { Minimum: { } lo, Maximum: { } hi, ExclusiveMinimum: false, ExclusiveMaximum: false }
            && lo == hi => [new Member(AcceptedValues.Format(lo), lo, null)],
        _ => null,
    };
}
