namespace Oxen.Video.Validation;

/// <summary>One value that breaks a model's schema.</summary>
/// <param name="Path">The JSON path of the value in the request body, e.g. <c>cfg_scale</c> or <c>elements[0].frontal_image_url</c>.</param>
/// <param name="Value">The offending value as JSON text (<c>null</c> when a required value is missing).</param>
/// <param name="Message">What is wrong and what is allowed.</param>
public sealed record OxenValidationError(string Path, string? Value, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Message}";
}
