using System.Text;
using System.Text.Json;
using Oxen.Video;

namespace Oxen.Video.Runtime.Tests;

/// <summary>Both run-time readers of model objects tell the shapes apart through the schema core.</summary>
public sealed class SchemaShapeTests
{
    private const string TextSchemaEntry = """
        {"name": "text-schema-model",
         "json_request_schema": "{\"type\": \"object\", \"required\": [\"prompt\"], \"properties\": {\"prompt\": {\"type\": \"string\", \"maxLength\": 10}}}"}
        """;

    [Fact]
    public async Task The_emulator_validates_a_json_request_schema_given_as_json_text()
    {
        await using var h = await Harness.StartAsync(hub: o => o.Models.Add(TextSchemaEntry));

        var missing = await Assert.ThrowsAsync<OxenApiException>(() => h.Client.SendAsync(HttpMethod.Post, "api/ai/videos/generate", Encoding.UTF8.GetBytes("""{"model": "text-schema-model"}""")).Within());
        var tooLong = await Assert.ThrowsAsync<OxenApiException>(() => h.Client.SendAsync(HttpMethod.Post, "api/ai/videos/generate", Encoding.UTF8.GetBytes("""{"model": "text-schema-model", "prompt": "far too long a prompt"}""")).Within());
        using var ok = await h.Client.SendAsync(HttpMethod.Post, "api/ai/videos/generate", Encoding.UTF8.GetBytes("""{"model": "text-schema-model", "prompt": "a fox"}""")).Within();

        Assert.Equal(400, (int)missing.StatusCode);
        Assert.Contains("prompt", missing.Message, StringComparison.Ordinal);
        Assert.Equal(400, (int)tooLong.StatusCode);
        Assert.Contains("prompt", tooLong.Message, StringComparison.Ordinal);
        Assert.True(ok.RootElement.TryGetProperty("videos", out _));
        var model = await h.Client.GetModelAsync("text-schema-model").Within();
        Assert.Equal(JsonValueKind.Object, model.RequestSchema!.Value.ValueKind);
        Assert.Equal(10, model.RequestSchema.Value.GetProperty("properties").GetProperty("prompt").GetProperty("maxLength").GetInt32());
    }

    [Fact]
    public void OxenModel_reads_the_schema_in_every_shape()
    {
        using var text = JsonDocument.Parse(TextSchemaEntry);
        using var object_ = JsonDocument.Parse("""{"id": "m", "request_schema": {"type": "object", "properties": {"prompt": {"type": "string"}}}}""");
        using var broken = JsonDocument.Parse("""{"name": "m", "json_request_schema": "{not json"}""");
        using var none = JsonDocument.Parse("""{"id": "m", "display_name": "M"}""");

        Assert.Equal("text-schema-model", OxenModel.FromJson(text.RootElement).Id);
        Assert.Equal(10, OxenModel.FromJson(text.RootElement).RequestSchema!.Value.GetProperty("properties").GetProperty("prompt").GetProperty("maxLength").GetInt32());
        Assert.Equal("string", OxenModel.FromJson(object_.RootElement).RequestSchema!.Value.GetProperty("properties").GetProperty("prompt").GetProperty("type").GetString());
        Assert.Null(OxenModel.FromJson(broken.RootElement).RequestSchema);
        Assert.Null(OxenModel.FromJson(none.RootElement).RequestSchema);
    }
}
