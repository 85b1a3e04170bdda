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
}
