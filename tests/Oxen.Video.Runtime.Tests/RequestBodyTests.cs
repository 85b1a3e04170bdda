using System.Text.Json;
using Oxen.Video;
using Oxen.Video.Validation;

namespace Oxen.Video.Runtime.Tests;

/// <summary>Platform parameters are written straight into the body, the request's own JSON kept byte for byte.</summary>
public sealed class RequestBodyTests
{
    [Fact]
    public void Platform_parameters_are_appended_to_the_request_body()
    {
        var request = new TestRequest(TestRequest.Kling, "a \"fox\"", 5)
            .WithResponseFormat(OxenResponseFormat.Base64Json)
            .WithTargetNamespace("me/videos");

        Assert.Equal(
            """{"model":"kling-video-v2-6-pro-text-to-video","prompt":"a \u0022fox\u0022","duration":5,"target_namespace":"me/videos","response_format":"b64_json"}""",
            request.ToJson());
    }

    [Fact]
    public void The_outer_platform_parameter_wins_and_a_request_that_writes_one_itself_loses_its_copy()
    {
        var request = new OwnFormatRequest()
            .WithResponseFormat(OxenResponseFormat.Base64Json)
            .WithResponseFormat(OxenResponseFormat.Url);

        using var body = JsonDocument.Parse(request.ToJson());

        Assert.Equal("url", body.RootElement.GetProperty("response_format").GetString());
        Assert.Equal(1, body.RootElement.EnumerateObject().Count(p => p.NameEquals("response_format")));
        Assert.Equal("own", body.RootElement.GetProperty("model").GetString());
        Assert.Equal(3, body.RootElement.EnumerateObject().Count());
    }

    [Fact]
    public async Task The_hub_receives_the_platform_parameters()
    {
        await using var h = await Harness.StartAsync();
        var request = new TestRequest(TestRequest.Kling, "a fox", 5).WithResponseFormat(OxenResponseFormat.Base64Json);

        var video = await h.Client.GenerateVideoAsync(request, OxenGenerationMode.Sync).Within();

        Assert.NotNull(video.Bytes);
        Assert.Null(request.ModelInfo);
    }

    /// <summary>Writes <c>response_format</c> and leaves out <c>model</c>, as a careless hand-written request might.</summary>
    private sealed class OwnFormatRequest : IOxenRequest
    {
        public string ModelId => "own";

        public OxenValidationResult Validate() => OxenValidationResult.Success;

        public void WriteTo(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WriteString("response_format", "mine");
            writer.WriteString("prompt", "x");
            writer.WriteEndObject();
        }
    }
}
