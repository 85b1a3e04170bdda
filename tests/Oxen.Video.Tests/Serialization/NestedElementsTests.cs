using System.Text.Json;
using Oxen.Video.Models;

namespace Oxen.Video.Tests.Serialization;

/// <summary>Kling O1 <c>elements</c>: an array of objects, written as nested objects and validated item by item.</summary>
public sealed class NestedElementsTests
{
    private const string Expected = """
        {"model":"kling-video-o1-reference-to-video","prompt":"@Element1 meets @Element2","input_image":["https://example.com/in.png"],"elements":[{"frontal_image_url":"https://example.com/f1.png","reference_image_urls":["https://example.com/r1.png","https://example.com/r2.png"]},{"frontal_image_url":"https://example.com/f2.png"}]}
        """;

    [Fact]
    public void Elements_are_written_as_nested_objects_with_only_set_keys()
    {
        var request = new KlingVideoO1ReferenceToVideoRequest
        {
            Prompt = "@Element1 meets @Element2",
            InputImage = ["https://example.com/in.png"],
            Elements =
            [
                new() { FrontalImageUrl = "https://example.com/f1.png", ReferenceImageUrls = ["https://example.com/r1.png", "https://example.com/r2.png"] },
                new() { FrontalImageUrl = "https://example.com/f2.png" },
            ],
        };

        Assert.True(request.Validate().IsValid, request.Validate().ToString());
        Assert.Equal(Expected, request.ToJson());
        Assert.Equal(Expected, KlingVideoO1ReferenceToVideoRequest.Parse(Expected).ToJson());
    }

    [Fact]
    public void A_bad_url_in_the_second_element_is_reported_at_its_path()
    {
        var body = Expected.Replace("https://example.com/f2.png", "f2.png", StringComparison.Ordinal);

        var error = Assert.Single(KlingVideoO1ReferenceToVideoRequest.Parse(body).Validate().Errors);

        Assert.Equal("elements[1].frontal_image_url", error.Path);
        Assert.Contains("f2.png", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_url_set_in_code_is_reported_at_its_path_for_nested_arrays_too()
    {
        var notAUri = AtRunTime("example.com/r.png");
        var request = KlingVideoO1ReferenceToVideoRequest.Parse(Expected);
        request.Elements![0].ReferenceImageUrls = ["https://example.com/r1.png", notAUri];
        request.Elements[1].FrontalImageUrl = notAUri;

        var paths = request.Validate().Errors.Select(e => e.Path);

        Assert.Equal(["elements[0].reference_image_urls[1]", "elements[1].frontal_image_url"], paths);
    }

    // Not a constant: the OXEN104 analyzer refuses constant non-URIs at compile time, Validate() catches the rest.
    private static string AtRunTime(string value) => value;

    [Fact]
    public void A_null_element_and_a_missing_nested_required_key_are_reported()
    {
        var request = KlingVideoO1ReferenceToVideoRequest.Parse(Expected);
        request.Elements = [request.Elements![0], null!];
        Assert.Equal("elements[1]", Assert.Single(request.Validate().Errors).Path);

        var missing = Expected.Replace("{\"frontal_image_url\":\"https://example.com/f2.png\"}", "{}", StringComparison.Ordinal);
        var error = Assert.Throws<JsonException>(() => KlingVideoO1ReferenceToVideoRequest.Parse(missing));
        Assert.Contains("frontal_image_url", error.Message, StringComparison.Ordinal);
    }
}
