using System.Text.Json;
using Oxen.Video.Validation;

namespace Oxen.Video.LoadTests;

/// <summary>
/// A hand-written stand-in for a generated request (a copy of the runtime tests' <c>TestRequest</c>, trimmed):
/// the load figures do not depend on the request type, only on one small JSON body per enqueue.
/// </summary>
internal sealed class LoadRequest(string prompt, int duration) : IOxenRequest
{
    public const string ApiKey = "oxk_loadtest_7c1f0e";

    public const string Model = "kling-video-v2-6-pro-text-to-video";

    /// <summary>The schema the emulator serves (and checks each job against): a slice of Kling 2.6 Pro's.</summary>
    public const string Schema = """
        {"type": "object", "title": "Input", "required": ["prompt"],
         "properties": {
           "prompt": {"type": "string", "maxLength": 2500, "x-order": 0},
           "duration": {"type": "integer", "enum": [5, 10], "default": 5, "x-order": 1}
         }}
        """;

    public string ModelId => Model;

    public string Prompt { get; } = prompt;

    public int Duration { get; } = duration;

    public OxenValidationResult Validate()
    {
        var errors = new List<OxenValidationError>();
        OxenValidator.Required(errors, "prompt", Prompt);
        return errors.Count == 0 ? OxenValidationResult.Success : new OxenValidationResult(errors);
    }

    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("model", Model);
        writer.WriteString("prompt", Prompt);
        writer.WriteNumber("duration", Duration);
        writer.WriteEndObject();
    }
}
