using System.Diagnostics;
using System.Globalization;
using Oxen.Video.Testing;

namespace Oxen.Video.LoadTests;

/// <summary>
/// The child process: the hub emulator and the tapping proxy in front of it, driven over stdin/stdout by
/// <see cref="EmulatorProcess"/>. Keeping the emulator out of the measuring process keeps its allocations, GCs and
/// threads out of the client's figures.
/// </summary>
/// <remarks>
/// Commands, one per line: <c>PING</c> (answers <c>PONG &lt;Stopwatch timestamp&gt;</c>), <c>STATS</c> (answers
/// <c>STAT name value</c> lines, then <c>COMPLETION id timestamp</c> lines, then <c>END</c>), <c>QUIT</c>. It also
/// ends when stdin closes (the parent died) or after <c>--max-lifetime-s</c>.
/// </remarks>
internal static class EmulatorHost
{
    public const string Switch = "--emulator";

    public static async Task<int> RunAsync(string[] args)
    {
        var settings = EmulatorSettings.Parse(args);
        await WarmUpAsync();
        await using var hub = await OxenHubEmulator.StartAsync(Options(settings.QueuedDelay, settings.ProcessingDelay, settings.KeepAliveInterval));
        await using var proxy = TappingProxy.Start(hub.BaseAddress);
        var output = Console.Out;
        output.WriteLine(FormattableString.Invariant($"READY {proxy.BaseAddress} {Stopwatch.Frequency} {Environment.ProcessId}"));

        using var lifetime = new CancellationTokenSource(settings.MaxLifetime);
        while (true)
        {
            string? line;
            try
            {
                line = await Console.In.ReadLineAsync().WaitAsync(lifetime.Token);
            }
            catch (OperationCanceledException)
            {
                await Console.Error.WriteLineAsync($"emulator: stopping after its maximum lifetime ({settings.MaxLifetime}).");
                return 2;
            }

            switch (line)
            {
                case null or "QUIT":
                    return 0;
                case "PING":
                    output.WriteLine(FormattableString.Invariant($"PONG {Stopwatch.GetTimestamp()}"));
                    break;
                case "STATS":
                    WriteStats(output, hub, proxy);
                    break;
                default:
                    output.WriteLine($"ERROR unknown command {line}");
                    break;
            }
        }
    }

    /// <summary>
    /// Runs the emulator's and the relay's code paths once in this process (a fresh process serves its first
    /// requests with cold code), against a throwaway emulator instance, so the measured one starts warm and with
    /// its counters at zero.
    /// </summary>
    private static async Task WarmUpAsync()
    {
        await using var hub = await OxenHubEmulator.StartAsync(Options(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(40), TimeSpan.FromSeconds(15)));
        await using var proxy = TappingProxy.Start(hub.BaseAddress);
        var request = new LoadRequest("warm-up", 5);
        for (var round = 0; round < 2; round++)
        {
            using var client = new OxenClient(new OxenClientOptions
            {
                ApiKey = LoadRequest.ApiKey,
                BaseAddress = proxy.BaseAddress,
                TimeProvider = new AcceleratedTimeProvider(100),
            });
            var sse = new Task<OxenVideo>[200];
            for (var i = 0; i < sse.Length; i++)
            {
                sse[i] = client.GenerateVideoAsync(request, OxenGenerationMode.Sse);
            }

            var queue = new Task<OxenVideo>[100];
            for (var i = 0; i < queue.Length; i++)
            {
                queue[i] = client.GenerateVideoAsync(request, OxenGenerationMode.Queue);
            }

            await Task.WhenAll(sse.Concat(queue)).WaitAsync(TimeSpan.FromSeconds(60));
            _ = await client.ListGenerationsAsync(OxenGenerationStatus.Succeeded);
        }
    }

    private static OxenHubEmulatorOptions Options(TimeSpan queued, TimeSpan processing, TimeSpan keepAlive) => new OxenHubEmulatorOptions
    {
        ApiKey = LoadRequest.ApiKey,
        QueuedDelay = queued,
        ProcessingDelay = processing,
        KeepAliveInterval = keepAlive,
    }.AddModel(LoadRequest.Model, LoadRequest.Schema, "Kling 2.6 Pro - Text to Video");

    private static void WriteStats(TextWriter output, OxenHubEmulator hub, TappingProxy proxy)
    {
        var counters = hub.Counters;
        void Stat(string name, long value) => output.WriteLine(FormattableString.Invariant($"STAT {name} {value}"));
        Stat("api_requests", counters.ApiRequests);
        Stat("enqueued_generations", counters.EnqueuedGenerations);
        Stat("post_queue", counters.Requests("POST", "/api/ai/queue"));
        Stat("get_generation", counters.Requests("GET", "/api/ai/queue/*"));
        Stat("list_queue", counters.Requests("GET", "/api/ai/queue"));
        Stat("get_events", counters.Requests("GET", "/api/events"));
        Stat("event_stream_connections", counters.EventStreamConnections);
        Stat("active_event_streams", counters.ActiveEventStreams);
        Stat("downloads", counters.Downloads);
        Stat("proxy_connections", proxy.Connections);
        foreach (var (id, timestamp) in proxy.Completions)
        {
            output.WriteLine(FormattableString.Invariant($"COMPLETION {id} {timestamp}"));
        }

        output.WriteLine("END");
    }
}

/// <summary>The emulator's timings, passed to the child on its command line.</summary>
internal sealed record EmulatorSettings(TimeSpan QueuedDelay, TimeSpan ProcessingDelay, TimeSpan KeepAliveInterval, TimeSpan MaxLifetime)
{
    public IEnumerable<string> ToArguments() =>
    [
        "--queued-ms", Ms(QueuedDelay),
        "--processing-ms", Ms(ProcessingDelay),
        "--keepalive-ms", Ms(KeepAliveInterval),
        "--max-lifetime-s", ((long)MaxLifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture),
    ];

    public static EmulatorSettings Parse(string[] args)
    {
        string Value(string name)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : throw new ArgumentException($"{name} is required.");
        }

        TimeSpan Millis(string name) => TimeSpan.FromMilliseconds(double.Parse(Value(name), CultureInfo.InvariantCulture));
        return new EmulatorSettings(
            Millis("--queued-ms"),
            Millis("--processing-ms"),
            Millis("--keepalive-ms"),
            TimeSpan.FromSeconds(double.Parse(Value("--max-lifetime-s"), CultureInfo.InvariantCulture)));
    }

    private static string Ms(TimeSpan value) => value.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture);
}
