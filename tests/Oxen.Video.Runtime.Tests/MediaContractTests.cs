using System.Text;
using System.Text.Json;
using Oxen.Video.Serialization;
using Oxen.Video.Validation;

namespace Oxen.Video.Runtime.Tests;

/// <summary>The media value's contract: what each form is, what Validate() says, and how it is written.</summary>
public sealed class MediaContractTests : IDisposable
{
    private static readonly byte[] PngHeader = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    private readonly string _folder = Directory.CreateTempSubdirectory("oxen-media-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("https://example.com/cat.png", true)]
    [InlineData("data:image/png;base64,iVBORw0KGgoAAAAN", true)]
    [InlineData("cat.png", false)]
    [InlineData("./cat.png", false)]
    [InlineData("/tmp/cat.png", false)]
    [InlineData("C:\\cat.png", false)]
    [InlineData("file:///tmp/cat.png", true)]
    public void Typed_text_is_a_url_only_with_a_scheme(string text, bool isUrl)
    {
        var media = OxenMedia.FromPathOrUri(text, _folder);

        Assert.Equal(isUrl ? OxenMediaSource.Url : OxenMediaSource.File, media.Source);
    }

    [Theory]
    [InlineData("file:///tmp/cat.png", "file: URL")]
    [InlineData("ftp://example.com/cat.png", "'ftp'")]
    [InlineData("javascript:alert(1)", "'javascript'")]
    [InlineData("./cat.png", "relative path")]
    [InlineData("data:image/png;base64,", "empty data: URI")]
    [InlineData("data:video/mp4;base64,iVBORw0KGgoAAAAN", "does not fit")]
    [InlineData("data:image/png;base64,!!!!", "does not decode")]
    [InlineData("data:image/png;base64,aGVsbG8gd29ybGQ=", "no format this client knows")]
    public void A_url_the_hub_cannot_read_is_refused_naming_the_field(string url, string expected)
    {
        var errors = new List<OxenValidationError>();

        OxenValidator.Media(errors, "input_image", url, OxenMediaKind.Image);

        var error = Assert.Single(errors);
        Assert.Equal("input_image", error.Path);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_png_named_mp4_is_not_a_video()
    {
        var path = Path.Combine(_folder, "clip with spaces é.mp4");
        File.WriteAllBytes(path, PngHeader);
        var errors = new List<OxenValidationError>();

        OxenValidator.Media(errors, "input_video", OxenMedia.FromFile(path), OxenMediaKind.Video);
        OxenValidator.Media(errors, "input_image", OxenMedia.FromFile(path), OxenMediaKind.Image);

        var error = Assert.Single(errors);
        Assert.Equal("input_video", error.Path);
        Assert.Contains("is named .mp4 but holds image/png", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_empty_and_folder_paths_are_refused()
    {
        var empty = Path.Combine(_folder, "empty.png");
        File.WriteAllBytes(empty, []);
        var errors = new List<OxenValidationError>();

        OxenValidator.Media(errors, "a", OxenMedia.FromFile(Path.Combine(_folder, "missing.png")), OxenMediaKind.Image);
        OxenValidator.Media(errors, "b", OxenMedia.FromFile(empty), OxenMediaKind.Image);
        OxenValidator.Media(errors, "c", OxenMedia.FromFile(_folder), OxenMediaKind.Image);

        Assert.Collection(
            errors,
            e => Assert.Contains("does not exist", e.Message, StringComparison.Ordinal),
            e => Assert.Contains("is empty (0 bytes)", e.Message, StringComparison.Ordinal),
            e => Assert.Contains("is a folder", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Prompt_tokens_must_name_given_items()
    {
        var errors = new List<OxenValidationError>();

        OxenValidator.MediaReferences(errors, "prompt", "@Image1 walks past @image 2 and @Image3", "image {n}", "input_image", 2);

        var error = Assert.Single(errors);
        Assert.Equal("\"@Image3\"", error.Value);
        Assert.Contains("input_image has 2 items; allowed: @Image1 to @Image2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_url_is_written_exactly_and_a_local_media_only_inside_a_send()
    {
        var property = new OxenJsonProperty("input_image");

        Assert.Equal("{\"input_image\":\"https://x/a b.png?sig=1\"}", Write(w => OxenJson.WriteIfSet(w, property, (OxenMedia)"https://x/a b.png?sig=1")));
        var local = OxenMedia.FromBytes(PngHeader);
        var error = Assert.Throws<InvalidOperationException>(() => Write(w => OxenJson.WriteIfSet(w, property, local)));
        Assert.Contains("'input_image' holds a local media", error.Message, StringComparison.Ordinal);
        var sent = string.Empty;
        OxenMediaScopes.Write(_ => "data:image/png;base64,AAAA", () => sent = Write(w => OxenJson.WriteIfSet(w, property, local)));
        Assert.Equal("{\"input_image\":\"data:image/png;base64,AAAA\"}", sent);
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
