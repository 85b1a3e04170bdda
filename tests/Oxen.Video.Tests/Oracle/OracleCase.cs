namespace Oxen.Video.Tests.Oracle;

/// <summary>What the generated code must do with a case's body.</summary>
internal enum Expected
{
    /// <summary>Parse accepts it, Validate() finds nothing, ToJson() writes the same body back.</summary>
    Valid,

    /// <summary>Parse throws a JsonException whose message names the field.</summary>
    ParseRejects,

    /// <summary>Parse accepts it; Validate() reports errors, each with the field as its Path.</summary>
    ValidateRejects,

    /// <summary>Either of the two rejections (a range violation may not fit the property's C# type at all).</summary>
    Rejected,
}

/// <summary>One request body for one model, and what both validators must say about it.</summary>
/// <param name="ModelId">The model, e.g. <c>kling-video-v2-6-pro-text-to-video</c>.</param>
/// <param name="Name">What the case does, e.g. <c>invalid: duration = 7 is not in the enum</c>.</param>
/// <param name="Body">The whole request body, <c>{"model": ..., ...}</c>.</param>
/// <param name="Expected">The verdict of the generated code; NJsonSchema must agree (valid or not).</param>
/// <param name="Field">The JSON path the rejection must name (the Path of Validate()'s errors).</param>
/// <param name="MessageMustContain">Text the rejection's message must contain: the value, the bounds, the allowed values.</param>
internal sealed record OracleCase(
    string ModelId,
    string Name,
    string Body,
    Expected Expected,
    string? Field = null,
    IReadOnlyList<string>? MessageMustContain = null)
{
    /// <summary>The name the skip list uses.</summary>
    public string Key => $"{ModelId} | {Name}";

    public override string ToString() => Key;
}
