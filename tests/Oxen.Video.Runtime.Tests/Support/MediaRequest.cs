using System.Text.Json;
using Oxen.Video;
using Oxen.Video.Models;
using Oxen.Video.Serialization;
using Oxen.Video.Validation;

namespace Oxen.Video.Runtime.Tests;

/// <summary>
/// A hand-written stand-in for a generated request with media: one media field (<c>input_image</c> by default, or
/// another name and kind) and one media list (<c>input_images</c>), checked and written as generated code does.
/// </summary>
internal sealed class MediaRequest(string field = "input_image", OxenMediaKind kind = OxenMediaKind.Image)
    : IOxenRequest
{
    public const string Model = "kling-video-v2-6-pro-image-to-video";

    private static readonly OxenJsonProperty PromptProperty = new("prompt");
    private static readonly OxenJsonProperty ItemsProperty = new("input_images");

    private readonly OxenJsonProperty _mediaProperty = new(field);

    public string ModelId => Model;

    public OxenModelInfo? ModelInfo { get; init; }

    public string Prompt { get; init; } = "a cat walks";

    public OxenMedia? Media { get; init; }

    public IReadOnlyList<OxenMedia?>? Items { get; init; }

    /// <summary>Run at the start of every write: lets a test change a file between Validate() and the send.</summary>
    public Action? BeforeWrite { get; set; }

    public OxenValidationResult Validate()
    {
        var errors = new List<OxenValidationError>();
        OxenValidator.Media(errors, field, Media, kind);
        OxenValidator.MediaItems(errors, "input_images", Items, OxenMediaKind.Image, maxItems: 4);
        return errors.Count == 0 ? OxenValidationResult.Success : new OxenValidationResult(errors);
    }

    public void WriteTo(Utf8JsonWriter writer)
    {
        BeforeWrite?.Invoke();
        writer.WriteStartObject();
        writer.WriteString("model", Model);
        writer.WriteString(PromptProperty.Encoded, Prompt);
        OxenJson.WriteIfSet(writer, _mediaProperty, Media);
        OxenJson.WriteIfSet(writer, ItemsProperty, Items);
        writer.WriteEndObject();
    }
}
