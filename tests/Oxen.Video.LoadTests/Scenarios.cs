using System.Diagnostics;
using System.Globalization;

namespace Oxen.Video.LoadTests;

/// <summary>The measured runs. Each starts its own emulator child, so its counters start from zero.</summary>
internal static class Scenarios
{
    /// <summary>Oxen's keep-alive period: no comment arrives during the short runs.</summary>
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    private static readonly LoadRequest Request = new("A paper boat drifting down a rain-soaked street at dusk, cinematic", 5);

    /// <summary>
    /// Runs the code paths of every measured run once (JIT, type loading, static caches), against a throwaway
    /// emulator and clients, so the measured runs see steady-state code.
    /// </summary>
    public static async Task WarmUpAsync(RunOptions options, TextWriter output)
    {
        var started = Stopwatch.GetTimestamp();
        await using var hub = await EmulatorProcess.StartAsync(new EmulatorSettings(
            TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100), KeepAlive, options.ChildLifetime));
        for (var round = 0; round < 2; round++)
        {
            var sse = new Wave(200);
            using (var client = new OxenClient(ClientOptions(hub)))
            {
                await sse.StartPacedAsync(client, Request, OxenGenerationMode.Sse, TimeSpan.FromMilliseconds(200));
                await sse.AllEnqueued.WaitAsync(options.StepTimeout);
                await sse.ObserveAllAsync().WaitAsync(options.StepTimeout);
            }

            var queue = new Wave(100);
            using (var client = new OxenClient(ClientOptions(hub, new AcceleratedTimeProvider(100))))
            {
                await queue.StartPacedAsync(client, Request, OxenGenerationMode.Queue, TimeSpan.FromMilliseconds(100));
                await queue.ObserveAllAsync().WaitAsync(options.StepTimeout);
                _ = await client.ListGenerationsAsync(OxenGenerationStatus.Succeeded);
            }
        }

        _ = await hub.PingAsync();
        var stats = await hub.GetStatsAsync();
        _ = GC.GetTotalMemory(forceFullCollection: true);
        output.WriteLine($"warm-up: 600 generations (SSE and queue) against a throwaway emulator (pid {hub.ProcessId}), "
            + $"{stats.Completions.Count} completion events, {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
    }

