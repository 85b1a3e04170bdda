namespace Oxen.Cli.Schemas;

/// <summary>One difference between a cached schema and the live one.</summary>
/// <param name="IsBreaking">Whether code written against the cached schema may stop compiling or start failing.</param>
/// <param name="Path">Where, e.g. <c>duration</c> or <c>elements[].frontal_image_url</c>.</param>
/// <param name="Description">What changed, e.g. <c>enum member 10 removed</c>.</param>
internal sealed record SchemaChange(bool IsBreaking, string Path, string Description)
{
    public override string ToString() => $"{(IsBreaking ? "BREAKING" : "additive")}  {Path}: {Description}";
}
