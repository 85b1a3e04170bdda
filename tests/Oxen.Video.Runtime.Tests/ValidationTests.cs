using Oxen.Video;
using Oxen.Video.Validation;

namespace Oxen.Video.Runtime.Tests;

public sealed class ValidationTests
{
    [Theory]
    [InlineData(OxenGenerationMode.Sync)]
    [InlineData(OxenGenerationMode.Queue)]
    [InlineData(OxenGenerationMode.Sse)]
    public async Task An_invalid_request_sends_nothing(OxenGenerationMode mode)
    {
        await using var h = await Harness.StartAsync();
        var invalid = new TestRequest(TestRequest.Kling, prompt: null, duration: 7);

        var error = await Assert.ThrowsAsync<OxenValidationException>(() => h.Client.GenerateVideoAsync(invalid, mode).Within());

        Assert.Equal(TestRequest.Kling, error.ModelId);
        Assert.Equal(["prompt", "duration"], error.Errors.Select(e => e.Path));
        Assert.Equal(0, h.Hub.Counters.ApiRequests);
        Assert.Equal(0, h.Hub.Counters.EventStreamConnections);
    }

    [Fact]
    public async Task An_invalid_enqueue_sends_nothing()
    {
        await using var h = await Harness.StartAsync();

        await Assert.ThrowsAsync<OxenValidationException>(() => h.Client.EnqueueAsync(new TestRequest(TestRequest.Kling, null, 5)).Within());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => h.Client.EnqueueAsync(new TestRequest(TestRequest.Kling, "a fox", 5), 0).Within());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => h.Client.EnqueueAsync(new TestRequest(TestRequest.Kling, "a fox", 5), 13).Within());

        Assert.Equal(0, h.Hub.Counters.ApiRequests);
    }

    [Fact]
    public async Task The_sync_endpoint_rejects_a_bad_body_with_the_first_error_shape()
    {
        await using var h = await Harness.StartAsync();
        var request = new TestRequest(TestRequest.Kling, "a fox", 7) { SkipLocalValidation = true };

        var error = await Assert.ThrowsAsync<OxenApiException>(() => h.Client.GenerateVideoAsync(request, OxenGenerationMode.Sync).Within());

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("invalid_params", error.ErrorType);
        Assert.Contains("duration", error.ErrorMessage);
    }
}
