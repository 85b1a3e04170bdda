namespace Oxen.Cli.Schemas;

/// <summary>
/// How much a change matters to code written against the cached schema, least first (a summary counts each; the
/// exit code follows the worst).
/// </summary>
internal enum ChangeClass
{
    /// <summary>Title, description, order, or the same values written another way: nothing accepted moves.</summary>
    Cosmetic,

    /// <summary>Accepts more: a value or property that was rejected is now allowed.</summary>
    Additive,

    /// <summary>Accepts the same, but a request that leaves the value out gets another one (a default).</summary>
    Behavior,

    /// <summary>Accepts less or changes a type: a valid request may now be rejected or stop compiling.</summary>
    Breaking,
}

/// <summary>One difference between a cached schema and the live one.</summary>
/// <param name="Class">How much it matters (see <see cref="ChangeClass"/>).</param>
/// <param name="Path">Where, e.g. <c>duration</c> or <c>elements[].image_url</c>; empty for the request.</param>
/// <param name="Description">What changed, e.g. <c>enum member 10 removed</c>.</param>
/// <param name="Before">The cached side in short (<c>5..20</c>, <c>"a"</c>), or null when it had none.</param>
/// <param name="After">The live side in short, or null when it has none.</param>
internal sealed record SchemaChange(
    ChangeClass Class,
    string Path,
    string Description,
    string? Before = null,
    string? After = null)
{
    public bool IsBreaking => Class == ChangeClass.Breaking;

    /// <summary>The class as a word, lower case except BREAKING, which should stand out in a log.</summary>
    public string Label => Class switch
    {
        ChangeClass.Breaking => "BREAKING",
        ChangeClass.Behavior => "behavior",
        ChangeClass.Additive => "additive",
        _ => "cosmetic",
    };

    public override string ToString() => $"{Label}  {Path}: {Description}";
}
