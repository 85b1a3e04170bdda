using Oxen.Video;

namespace Oxen.Video.Runtime.Tests;

public sealed class OperationTests
{
    private static TestRequest Fox => new(TestRequest.Kling, "a fox", 5);

    [Fact]
    public async Task GetOperation_rebuilds_an_operation_from_a_saved_id()
    {
        await using var h = await Harness.StartAsync();
        var first = h.CreateClient();
        var id = (await first.EnqueueAsync(Fox).Within())[0].Id;
        first.Dispose();

        var operation = h.Client.GetOperation(id);
        Assert.Equal(OxenGenerationStatus.Unknown, operation.Status);
        Assert.Null(operation.LastSnapshot);
        Assert.False(operation.HasCompleted);
        var video = await operation.WaitForCompletionAsync().Within();

        await h.SaveAndCheckAsync(video);
        Assert.Equal(id, video.GenerationId);
        Assert.True(operation.HasCompleted);
        var snapshot = operation.LastSnapshot!;
        Assert.Equal(OxenGenerationStatus.Succeeded, snapshot.Status);
        Assert.Equal(TestRequest.Kling, snapshot.ModelName);
        Assert.Equal("a fox", snapshot.Prompt);
        Assert.NotNull(snapshot.EnqueuedAt);
        Assert.NotNull(snapshot.StartedAt);
        Assert.NotNull(snapshot.CompletedAt);
        Assert.Equal(5, snapshot.Json.GetProperty("duration").GetInt32());
        Assert.Equal(1, h.Hub.Counters.EnqueuedGenerations);
    }

    [Fact]
    public async Task UpdateStatusAsync_follows_the_generation()
    {
        await using var h = await Harness.StartAsync();
        var operation = (await h.Client.EnqueueAsync(Fox).Within())[0];
        Assert.Equal(OxenGenerationStatus.Queued, operation.Status);

        await Wait.UntilAsync(() => h.Hub.GetStatus(operation.Id) == "succeeded");
        var snapshot = await operation.UpdateStatusAsync().Within();

        Assert.Equal(OxenGenerationStatus.Succeeded, snapshot.Status);
        Assert.Same(snapshot, operation.LastSnapshot);
        Assert.NotNull(snapshot.ResultUrl);
        Assert.Null(snapshot.ErrorMessage);
    }

    [Fact]
    public async Task CancelAsync_sends_delete_and_waiting_ends_as_cancelled()
    {
        await using var h = await Harness.StartAsync(hub: o => o.ProcessingDelay = TimeSpan.FromSeconds(5));
        var operation = (await h.Client.EnqueueAsync(Fox).Within())[0];

        await operation.CancelAsync().Within();
        var error = await Assert.ThrowsAsync<OxenGenerationFailedException>(() => operation.WaitForCompletionAsync().Within());

        Assert.Equal(1, h.Hub.Counters.Requests("DELETE", "/api/ai/queue/*"));
        Assert.Equal(OxenGenerationStatus.Cancelled, operation.Status);
        Assert.Equal(OxenGenerationStatus.Cancelled, error.Status);
        Assert.Equal(operation.Id, error.Id);
        Assert.Equal("cancelled", h.Hub.GetStatus(operation.Id));
    }

    [Fact]
    public async Task A_cancellation_token_stops_polling_without_cancelling_the_job()
    {
        await using var h = await Harness.StartAsync(hub: o => o.ProcessingDelay = TimeSpan.FromMilliseconds(500));
        var progress = new RecordingProgress();
        using var cts = new CancellationTokenSource();

        var task = h.Client.GenerateVideoAsync(Fox, OxenGenerationMode.Queue, progress, cts.Token);
        await Wait.UntilAsync(() => progress.GenerationId is not null);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task.Within());
        await Wait.UntilAsync(() => h.Hub.GetStatus(progress.GenerationId!) == "succeeded");
        Assert.Equal(0, h.Hub.Counters.Requests("DELETE", "*"));
    }

    [Fact]
    public async Task A_failed_generation_surfaces_its_error_message()
    {
        await using var h = await Harness.StartAsync();
        h.Hub.Faults.FailPromptsContaining("FAIL", "Content policy violation");

        var error = await Assert.ThrowsAsync<OxenGenerationFailedException>(
            () => h.Client.GenerateVideoAsync(new TestRequest(TestRequest.Kling, "please FAIL", 5)).Within());

        Assert.Equal(OxenGenerationStatus.Failed, error.Status);
        Assert.Equal("Content policy violation", error.ErrorMessage);
        Assert.Equal(1, h.Hub.Counters.EnqueuedGenerations);
    }

    [Fact]
    public async Task A_value_only_the_server_rejects_fails_the_job_naming_the_field()
    {
        await using var h = await Harness.StartAsync();
        var request = new TestRequest(TestRequest.Kling, "a fox", 7) { SkipLocalValidation = true };

        var error = await Assert.ThrowsAsync<OxenGenerationFailedException>(() => h.Client.GenerateVideoAsync(request).Within());

        Assert.Contains("duration", error.ErrorMessage);
    }

    [Fact]
    public async Task EnqueueAsync_makes_several_generations_from_one_request()
    {
        await using var h = await Harness.StartAsync();

        var operations = await h.Client.EnqueueAsync(Fox, numGenerations: 3).Within();
        var videos = await Task.WhenAll(operations.Select(o => o.WaitForCompletionAsync())).Within();

        Assert.Equal(3, operations.Select(o => o.Id).Distinct().Count());
        Assert.Equal(3, h.Hub.Counters.EnqueuedGenerations);
        Assert.Equal(1, h.Hub.Counters.Requests("POST", "/api/ai/queue"));
        await h.SaveAndCheckAsync(videos[2]);
        var listed = await h.Client.ListGenerationsAsync(OxenGenerationStatus.Succeeded, TestRequest.Kling, "video").Within();
        Assert.Equal(3, listed.Count);
        Assert.Equal(operations.Select(o => o.Id).Order(), listed.Generations.Select(g => g.GenerationId).Order());
        var active = await h.Client.ListGenerationsAsync().Within();
        Assert.Equal(0, active.Count);
    }
}