    /// <summary>
    /// N generations awaited at once over SSE through one client with default options. Gated: every call started
    /// in one loop (what <c>Task.WhenAll(prompts.Select(...))</c> does). The variants (not gated) start them over
    /// <paramref name="window"/>, or give the client an <see cref="HttpClient"/> with
    /// <paramref name="maxConnectionsPerServer"/>, to split the memory figure into its parts.
    /// </summary>
    public static async Task SseAsync(RunOptions options, string label, TimeSpan window, int? maxConnectionsPerServer, bool gated, Findings findings, TextWriter output)
    {
        var queued = TimeSpan.FromSeconds(2);
        var processing = TimeSpan.FromSeconds(1);
        var count = options.Count;
        output.WriteLine();
        output.WriteLine($"[{label}] {count} generations awaited at once through one OxenClient, GenerateVideoAsync(request, OxenGenerationMode.Sse)");
        output.WriteLine(maxConnectionsPerServer is { } cap
            ? $"  client: default OxenClientOptions (only ApiKey and BaseAddress set) over new OxenClient(HttpClient) whose SocketsHttpHandler is the default one's plus MaxConnectionsPerServer = {cap}"
            : "  client: new OxenClient(options) with default OxenClientOptions; only ApiKey and BaseAddress are set (poll 5 s x1.5 to 30 s, safety poll 30 s)");
        output.WriteLine($"  emulator: QueuedDelay {queued.TotalSeconds} s, ProcessingDelay {processing.TotalSeconds} s, keep-alive {KeepAlive.TotalSeconds} s; "
            + (window > TimeSpan.Zero
                ? $"calls started in 100 even batches over {window.TotalSeconds} s, so completions arrive over ~{window.TotalSeconds} s; videos not downloaded"
                : "all calls started in one loop; completions arrive as spread as the enqueue answers were; videos not downloaded"));

        await using var hub = await EmulatorProcess.StartAsync(new EmulatorSettings(queued, processing, KeepAlive, options.ChildLifetime));
        var (roundTrip, consistent) = await hub.PingAsync();
        findings.Require(consistent, "The emulator process's Stopwatch does not read the same clock as this one's.");
        output.WriteLine($"  emulator process pid {hub.ProcessId} at {hub.BaseAddress}; same monotonic clock: {(consistent ? "yes" : "NO")} "
            + $"(PING round trip {roundTrip.TotalMilliseconds:0.00} ms)");

        var wave = new Wave(count);
        using var http = maxConnectionsPerServer is { } max ? CappedHttpClient(max) : null;
        using var client = http is null ? new OxenClient(ClientOptions(hub)) : new OxenClient(http, ClientOptions(hub));
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var start = Stopwatch.GetTimestamp();
        await wave.StartPacedAsync(client, Request, OxenGenerationMode.Sse, window);
        await wave.AllEnqueued.WaitAsync(options.StepTimeout);
        var enqueuedAfter = Stopwatch.GetElapsedTime(start);
        var completedEarly = wave.CountCompleted();
        var pending = GC.GetTotalMemory(forceFullCollection: true);
        var snapshotAt = Stopwatch.GetTimestamp();

        var gen0 = GC.CollectionCount(0);
        var gen1 = GC.CollectionCount(1);
        var gen2 = GC.CollectionCount(2);
        var pause = GC.GetTotalPauseDuration();
        await wave.ObserveAllAsync().WaitAsync(options.StepTimeout);
        var finishedAfter = Stopwatch.GetElapsedTime(start);
        var gcLine = $"gen0 {GC.CollectionCount(0) - gen0}, gen1 {GC.CollectionCount(1) - gen1}, gen2 {GC.CollectionCount(2) - gen2}, "
            + $"pauses {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:0.0} ms";
        var afterAll = GC.GetTotalMemory(forceFullCollection: true);
        var stats = await hub.GetStatsAsync();

        findings.Require(wave.Failures == 0, $"{label}: {wave.Failures} generations failed ({wave.FirstError}).");
        findings.Require(wave.Mismatches == 0, $"{label}: {wave.Mismatches} videos came back with another generation's id.");
        findings.Require(stats["enqueued_generations"] == count, $"{label}: the emulator enqueued {stats["enqueued_generations"]}, not {count}.");
        findings.Require(stats.Completions.Count == count && stats.DuplicateCompletions == 0,
            $"{label}: the proxy saw {stats.Completions.Count} completion events ({stats.DuplicateCompletions} repeated), not {count}.");

        var latencies = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            if (wave.Probes[i].Id is { } id && stats.Completions.TryGetValue(id, out var written) && wave.Resumed[i] != 0)
            {
                latencies.Add(Stopwatch.GetElapsedTime(written, wave.Resumed[i]).TotalMilliseconds);
            }
        }

        var latency = new Distribution(latencies);
        var firstWrite = stats.Completions.Count > 0 ? stats.Completions.Values.Min() : 0;
        var lastWrite = stats.Completions.Count > 0 ? stats.Completions.Values.Max() : 0;
        var allPending = completedEarly == 0 && firstWrite > snapshotAt;
        findings.Require(latency.Count == count, $"{label}: only {latency.Count} of {count} latencies could be paired.");
        findings.Require(latency.Count == 0 || latency.Min > 0, $"{label}: a caller resumed before its completion event was written (clock problem).");
        findings.Require(allPending, $"{label}: not all {count} were pending at the memory snapshot ({completedEarly} done; first event {Stopwatch.GetElapsedTime(snapshotAt, firstWrite).TotalMilliseconds:0} ms after it).");

