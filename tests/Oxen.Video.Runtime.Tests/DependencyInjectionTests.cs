using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Oxen.Video;

namespace Oxen.Video.Runtime.Tests;

public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task AddOxenClient_registers_a_working_typed_client_with_options_and_logging()
    {
        await using var h = await Harness.StartAsync();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(h.Logs).SetMinimumLevel(LogLevel.Debug));
        var fast = h.FastOptions();
        services.AddOxenClient(o =>
        {
            o.ApiKey = fast.ApiKey;
            o.BaseAddress = fast.BaseAddress;
            o.PollInitialInterval = fast.PollInitialInterval;
            o.PollMaxInterval = fast.PollMaxInterval;
        });
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<OxenClient>();
        var video = await client.GenerateVideoAsync(new TestRequest(TestRequest.Kling, "a fox", 5)).Within();

        await h.SaveAndCheckAsync(video);
        Assert.Equal(h.Hub.BaseAddress, client.BaseAddress);
        Assert.True(client.HasApiKey);
        Assert.Contains(h.Logs.Lines, l => l.Text.Contains(video.GenerationId!, StringComparison.Ordinal));
        Assert.False(h.Hub.Counters.DownloadOriginSawAuthorization);
    }

    [Fact]
    public async Task Transient_typed_clients_share_one_event_stream_per_hub_and_key()
    {
        await using var h = await Harness.StartAsync(hub: o => o.ProcessingDelay = TimeSpan.FromMilliseconds(300));
        var services = new ServiceCollection();
        var fast = h.FastOptions();
        services.AddOxenClient(o =>
        {
            o.ApiKey = fast.ApiKey;
            o.BaseAddress = fast.BaseAddress;
            o.PollInitialInterval = fast.PollInitialInterval;
            o.PollMaxInterval = fast.PollMaxInterval;
        });
        var provider = services.BuildServiceProvider();
        await using (provider)
        {
            var clients = Enumerable.Range(0, 3).Select(_ => provider.GetRequiredService<OxenClient>()).ToArray();
            Assert.Equal(3, clients.Distinct().Count());

            var videos = await Task.WhenAll(clients.Select(c => c.GenerateVideoAsync(new TestRequest(TestRequest.Kling, "a fox", 5), OxenGenerationMode.Sse))).Within();

            Assert.Equal(3, videos.Select(v => v.GenerationId).Distinct().Count());
            Assert.Equal(1, h.Hub.Counters.EventStreamConnections);
        }

        // The container's dispose stopped the shared stream.
        await Wait.UntilAsync(() => h.Hub.Counters.ActiveEventStreams == 0);
    }
}
