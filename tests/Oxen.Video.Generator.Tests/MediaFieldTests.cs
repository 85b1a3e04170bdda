using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Oxen.Video.Generator.Tests.Infrastructure;
using Oxen.Video.Schemas.Parsing;
using Oxen.Video.Schemas.Specs;
using Oxen.Video.Validation;
using Xunit;

namespace Oxen.Video.Generator.Tests;

/// <summary>
/// Which schema strings are media (the one rule in the schema core), and what the generator makes of them: an
/// <see cref="OxenMedia"/> property, checked by kind, with <c>x-media-references</c> checked against the prompt.
/// </summary>
public sealed class MediaFieldTests
{
    private const string Schema = """
        {"type": "object", "required": ["prompt"],
         "x-media-references": {"groups": [{"field": "input_images", "pattern": "image {n}"},
                                           {"field": "input_video", "pattern": "video {n}"}]},
         "properties": {
           "prompt": {"type": "string"},
           "input_image": {"type": "string", "format": "uri"},
           "input_images": {"type": "array", "items": {"type": "string"}, "maxItems": 2},
           "input_video": {"type": "string", "format": "uri"},
           "soundtrack": {"type": "string", "format": "uri", "renderType": "audio-url"},
           "firstFrameImage": {"type": "string", "format": "uri", "default": "https://example.com/f.png"},
           "webhook_url": {"type": "string", "format": "uri"},
           "video_quality": {"type": "string"},
           "image_styles": {"type": "array", "items": {"type": "string", "enum": ["a", "b"]}},
           "input_image_has_face": {"type": "boolean"}
         }}
        """;

    [Fact]
    public void The_schema_core_marks_media_by_format_render_type_and_name_and_nothing_else()
    {
        var model = SchemaParser.Parse("/schemas/media.json", Schema).Model!;
        var kinds = model.Request.Properties.ToDictionary(p => p.JsonName, p => p.Type.Media == MediaKind.None ? p.Type.Item?.Media ?? MediaKind.None : p.Type.Media);

        Assert.Equal(MediaKind.Image, kinds["input_image"]);
        Assert.Equal(MediaKind.Image, kinds["input_images"]);
        Assert.True(model.Request.Properties.Single(p => p.JsonName == "input_images").Type.IsMediaList);
        Assert.Equal(MediaKind.Video, kinds["input_video"]);
        Assert.Equal(MediaKind.Audio, kinds["soundtrack"]);
        Assert.Equal(MediaKind.Image, kinds["firstFrameImage"]);
        Assert.Equal(MediaKind.None, kinds["webhook_url"]);
        Assert.Equal(MediaKind.None, kinds["video_quality"]);
        Assert.Equal(MediaKind.None, kinds["image_styles"]);
        Assert.Equal(MediaKind.None, kinds["input_image_has_face"]);
        Assert.Equal(
            [new MediaReferenceSpec("input_images", "image {n}"), new MediaReferenceSpec("input_video", "video {n}")],
            model.Request.MediaReferences.ToList());
    }

