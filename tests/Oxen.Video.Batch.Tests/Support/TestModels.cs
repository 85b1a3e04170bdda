using System.Globalization;
using System.Text.Json;
using Oxen.Video.Models;
using Oxen.Video.Validation;

namespace Oxen.Video.Batch.Tests;

/// <summary>
/// Two models the way the generated registry describes them: <see cref="OxenModelInfo"/> with a parser, over a
/// hand-written request type (this project does not run the generator). The emulator serves the same schemas.
/// </summary>
internal static class TestModels
{
    public const string Kling = "kling-video-v2-6-pro-text-to-video";
    public const string Veo = "veo-3-1-fast";

    public const string Schema = """
        {"type": "object", "title": "Input", "required": ["prompt"],
         "properties": {
           "prompt": {"type": "string", "maxLength": 2500},
           "duration": {"type": "integer", "enum": [5, 10], "default": 5},
           "aspect_ratio": {"type": "string", "enum": ["16:9", "9:16", "1:1"], "default": "16:9"}
         }}
        """;

    public static IReadOnlyList<OxenModelInfo> All { get; } = [Info(Kling), Info(Veo)];

    public static BatchRequestFactory Factory { get; } = BatchRequests.FromModels(All);

    private static OxenModelInfo Info(string id) =>
        new(id, id, null, "/videos/generate", typeof(TestRequest), [], json => TestRequest.Parse(id, json));
}

/// <summary>A stand-in for a generated request: parse, validate and write like one.</summary>
internal sealed class TestRequest : IOxenRequest
{
    public required string ModelId { get; init; }

    public string? Prompt { get; init; }

    public int? Duration { get; init; }

    public string? AspectRatio { get; init; }

    public static TestRequest Parse(string model, ReadOnlySpan<byte> json)
    {
        using var document = JsonDocument.Parse(json.ToArray());
        string? prompt = null, aspect = null;
        int? duration = null;
        foreach (var property in document.RootElement.EnumerateObject())
        {
            switch (property.Name)
            {
                case "model":
                    break;
                case "prompt":
                    prompt = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : throw new JsonException("The value must be a string.", "$.prompt", null, null);
                    break;
                case "duration":
                    duration = property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetInt32(out var d) ? d : throw new JsonException("The value must be an integer.", "$.duration", null, null);
                    break;
                case "aspect_ratio":
                    aspect = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : throw new JsonException("The value must be a string.", "$.aspect_ratio", null, null);
                    break;
                default:
                    throw new JsonException($"'{property.Name}' is not a parameter of {model}.", "$." + property.Name, null, null);
            }
        }

        return new TestRequest { ModelId = model, Prompt = prompt, Duration = duration, AspectRatio = aspect };
    }

    public OxenValidationResult Validate()
    {
        var errors = new List<OxenValidationError>();
        OxenValidator.Required(errors, "prompt", Prompt);
        if (Duration is { } d && d is not (5 or 10))
        {
            OxenValidator.NotAllowed(errors, "duration", d.ToString(CultureInfo.InvariantCulture), "5, 10");
        }

        if (AspectRatio is { } a && a is not ("16:9" or "9:16" or "1:1"))
        {
            OxenValidator.NotAllowed(errors, "aspect_ratio", OxenValidator.FormatString(a), "\"16:9\", \"9:16\", \"1:1\"");
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

        if (Duration is { } d)
        {
            writer.WriteNumber("duration", d);
        }

        if (AspectRatio is not null)
        {
            writer.WriteString("aspect_ratio", AspectRatio);
        }

        writer.WriteEndObject();
    }
}
