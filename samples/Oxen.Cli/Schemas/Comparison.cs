using Oxen.Video.Schemas.Specs;

namespace Oxen.Cli.Schemas;

/// <summary>One walk over a cached and a live request spec, adding each difference, classed, to a list.</summary>
internal sealed partial class Comparison(ModelSpec before, ModelSpec after, List<SchemaChange> changes)
{
    public void CompareObject(ObjectSpec cached, ObjectSpec live, string path)
    {
        var oldProperties = cached.Properties.ToDictionary(p => p.JsonName, StringComparer.Ordinal);
        var newProperties = live.Properties.ToDictionary(p => p.JsonName, StringComparer.Ordinal);
        foreach (var property in cached.Properties)
        {
            var at = path + property.JsonName;
            if (!newProperties.TryGetValue(property.JsonName, out var current))
            {
                Add(ChangeClass.Breaking, at, "property removed", SchemaDiff.KindOf(before, property.Type));
                continue;
            }

            CompareProperty(property, current, at);
        }

        foreach (var added in live.Properties.Where(p => !oldProperties.ContainsKey(p.JsonName)))
        {
            var kind = SchemaDiff.KindOf(after, added.Type);
            changes.Add(added.IsRequired
                ? new(ChangeClass.Breaking, path + added.JsonName, "required property added", null, kind)
                : new(ChangeClass.Additive, path + added.JsonName, "optional property added", null, kind));
        }

        // Added properties are reported above; a missing key gives null, which matches neither pattern.
        foreach (var property in live.Properties.Where(p => p.IsRequired
            && oldProperties.GetValueOrDefault(p.JsonName) is { IsRequired: false }))
        {
            Add(ChangeClass.Breaking, path + property.JsonName, "became required", "optional", "required");
        }

        foreach (var property in cached.Properties.Where(p => p.IsRequired
            && newProperties.GetValueOrDefault(p.JsonName) is { IsRequired: false }))
        {
            Add(ChangeClass.Additive, path + property.JsonName, "no longer required", "required", "optional");
        }

        CompareShape(cached, live, path);
    }

    /// <summary>Closed or open to unknown properties, and the order the kept properties are declared in.</summary>
    private void CompareShape(ObjectSpec cached, ObjectSpec live, string path)
    {
        var at = path.TrimEnd('.');
        if (cached.IsClosed != live.IsClosed)
        {
            changes.Add(live.IsClosed
                ? new(ChangeClass.Breaking, at, "unknown properties are now rejected (additionalProperties: false)",
                    "open", "closed")
                : new(ChangeClass.Additive, at, "unknown properties are now allowed", "closed", "open"));
        }

        var kept = live.Properties.Select(p => p.JsonName).ToHashSet(StringComparer.Ordinal);
        var oldOrder = cached.Properties.Select(p => p.JsonName).Where(kept.Contains).ToList();
        var stayed = oldOrder.ToHashSet(StringComparer.Ordinal);
        var newOrder = live.Properties.Select(p => p.JsonName).Where(stayed.Contains).ToList();
        if (!oldOrder.SequenceEqual(newOrder, StringComparer.Ordinal))
        {
            var (was, now) = (string.Join(", ", oldOrder), string.Join(", ", newOrder));
            Add(ChangeClass.Cosmetic, at, "property order changed", was, now);
        }
    }

    private void CompareProperty(PropertySpec cached, PropertySpec live, string path)
    {
        CompareType(cached.Type, live.Type, path);
        if (!SameDefault(cached.Default, live.Default))
        {
            var (was, now) = (cached.Default?.Json, live.Default?.Json);
            var what = $"default changed from {SchemaDiff.Shorten(was)} to {SchemaDiff.Shorten(now)}";
            Add(ChangeClass.Behavior, path, what, was, now);
        }

        Annotation("description", cached.Description, live.Description, path);
        Annotation("title", cached.Title, live.Title, path);
    }

    /// <summary>Defaults by meaning: <c>1</c> and <c>1.0</c> are one default.</summary>
    private static bool SameDefault(DefaultSpec? cached, DefaultSpec? live) =>
        string.Equals(cached?.Json, live?.Json, StringComparison.Ordinal)
        || (cached?.Number is { } a && live?.Number is { } b && a == b);

    private void Annotation(string name, string? oldText, string? newText, string path)
    {
        if (!string.Equals(oldText, newText, StringComparison.Ordinal))
        {
            var what = $"{name} changed from {SchemaDiff.Shorten(oldText)} to {SchemaDiff.Shorten(newText)}";
            Add(ChangeClass.Cosmetic, path, what, oldText, newText);
        }
    }

    private void Add(ChangeClass @class, string path, string description, string? was = null, string? now = null) =>
        changes.Add(new(@class, path, description, was, now));
}