    [Theory]
    [InlineData("{\"groups\": [{\"field\": \"video_quality\", \"pattern\": \"image {n}\"}]}")]
    [InlineData("{\"groups\": [{\"field\": \"input_image\", \"pattern\": \"image\"}]}")]
    [InlineData("{\"groups\": [{\"field\": \"missing\", \"pattern\": \"image {n}\"}]}")]
    [InlineData("[\"input_image\"]")]
    public void A_media_reference_group_that_cannot_be_checked_is_reported_and_left_out(string references)
    {
        var schema = "{\"type\": \"object\", \"x-media-references\": " + references + ", \"properties\": {\"prompt\": {\"type\": \"string\"}, "
            + "\"input_image\": {\"type\": \"string\", \"format\": \"uri\"}, \"video_quality\": {\"type\": \"string\"}}}";

        var result = SchemaParser.Parse("/schemas/bad-references.json", schema);

        Assert.Empty(result.Model!.Request.MediaReferences);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("OXEN007", diagnostic.Rule.Id);
        Assert.Contains("x-media-references", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Media_references_without_a_string_prompt_are_reported_and_left_out()
    {
        const string schema = "{\"type\": \"object\", \"x-media-references\": {\"groups\": [{\"field\": \"input_image\", "
            + "\"pattern\": \"image {n}\"}]}, \"properties\": {\"text\": {\"type\": \"string\"}, "
            + "\"input_image\": {\"type\": \"string\", \"format\": \"uri\"}}}";

        var result = SchemaParser.Parse("/schemas/no-prompt.json", schema);

        Assert.Empty(result.Model!.Request.MediaReferences);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("OXEN007", diagnostic.Rule.Id);
        Assert.Contains("string property 'prompt'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Empty(GeneratorRunner.Run("no-prompt.json", schema).CompilerErrors);
    }

    [Fact]
    public void Generated_media_properties_take_urls_and_files_and_check_kinds_and_prompt_tokens()
    {
        var outcome = GeneratorRunner.Run("media.json", Schema);
        Assert.Empty(outcome.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Empty(outcome.CompilerErrors);
        var type = Load(outcome.Compilation).GetType("Oxen.Video.Models.MediaRequest", throwOnError: true)!;
        Assert.Equal(typeof(OxenMedia), type.GetProperty("InputImage")!.PropertyType);
        Assert.Equal(typeof(IReadOnlyList<OxenMedia>), type.GetProperty("InputImages")!.PropertyType);
        Assert.Equal(typeof(string), type.GetProperty("WebhookUrl")!.PropertyType);
        var defaults = type.GetNestedType("Defaults")!;
        Assert.Equal("https://example.com/f.png", defaults.GetField("FirstFrameImage")!.GetValue(null));

        var folder = Directory.CreateTempSubdirectory("oxen-media-gen").FullName;
        try
        {
            var png = Path.Combine(folder, "cat.png");
            File.WriteAllBytes(png, [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]);
            var request = (IOxenRequest)Activator.CreateInstance(type)!;
            Set(request, "Prompt", "@Image1 walks, then @Image3 runs in @Video1");
            Set(request, "InputImage", OxenMedia.FromFile(png));
            Set(request, "InputImages", new List<OxenMedia> { OxenMedia.FromFile(png), "https://example.com/b.png" });
            Set(request, "InputVideo", OxenMedia.FromFile(png));
            Set(request, "Soundtrack", (OxenMedia)"file:///tmp/song.mp3");

            var errors = request.Validate().Errors.ToDictionary(e => e.Path, e => e.Message);

            Assert.Equal(["input_video", "soundtrack", "prompt"], errors.Keys);
            Assert.Contains("holds image/png", errors["input_video"], StringComparison.Ordinal);
            Assert.Contains("file: URL", errors["soundtrack"], StringComparison.Ordinal);
            Assert.Contains("\"@Image3\" refers to item 3 of input_images, but input_images has 2 items; allowed: @Image1 to @Image2", errors["prompt"], StringComparison.Ordinal);

            // A local file becomes a URL only when the client sends the request: writing it before then is an error, not a path on the wire.
            Set(request, "InputVideo", null);
            Set(request, "Soundtrack", null);
            var write = Assert.Throws<InvalidOperationException>(() => Oxen.Video.Serialization.OxenJson.Serialize(request));
            Assert.Contains("'input_image' holds a local media", write.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_parsed_body_keeps_urls_exact_and_reads_paths_only_when_asked()
    {
        var outcome = GeneratorRunner.Run("media.json", Schema);
        var type = Load(outcome.Compilation).GetType("Oxen.Video.Models.MediaRequest", throwOnError: true)!;
        var info = (Oxen.Video.Models.OxenModelInfo)type.GetProperty("ModelInfo")!.GetValue(null)!;
        const string body = """{"model":"media","prompt":"p","input_image":"https://example.com/a%20b.png?x=1","input_images":["cat.png","data:image/png;base64,iVBORw0KGgo="]}""";

        var asUrls = info.ParseRequest(System.Text.Encoding.UTF8.GetBytes(body));
        Assert.Equal(body, Oxen.Video.Serialization.OxenJson.Serialize(asUrls));
        Assert.Contains(asUrls.Validate().Errors, e => e.Path == "input_images[0]" && e.Message.Contains("relative path", StringComparison.Ordinal));

        var withPaths = info.ParseRequest(System.Text.Encoding.UTF8.GetBytes(body), new Oxen.Video.Models.OxenParseOptions { MediaBaseDirectory = "/work/in" });
        var images = (IReadOnlyList<OxenMedia>)type.GetProperty("InputImages")!.GetValue(withPaths)!;
        Assert.Equal(Path.GetFullPath("/work/in/cat.png"), images[0].FilePath);
        Assert.Equal(OxenMediaSource.Url, images[1].Source);
        Assert.Equal(OxenMediaKind.Image, info.Parameters.Single(p => p.Name == "input_images").MediaKind);
        Assert.Null(info.Parameters.Single(p => p.Name == "webhook_url").MediaKind);
    }

    private static void Set(object target, string property, object? value) => target.GetType().GetProperty(property)!.SetValue(target, value);

    private static Assembly Load(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        stream.Position = 0;
        return new AssemblyLoadContext("media-fields", isCollectible: true).LoadFromStream(stream);
    }
}
