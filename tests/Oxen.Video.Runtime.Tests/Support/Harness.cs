using Oxen.Video;
using Oxen.Video.Testing;

namespace Oxen.Video.Runtime.Tests;

/// <summary>One emulator, clients with tiny delays, captured logs and a scratch folder; one per test.</summary>
internal sealed class Harness : IAsyncDisposable
{
    /// <summary>The key every test uses; no exception, log line or download request may ever contain it.</summary>
    public const string ApiKey = "oxk_test_SECRET_9f2c1e7d5b3a";

    private readonly List<OxenClient> _clients = [];

    private Harness(OxenHubEmulator hub, string folder)
    {
        Hub = hub;
        Folder = folder;
    }

    public OxenHubEmulator Hub { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    public string Folder { get; }

    public OxenClient Client => _clients[0];

    public static async Task<Harness> StartAsync(Action<OxenHubEmulatorOptions>? hub = null, Action<OxenClientOptions>? client = null)
    {
        var hubOptions = new OxenHubEmulatorOptions
        {
            ApiKey = ApiKey,
            QueuedDelay = TimeSpan.FromMilliseconds(30),
            ProcessingDelay = TimeSpan.FromMilliseconds(100),
            SyncDelay = TimeSpan.FromMilliseconds(50),
            KeepAliveInterval = TimeSpan.FromMilliseconds(200),
        }.AddModel(TestRequest.Kling, TestRequest.KlingSchema, "Kling 2.6 Pro - Text to Video");
        hub?.Invoke(hubOptions);
        var emulator = await OxenHubEmulator.StartAsync(hubOptions).Within();
        var folder = Path.Combine(Path.GetTempPath(), "oxen-runtime-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var harness = new Harness(emulator, folder);
        harness.CreateClient(client);
        return harness;
    }

    /// <summary>Options that make every wait tiny.</summary>
    public OxenClientOptions FastOptions(Action<OxenClientOptions>? configure = null)
    {
        var options = new OxenClientOptions
        {
            ApiKey = ApiKey,
            BaseAddress = Hub.BaseAddress,
            RequestTimeout = TimeSpan.FromSeconds(5),
            SyncTimeout = TimeSpan.FromSeconds(10),
            DownloadTimeout = TimeSpan.FromSeconds(10),
            MaxRetries = 4,
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
            MaxRetryDelay = TimeSpan.FromMilliseconds(300),
            PollInitialInterval = TimeSpan.FromMilliseconds(20),
            PollMaxInterval = TimeSpan.FromMilliseconds(100),
            PollBackoffFactor = 1.5,
            SseReconnectDelay = TimeSpan.FromMilliseconds(20),
            SseMaxReconnectDelay = TimeSpan.FromMilliseconds(200),
            SseIdleTimeout = TimeSpan.FromSeconds(5),
        };
        configure?.Invoke(options);
        return options;
    }

    public OxenClient CreateClient(Action<OxenClientOptions>? configure = null, HttpMessageHandler? handler = null)
    {
        var options = FastOptions(configure);
        var logger = Logs.CreateLogger<OxenClient>();
        var client = handler is null
            ? new OxenClient(options, logger)
            : new OxenClient(new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan }, options, logger);
        _clients.Add(client);
        return client;
    }

    public string PathFor(string name) => Path.Combine(Folder, name);

    /// <summary>Saves the video and checks the file holds exactly the emulator's MP4.</summary>
    public async Task<string> SaveAndCheckAsync(OxenVideo video, string name = "out.mp4")
    {
        var path = PathFor(name);
        await video.SaveAsync(path).Within();
        Assert.Equal(Hub.Video.ToArray(), await File.ReadAllBytesAsync(path));
        Assert.Equal("ftyp", System.Text.Encoding.ASCII.GetString(Hub.Video.Span.Slice(4, 4)));
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await Hub.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
