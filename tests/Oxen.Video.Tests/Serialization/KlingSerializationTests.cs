using System.Text.Json;
using Oxen.Video.Models;

namespace Oxen.Video.Tests.Serialization;

/// <summary>The wire form of Kling 2.6 Pro, the model whose full docs page the schema follows verbatim.</summary>
public sealed class KlingSerializationTests
{
    private const string Model = "\"model\":\"kling-video-v2-6-pro-text-to-video\"";

    [Fact]
    public void Only_set_properties_are_written_and_defaults_are_not_sent()
    {
        var request = new KlingVideoV26ProTextToVideoRequest { Prompt = "a fox in the snow" };

        Assert.Equal($$"""{{{Model}},"prompt":"a fox in the snow"}""", request.ToJson());
        Assert.Equal(request.ToJson(), JsonSerializer.Serialize(request));
    }

    [Fact]
    public void Every_property_is_written_with_the_schema_json_type()
    {
        var request = new KlingVideoV26ProTextToVideoRequest
        {
            Prompt = "a fox",
            NegativePrompt = "blur",
            AspectRatio = KlingVideoV26ProTextToVideoAspectRatio.Ratio9x16,
            Duration = KlingVideoV26ProTextToVideoDuration.Seconds5,
            GenerateAudio = true,
            CfgScale = 0.25,
        };
        const string Expected = $$"""{{{Model}},"prompt":"a fox","negative_prompt":"blur","aspect_ratio":"9:16","duration":5,"generate_audio":true,"cfg_scale":0.25}""";

        Assert.Equal(Expected, request.ToJson());
        Assert.Equal(Expected, JsonSerializer.Serialize(request));
        // The wire names are the schema's: a naming policy or indentation setting does not change them.
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
        Assert.Equal(Expected, JsonSerializer.Serialize(request, options));
    }

    [Fact]
    public void A_deserialized_request_round_trips()
    {
        // Keys in another order, and a key the schema does not know (the queue echoes extra fields).
        const string Body = """{"duration":10,"cfg_scale":7.5,"model":"kling-video-v2-6-pro-text-to-video","aspect_ratio":"1:1","prompt":"a fox","status":"queued"}""";

        var parsed = JsonSerializer.Deserialize<KlingVideoV26ProTextToVideoRequest>(Body)!;

        Assert.Equal("a fox", parsed.Prompt);
        Assert.Equal(KlingVideoV26ProTextToVideoDuration.Seconds10, parsed.Duration);
        Assert.Equal(KlingVideoV26ProTextToVideoAspectRatio.Ratio1x1, parsed.AspectRatio);
        Assert.Equal(7.5, parsed.CfgScale);
        Assert.Null(parsed.NegativePrompt);
        Assert.Null(parsed.GenerateAudio);
        var written = parsed.ToJson();
        Assert.Equal($$"""{{{Model}},"prompt":"a fox","aspect_ratio":"1:1","duration":10,"cfg_scale":7.5}""", written);
        Assert.Equal(written, KlingVideoV26ProTextToVideoRequest.Parse(written).ToJson());
    }

    [Fact]
    public void A_body_for_another_model_is_refused()
    {
        var error = Assert.Throws<JsonException>(() => KlingVideoV26ProTextToVideoRequest.Parse("""{"model":"openai-sora-2-pro","prompt":"a fox"}"""));

        Assert.Contains("openai-sora-2-pro", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_undefined_enum_constant_is_reported_by_Validate_and_never_written()
    {
        // A value from run-time data (a constant would be refused at compile time by the OXEN103 analyzer).
        var seconds = int.Parse("7", System.Globalization.CultureInfo.InvariantCulture);
        var request = new KlingVideoV26ProTextToVideoRequest { Prompt = "a fox", Duration = (KlingVideoV26ProTextToVideoDuration)seconds };

        var error = Assert.Single(request.Validate().Errors);

        Assert.Equal("duration", error.Path);
        Assert.Contains("7", error.Message, StringComparison.Ordinal);
        Assert.Contains("5", error.Message, StringComparison.Ordinal);
        Assert.Contains("10", error.Message, StringComparison.Ordinal);
        Assert.Throws<Oxen.Video.Validation.OxenValidationException>(() => request.EnsureValid());
        Assert.Throws<JsonException>(() => request.ToJson());
    }

    [Fact]
    public void An_out_of_range_number_from_code_is_reported_with_value_and_range()
    {
        var scale = double.Parse("10.5", System.Globalization.CultureInfo.InvariantCulture);
        var request = new KlingVideoV26ProTextToVideoRequest { Prompt = "a fox", CfgScale = scale };

        var error = Assert.Single(request.Validate().Errors);

        Assert.Equal("cfg_scale", error.Path);
        Assert.Equal("10.5", error.Value);
        Assert.Contains("10.5", error.Message, StringComparison.Ordinal);
        Assert.Contains("0", error.Message, StringComparison.Ordinal);
        Assert.Contains("10", error.Message, StringComparison.Ordinal);
    }
}
