using System.Text.Json;
using Oxen.Video;
using Oxen.Video.Validation;

namespace Oxen.Video.Runtime.Tests;

/// <summary>
/// A hand-written stand-in for a generated request type (the generator's output arrives later): swapping
/// <c>new TestRequest(TestRequest.Kling, prompt, 5)</c> for the generated Kling request with the same values is
/// all a test needs.
/// </summary>
internal sealed class TestRequest(string modelId, string? prompt, int? duration = null) : IOxenRequest
{
    public const string Kling = "kling-video-v2-6-pro-text-to-video";

    /// <summary>The schema the emulator serves for <see cref="Kling"/>: a tiny slice of the real one.</summary>
    public const string KlingSchema = """
        {"type": "object", "title": "Input", "required": ["prompt"],
         "properties": {
           "prompt": {"type": "string", "maxLength": 2500, "x-order": 0},
           "duration": {"type": "integer", "enum": [5, 10], "default": 5, "x-order": 1},
           "aspect_ratio": {"type": "string", "enum": ["16:9", "9:16", "1:1"], "default": "16:9", "x-order": 2}
         }}
        """;

    public string ModelId { get; } = modelId;

    public string? Prompt { get; } = prompt;

    public int? Duration { get; } = duration;

    public string? AspectRatio { get; init; }

    /// <summary>Lets a test send a value only the server rejects (as Oxen does, when the job runs).</summary>
    public bool SkipLocalValidation { get; init; }

    public OxenValidationResult Validate()
    {
        if (SkipLocalValidation)
        {
            return OxenValidationResult.Success;
        }

        var errors = new List<OxenValidationError>();
        OxenValidator.Required(errors, "prompt", Prompt);
        if (Duration is { } d && d is not (5 or 10))
        {
            OxenValidator.NotAllowed(errors, "duration", d.ToString(System.Globalization.CultureInfo.InvariantCulture), "5, 10");
        }

        return errors.Count == 0 ? OxenValidationResult.Success : new OxenValidationResult(errors);
    }

    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("model", ModelId);
        if (Prompt is not null)
        {
            writer.WriteString("prompt", Prompt);
        }

        if (Duration is { } duration)
        {
            writer.WriteNumber("duration", duration);
        }

        if (AspectRatio is not null)
        {
            writer.WriteString("aspect_ratio", AspectRatio);
        }

        writer.WriteEndObject();
    }
}
