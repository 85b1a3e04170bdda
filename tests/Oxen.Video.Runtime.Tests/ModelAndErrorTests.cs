using System.Net;
using System.Text;
using System.Text.Json;
using Oxen.Video;

namespace Oxen.Video.Runtime.Tests;

public sealed class ModelAndErrorTests
{
    [Fact]
    public async Task GetModelAsync_returns_the_basics_and_the_whole_object()
    {
        await using var h = await Harness.StartAsync();

        var model = await h.Client.GetModelAsync(TestRequest.Kling).Within();

        Assert.Equal(TestRequest.Kling, model.Id);
        Assert.Equal("Kling 2.6 Pro - Text to Video", model.DisplayName);
        Assert.Equal("/videos/generate", model.Endpoint);
        Assert.True(model.IsVideoModel);
        Assert.Equal("integer", model.RequestSchema!.Value.GetProperty("properties").GetProperty("duration").GetProperty("type").GetString());
        Assert.Equal("model", model.Json.GetProperty("object").GetString());
    }

    [Fact]
    public async Task An_unknown_model_is_a_404_with_the_message_shape()
    {
        await using var h = await Harness.StartAsync();

        var error = await Assert.ThrowsAsync<OxenApiException>(() => h.Client.GetModelAsync("bad-model-name").Within());

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("Model not found: bad-model-name", error.ErrorMessage);
        Assert.Null(error.ErrorType);
        Assert.Equal(1, h.Hub.Counters.Requests("GET", "/api/ai/models/*"));
    }

    [Theory]
    [InlineData(OxenGenerationMode.Queue)]
    [InlineData(OxenGenerationMode.Sync)]
    public async Task Generating_with_an_unknown_model_is_a_404_and_creates_nothing(OxenGenerationMode mode)
    {
        await using var h = await Harness.StartAsync();

        var error = await Assert.ThrowsAsync<OxenApiException>(() => h.Client.GenerateVideoAsync(new TestRequest("bad-model-name", "a fox", 5), mode).Within());

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("Model not found: bad-model-name", error.ErrorMessage);
        Assert.Equal(0, h.Hub.Counters.EnqueuedGenerations);
        Assert.Equal(0, h.Hub.Counters.SyncGenerations);
    }

    [Fact]
    public async Task An_unknown_generation_is_a_404_with_the_typed_shape()
    {
        await using var h = await Harness.StartAsync();

        var error = await Assert.ThrowsAsync<OxenApiException>(() => h.Client.GetGenerationAsync("no-such-id").Within());

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("resource_not_found", error.ErrorType);
        Assert.Contains("no-such-id", error.ErrorMessage);
    }

    [Fact]
    public async Task A_wrong_key_is_a_401_unauthenticated()
    {
        await using var h = await Harness.StartAsync();
        var client = h.CreateClient(o => o.ApiKey = "wrong-key");

        var error = await Assert.ThrowsAsync<OxenApiException>(() => client.ListModelsAsync().Within());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("unauthenticated", error.ErrorType);
        Assert.DoesNotContain("wrong-key", error.ToString());
    }

    [Fact]
    public async Task The_emulator_reads_model_objects_evaluation_entries_and_bare_schemas()
    {
        var folder = Directory.CreateTempSubdirectory("oxen-schemas-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "a.json"), $$"""{"id": "model-a", "display_name": "A", "endpoint": "/videos/generate", "request_schema": {{TestRequest.KlingSchema}}}""");
            await File.WriteAllTextAsync(Path.Combine(folder, "b.json"), $$"""{"name": "model-b", "json_request_schema": {{TestRequest.KlingSchema}}}""");
            await File.WriteAllTextAsync(Path.Combine(folder, "model-c.json"), TestRequest.KlingSchema);
            await using var h = await Harness.StartAsync(hub: o => o.SchemaDirectory = folder);

            var models = await h.Client.ListModelsAsync().Within();

            Assert.Equal(["kling-video-v2-6-pro-text-to-video", "model-a", "model-b", "model-c"], models.Select(m => m.Id));
            Assert.All(models, m => Assert.NotNull(m.RequestSchema));
            Assert.All(models, m => Assert.True(m.IsVideoModel));
            var video = await h.Client.GenerateVideoAsync(new TestRequest("model-c", "a fox", 10)).Within();
            await h.SaveAndCheckAsync(video);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_untyped_core_sends_any_request()
    {
        await using var h = await Harness.StartAsync();
        var body = Encoding.UTF8.GetBytes("""{"model": "kling-video-v2-6-pro-text-to-video", "prompt": "raw", "num_generations": 2}""");

        using var answer = await h.Client.SendAsync(HttpMethod.Post, "api/ai/queue", body).Within();

        Assert.Equal(2, answer.RootElement.GetProperty("generations").GetArrayLength());
        Assert.Equal(JsonValueKind.String, answer.RootElement.GetProperty("generations")[0].GetProperty("generation_id").ValueKind);
        Assert.Equal(2, h.Hub.Counters.EnqueuedGenerations);
    }
}
