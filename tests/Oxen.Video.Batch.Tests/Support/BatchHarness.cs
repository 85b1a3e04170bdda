using Oxen.Video.Testing;

namespace Oxen.Video.Batch.Tests;

/// <summary>One emulator with tiny delays, a scratch folder and batch options that make every wait short.</summary>
internal sealed class BatchHarness : IAsyncDisposable
{
    public const string ApiKey = "oxk_test_BATCH_SECRET_4b1d";

    private BatchHarness(OxenHubEmulator hub, string folder)
    {
        Hub = hub;
        Folder = folder;
    }

    public OxenHubEmulator Hub { get; }

    public string Folder { get; }

    public string Out => Path.Combine(Folder, "out");

    public static async Task<BatchHarness> StartAsync()
    {
        var options = new OxenHubEmulatorOptions
        {
            ApiKey = ApiKey,
            QueuedDelay = TimeSpan.FromMilliseconds(20),
            ProcessingDelay = TimeSpan.FromMilliseconds(60),
            KeepAliveInterval = TimeSpan.FromMilliseconds(200),
        }
        .AddModel(TestModels.Kling, TestModels.Schema, "Kling 2.6 Pro")
        .AddModel(TestModels.Veo, TestModels.Schema, "Veo 3.1 Fast");
        var hub = await OxenHubEmulator.StartAsync(options).WaitAsync(TimeSpan.FromSeconds(30));
        var folder = Path.Combine(Path.GetTempPath(), "oxen-batch-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return new BatchHarness(hub, folder);
    }

    public OxenClientOptions ClientOptions(TimeProvider? time = null) => new()
    {
        ApiKey = ApiKey,
        BaseAddress = Hub.BaseAddress,
        RequestTimeout = TimeSpan.FromSeconds(5),
        DownloadTimeout = TimeSpan.FromSeconds(10),
        MaxRetries = 4,
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        MaxRetryDelay = TimeSpan.FromSeconds(60),
        PollInitialInterval = TimeSpan.FromMilliseconds(20),
        PollMaxInterval = TimeSpan.FromMilliseconds(100),
        SseReconnectDelay = TimeSpan.FromMilliseconds(20),
        SseMaxReconnectDelay = TimeSpan.FromMilliseconds(200),
        SseIdleTimeout = TimeSpan.FromSeconds(5),
        TimeProvider = time ?? TimeProvider.System,
    };

    public OxenBatchOptions Options(Action<OxenBatchOptions>? configure = null, TimeProvider? time = null)
    {
        var options = new OxenBatchOptions
        {
            Client = ClientOptions(time),
            ReconcileSettleTime = TimeSpan.Zero,
        };
        configure?.Invoke(options);
        return options;
    }

    /// <summary>Writes a batch file from lines of JSON text.</summary>
    public string WriteJobs(params string[] lines) => WriteJobs("jobs.jsonl", lines);

    public string WriteJobs(string name, IEnumerable<string> lines)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }

    public BatchPlan Plan(string path, BatchShard? shard = null, BatchCostEstimator? estimator = null) =>
        BatchPlan.Read(path, TestModels.Factory, shard, estimator);

    public async Task<BatchSummary> RunAsync(BatchPlan plan, string? output = null, Action<OxenBatchOptions>? configure = null) =>
        await new OxenBatch(plan, output ?? Out, Options(configure)).RunAsync().WaitAsync(TimeSpan.FromSeconds(60));

    public static string Line(string model, string prompt, string? key = null, int? duration = null) =>
        System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["model"] = model,
            ["prompt"] = prompt,
            ["duration"] = duration,
            ["key"] = key,
        }.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value));

    public async ValueTask DisposeAsync()
    {
        await Hub.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A scratch folder; the OS cleans /tmp.
        }
    }
}

/// <summary>Bounded waits, so a bug fails a test instead of hanging it.</summary>
internal static class Wait
{
    public static async Task UntilAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The condition did not become true in time.");
            }

            await Task.Delay(10);
        }
    }
}