        var connections = stats["event_stream_connections"];
        var beyond = stats["api_requests"] - stats["post_queue"] - 1;
        var perGeneration = (double)beyond / count;
        var held = pending - before;

        output.WriteLine($"  all {count} enqueue answers read {enqueuedAfter.TotalSeconds:0.00} s after the first call; finished after {finishedAfter.TotalSeconds:0.00} s");
        output.WriteLine($"  at the memory snapshot: {completedEarly} completed; first completion event written {Stopwatch.GetElapsedTime(snapshotAt, firstWrite).TotalMilliseconds:0} ms after it "
            + $"(all {count} pending at once: {(allPending ? "yes" : "NO")})");
        output.WriteLine($"  completion events written over {Stopwatch.GetElapsedTime(firstWrite, lastWrite).TotalSeconds:0.00} s (first to last)");
        output.WriteLine($"  emulator counters: api_requests {stats["api_requests"]}, POST /api/ai/queue {stats["post_queue"]}, GET /api/ai/queue/{{id}} {stats["get_generation"]}, "
            + $"GET /api/ai/queue {stats["list_queue"]}, GET /api/events {stats["get_events"]}, event_stream_connections {connections}, "
            + $"downloads {stats["downloads"]}; client TCP connections to the API origin {stats["proxy_connections"]}");
        output.WriteLine($"  (a) event-stream connections opened: {connections}");
        output.WriteLine($"  (b) API requests beyond the enqueues and the one stream: {beyond} = {perGeneration:0.000} per generation");
        output.WriteLine($"  (c) completion event written (emulator process) -> awaiting caller resumed (client process), n={latency.Count}: "
            + $"p50 {latency.Percentile(50):0.00} ms, p95 {latency.Percentile(95):0.00} ms, p99 {latency.Percentile(99):0.00} ms, max {latency.Max:0.00} ms (min {latency.Min:0.00} ms)");
        output.WriteLine($"      GCs in the client while the events arrived: {gcLine}");
        output.WriteLine($"  (d) GC.GetTotalMemory(true): before {Mb(before)}, all {count} pending {Mb(pending)}: held {Mb(held)} = {held / (double)count / 1024:0.00} KB per generation "
            + $"(includes the stream and the {stats["proxy_connections"]} pooled HTTP connections the enqueues opened)");
        output.WriteLine($"      after all completed (client alive, stream closed): {Mb(afterAll)} ({Mb(afterAll - before)} above the start)");

