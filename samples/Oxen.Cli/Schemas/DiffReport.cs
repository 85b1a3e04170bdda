using System.Text.Json.Serialization;

namespace Oxen.Cli.Schemas;

/// <summary>What <c>oxen schemas diff --json</c> writes: one object for CI, every model with its changes.</summary>
internal sealed record DiffReport(IReadOnlyList<ModelDiff> Models, DiffSummary Summary, int ExitCode)
{
    public static DiffReport Of(IReadOnlyList<(string Id, List<SchemaChange> Changes)> models)
    {
        var all = models.SelectMany(m => m.Changes).ToList();
        var summary = new DiffSummary(
            models.Count,
            all.Count(c => c.Class == ChangeClass.Breaking),
            all.Count(c => c.Class == ChangeClass.Behavior),
            all.Count(c => c.Class == ChangeClass.Additive),
            all.Count(c => c.Class == ChangeClass.Cosmetic));
        var diffs = models.Select(m => new ModelDiff(m.Id, [.. m.Changes.Select(ChangeJson.Of)])).ToList();
        return new DiffReport(diffs, summary, ExitCodeOf(all));
    }

    /// <summary>4 when any change is breaking, 5 when behavior or additive ones remain, else 0.</summary>
    public static int ExitCodeOf(IEnumerable<SchemaChange> changes)
    {
        var worst = changes.Select(c => c.Class).DefaultIfEmpty(ChangeClass.Cosmetic).Max();
        return worst switch
        {
            ChangeClass.Breaking => ExitCodes.SchemaFindings,
            ChangeClass.Behavior or ChangeClass.Additive => ExitCodes.SchemaChanges,
            _ => ExitCodes.Done,
        };
    }
}

/// <summary>One model's changes, in the order the text output lists them.</summary>
internal sealed record ModelDiff(string Id, IReadOnlyList<ChangeJson> Changes);

/// <summary>One change; its class is <c>breaking</c>, <c>behavior</c>, <c>additive</c> or <c>cosmetic</c>.</summary>
internal sealed record ChangeJson(string Path, string Class, string Description, string? Before, string? After)
{
    public static ChangeJson Of(SchemaChange change) =>
        new(change.Path, change.Class.ToString().ToLowerInvariant(), change.Description, change.Before, change.After);
}

/// <summary>How many models were compared, and how many changes of each class they had.</summary>
internal sealed record DiffSummary(int Models, int Breaking, int Behavior, int Additive, int Cosmetic);

/// <summary>Source-generated, so <c>--json</c> needs no reflection (the CLI stays trimmable, AOT-friendly).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(DiffReport))]
internal sealed partial class SchemaDiffJsonContext : JsonSerializerContext;