        var p99 = latency.Percentile(99);
        string Name(char letter, string figure) => gated ? $"({letter}) {label}: {figure}" : $"{label}: {figure}";
        Action<string, string, string, bool> row = gated ? findings.Target : findings.Info;
        row(Name('a', "event-stream connections"), "exactly 1", connections.ToString(CultureInfo.InvariantCulture), connections == 1);
        row(Name('b', "API requests per generation beyond the enqueue"), "<= 1.05", $"{perGeneration:0.000}", perGeneration <= 1.05);
        row(Name('c', "event written -> caller resumed, p99"), "< 50 ms",
            $"{p99:0.00} ms (p50 {latency.Percentile(50):0.00}, p95 {latency.Percentile(95):0.00}, max {latency.Max:0.00})", p99 < 50);
        row(Name('d', $"managed memory held for {count} pending"), "< 5 MB",
            $"{Mb(held)} ({held / (double)count / 1024:0.00} KB each; {stats["proxy_connections"]} TCP connections)", held < 5_000_000);
    }

    /// <summary>
    /// SSE at realistic job lengths (informational): the same wait, with the client's clock and the emulator's
    /// delays both sped up by <see cref="RunOptions.Scale"/>, counts what the safety poll costs.
    /// </summary>
    public static async Task SseLongJobAsync(RunOptions options, TimeSpan job, Findings findings, TextWriter output, bool measureList)
    {
        var count = options.Count;
        var clock = new AcceleratedTimeProvider(options.Scale);
        output.WriteLine();
        output.WriteLine($"[SSE, {job.TotalSeconds:0} s jobs] {count} generations, default options, client clock and emulator delays sped up x{options.Scale}");
        await using var hub = await StartScaledAsync(options, job);
        var wave = new Wave(count);
        using var client = new OxenClient(ClientOptions(hub, clock));
        var start = clock.GetTimestamp();
        await wave.StartPacedAsync(client, Request, OxenGenerationMode.Sse, TimeSpan.FromSeconds(1));
        await wave.AllEnqueued.WaitAsync(options.StepTimeout);
        var enqueuedAfter = clock.GetElapsedTime(start);
        await wave.ObserveAllAsync().WaitAsync(options.StepTimeout);
        var stats = await hub.GetStatsAsync();
        findings.Require(wave.Failures == 0, $"SSE {job.TotalSeconds} s: {wave.Failures} generations failed ({wave.FirstError}).");
        output.WriteLine($"  all {count} enqueue answers read {enqueuedAfter.TotalSeconds:0.0} s (client clock) after the first call "
            + $"({(enqueuedAfter < new OxenClientOptions().PollInitialInterval ? "before" : "AFTER; fewer GETs than the schedule below")} the first safety poll at 5 s)");
        var beyond = stats["api_requests"] - stats["post_queue"] - 1;
        var perGeneration = (double)beyond / count;
        output.WriteLine($"  emulator counters: api_requests {stats["api_requests"]}, POST /api/ai/queue {stats["post_queue"]}, GET /api/ai/queue/{{id}} {stats["get_generation"]}, "
            + $"event_stream_connections {stats["event_stream_connections"]}, completion events {stats.Completions.Count}");
        output.WriteLine($"  API requests per generation beyond the enqueue and the one stream: {perGeneration:0.000} "
            + $"(the safety poll GETs every awaited id {ExpectedSafetyPolls(job)} time(s) in {job.TotalSeconds:0} s: at 5 s, then every 30 s)");
        findings.Info($"SSE, {job.TotalSeconds:0} s jobs (x{options.Scale} clock): API requests per generation beyond the enqueue", "<= 1.05", $"{perGeneration:0.000}", perGeneration <= 1.05);

        if (measureList)
        {
            // Evidence for the recommended change: one list request covers every generation a poll would look up.
            var started = Stopwatch.GetTimestamp();
            var list = await client.ListGenerationsAsync(OxenGenerationStatus.Succeeded);
            output.WriteLine($"  one GET /api/ai/queue?status=succeeded after the run: {list.Generations.Count} generations in one answer, "
                + $"{Stopwatch.GetElapsedTime(started).TotalMilliseconds:0.0} ms");
        }
    }

    /// <summary>Queue mode: N generations awaited by polling with default settings (clock sped up).</summary>
    public static async Task QueueAsync(RunOptions options, TimeSpan job, Findings findings, TextWriter output)
    {
        var count = options.Count;
        var clock = new AcceleratedTimeProvider(options.Scale);
        output.WriteLine();
        output.WriteLine($"[Queue, {job.TotalSeconds:0} s jobs] {count} generations, GenerateVideoAsync(request, OxenGenerationMode.Queue), default poll settings "
            + $"(5 s, x1.5, max 30 s); client clock and emulator delays sped up x{options.Scale}");
        await using var hub = await StartScaledAsync(options, job);
        var wave = new Wave(count);
        using var client = new OxenClient(ClientOptions(hub, clock));
        await wave.StartPacedAsync(client, Request, OxenGenerationMode.Queue, TimeSpan.FromMilliseconds(500));
        await wave.ObserveAllAsync().WaitAsync(options.StepTimeout);
        var stats = await hub.GetStatsAsync();
        findings.Require(wave.Failures == 0, $"Queue {job.TotalSeconds} s: {wave.Failures} generations failed ({wave.FirstError}).");

        var polls = new Distribution(wave.Probes.Select(p => (double)(p.Reports - 1)));
        var seen = new Distribution(Enumerable.Range(0, count).Select(i =>
            Stopwatch.GetElapsedTime(wave.Probes[i].EnqueuedAt, wave.Resumed[i]).TotalSeconds * options.Scale));
        var beyond = stats["api_requests"] - stats["post_queue"];
        var perGeneration = (double)beyond / count;
        findings.Require(polls.Mean * count == stats["get_generation"],
            $"Queue {job.TotalSeconds} s: the client counted {polls.Mean * count} polls, the emulator {stats["get_generation"]}.");
        output.WriteLine($"  emulator counters: api_requests {stats["api_requests"]}, POST /api/ai/queue {stats["post_queue"]}, GET /api/ai/queue/{{id}} {stats["get_generation"]}");
        output.WriteLine($"  API requests per generation beyond the enqueue: {perGeneration:0.000} (polls per generation min {polls.Min}, max {polls.Max}; "
            + $"the default schedule polls at 0, 5, 12.5, 23.75, 40.6, 65.9, 95.9 ... s: {ExpectedQueuePolls(job)} for a {job.TotalSeconds:0} s job)");
        output.WriteLine($"  callers resumed {seen.Percentile(50):0.0} s (p50) / {seen.Max:0.0} s (max) after their enqueue, in client-clock seconds, for {job.TotalSeconds:0} s jobs");
        findings.Info($"Queue, {job.TotalSeconds:0} s jobs (x{options.Scale} clock): API requests per generation beyond the enqueue", "(none)", $"{perGeneration:0.000}", met: true);
    }

    /// <summary>What <c>OxenClient.CreateHttpClient</c> builds, plus a connection cap.</summary>
    private static HttpClient CappedHttpClient(int maxConnectionsPerServer) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        MaxConnectionsPerServer = maxConnectionsPerServer,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    private static Task<EmulatorProcess> StartScaledAsync(RunOptions options, TimeSpan job) =>
        EmulatorProcess.StartAsync(new EmulatorSettings(job * 0.25 / options.Scale, job * 0.75 / options.Scale, KeepAlive, options.ChildLifetime));

    /// <summary>The product's defaults, except the key and address (and a sped-up clock where stated).</summary>
    private static OxenClientOptions ClientOptions(EmulatorProcess hub, TimeProvider? clock = null)
    {
        var options = new OxenClientOptions { ApiKey = LoadRequest.ApiKey, BaseAddress = hub.BaseAddress };
        if (clock is not null)
        {
            options.TimeProvider = clock;
        }

        return options;
    }

    /// <summary>Polls of <see cref="OxenGenerationOperation.WaitForCompletionAsync"/> with default options until one sees the job done.</summary>
    private static int ExpectedQueuePolls(TimeSpan job)
    {
        var defaults = new OxenClientOptions();
        var at = TimeSpan.Zero;
        var interval = defaults.PollInitialInterval;
        var polls = 1;
        while (at < job)
        {
            at += interval;
            interval = TimeSpan.FromTicks((long)Math.Min(interval.Ticks * defaults.PollBackoffFactor, defaults.PollMaxInterval.Ticks));
            polls++;
        }

        return polls;
    }

    /// <summary>Safety-poll rounds of the event stream during a job that starts with the stream: at 5 s, then every 30 s.</summary>
    private static int ExpectedSafetyPolls(TimeSpan job)
    {
        var defaults = new OxenClientOptions();
        var rounds = 0;
        for (var at = defaults.PollInitialInterval; at < job; at += defaults.PollMaxInterval)
        {
            rounds++;
        }

        return rounds;
    }

    private static string Mb(long bytes) => $"{bytes / 1_000_000.0:0.000} MB";
}
