using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Oxen.Video.Batch;
using Oxen.Video.Testing;

namespace Oxen.Video.LoadTests;

/// <summary>
/// The batch at scale (issue 10): 10,000 lines against the emulator (in this process) with time accelerated, the
/// batch itself in a child process. (1) the journal's cost per line; (2) a clean run: API requests per generation
/// beyond the enqueue (SSE), memory; (3) a run SIGKILLed at 20 random moments and resumed each time: every line
/// enqueued exactly once on the hub, none lost. Exit 0 when every target is met, 1 otherwise.
/// </summary>
internal static class BatchScenario
{
    public const string Switch = "--batch";

    public static async Task<int> RunAsync(string[] args)
    {
        var lines = Option(args, "--lines", 10_000);
        var kills = Option(args, "--kills", 20);
        var concurrency = Option(args, "--concurrency", 16);
        var factor = Option(args, "--factor", 1000);
        var seed = Option(args, "--seed", 1);
        var folder = Path.Combine(Path.GetTempPath(), "oxen-batch-load", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var jobs = Path.Combine(folder, "jobs.jsonl");
        await File.WriteAllLinesAsync(jobs, Enumerable.Range(1, lines).Select(i =>
            JsonSerializer.Serialize(new { model = LoadRequest.Model, prompt = $"shot {i}: a surfer at dawn", duration = i % 2 == 0 ? 10 : 5 })));
        Console.WriteLine($"batch scenario: {lines} lines, concurrency {concurrency}, time x{factor} (emulator: queued 10 s, processing 120 s, divided by {factor}), {kills} kills, seed {seed}");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {folder}");

        var met = true;
        met &= MeasureJournal(folder, jobs);
        met &= await CleanRunAsync(folder, jobs, lines, concurrency, factor);
        met &= await KilledRunAsync(folder, jobs, lines, concurrency, factor, kills, seed);
        Console.WriteLine(met ? "ALL TARGETS MET" : "A TARGET WAS MISSED");
        return met ? 0 : 1;
    }

    /// <summary>The journal alone: the four commits of a line's life (sending, enqueued, downloaded), per line.</summary>
    private static bool MeasureJournal(string folder, string jobs)
    {
        var plan = BatchPlan.Read(jobs, BatchChild.Factory());
        foreach (var durable in new[] { true, false })
        {
            var directory = Path.Combine(folder, durable ? "journal-full" : "journal-normal");
            using var journal = BatchJournal.Open(directory, durable);
            var synced = Stopwatch.StartNew();
            journal.Sync(plan);
            synced.Stop();
            var count = Math.Min(plan.Lines.Count, durable ? 2000 : 10_000);
            var steps = Stopwatch.StartNew();
            var now = DateTimeOffset.UtcNow;
            foreach (var line in plan.Lines.Take(count))
            {
                journal.MarkSending(line.LineNumber, now);
                journal.MarkEnqueued(line.LineNumber, Guid.NewGuid().ToString(), now);
                journal.MarkDownloaded(line.LineNumber, line.Key + ".mp4", now, null);
            }

            steps.Stop();
            var bytes = new DirectoryInfo(directory).EnumerateFiles().Sum(f => f.Length);
            Console.WriteLine(FormattableString.Invariant(
                $"journal (synchronous={(durable ? "FULL" : "NORMAL")}): sync of {plan.Lines.Count} lines {synced.Elapsed.TotalMilliseconds:0} ms; 3 commits a line over {count} lines: {steps.Elapsed.TotalMilliseconds / count:0.000} ms a line ({steps.Elapsed.TotalMilliseconds / count / 3:0.000} ms a commit); files {bytes / 1024.0 / 1024.0:0.0} MB ({bytes / (double)plan.Lines.Count:0} bytes a line)"));
        }

        return true;
    }

    private static async Task<bool> CleanRunAsync(string folder, string jobs, int lines, int concurrency, int factor)
    {
        await using var hub = await StartHubAsync(factor);
        var output = Path.Combine(folder, "clean");
        var (exit, stats) = await RunChildAsync(jobs, output, hub.BaseAddress, concurrency, factor, killAfter: null);
        var counters = hub.Counters;
        var posts = counters.Requests("POST", "/api/ai/queue");
        var beyond = counters.ApiRequests - posts;
        var perGeneration = beyond / (double)counters.EnqueuedGenerations;
        var heap = Stat(stats, "peak_heap_after_gc_bytes") / 1024.0 / 1024.0;
        Console.WriteLine($"clean run: exit {exit}; {stats}");
        Console.WriteLine(FormattableString.Invariant(
            $"  hub: {counters.EnqueuedGenerations} generations, {posts} POST /api/ai/queue, {beyond} other API requests (GET /api/ai/queue/{{id}} {counters.Requests("GET", "/api/ai/queue/*")}, GET /api/ai/queue {counters.Requests("GET", "/api/ai/queue")}, GET /api/events {counters.Requests("GET", "/api/events")}), {counters.EventStreamConnections} event-stream connections, {counters.Downloads} downloads"));
        Console.WriteLine(FormattableString.Invariant($"  requests per generation beyond the enqueue: {perGeneration:0.0000} (target <= 1.05): {(perGeneration <= 1.05 ? "met" : "MISSED")}"));
        Console.WriteLine(FormattableString.Invariant($"  peak managed heap after a GC (GCMemoryInfo.HeapSizeBytes, sampled every 50 ms): {heap:0.0} MB (target <= 50): {(heap <= 50 ? "met" : "MISSED")}; peak with garbage not yet collected (GC.GetTotalMemory) {Stat(stats, "peak_heap_bytes") / 1024.0 / 1024.0:0.0} MB; after a full GC at the end {Stat(stats, "heap_after_full_gc_bytes") / 1024.0 / 1024.0:0.0} MB; peak RSS {Stat(stats, "peak_rss_kb") / 1024.0:0.0} MB"));
        Console.WriteLine(FormattableString.Invariant($"  throughput: {lines / (Stat(stats, "elapsed_ms") / 1000.0):0} lines/s"));
        return exit == 0 && counters.EnqueuedGenerations == lines && perGeneration <= 1.05 && heap <= 50;
    }

    private static async Task<bool> KilledRunAsync(string folder, string jobs, int lines, int concurrency, int factor, int kills, int seed)
    {
        await using var hub = await StartHubAsync(factor);
        var output = Path.Combine(folder, "killed");
        var random = new Random(seed);
        var killed = 0;
        var runs = 0;
        int caughtSending = 0, caughtEnqueued = 0, caughtDone = 0;
        while (killed < kills)
        {
            runs++;
            var after = TimeSpan.FromMilliseconds(random.Next(500, 8000));
            var (exit, _) = await RunChildAsync(jobs, output, hub.BaseAddress, concurrency, factor, after);
            if (exit == 137)
            {
                killed++;
                using var left = BatchJournal.Open(output);
                var states = left.Rows();
                caughtSending += states.Count(r => r.State == BatchLineState.Sending);
                caughtEnqueued += states.Count(r => r.State == BatchLineState.Enqueued);
                caughtDone = states.Count(r => r.State == BatchLineState.Downloaded);
            }
            else
            {
                Console.WriteLine($"  run {runs} ended (exit {exit}) before its kill at {after.TotalMilliseconds} ms");
                break;
            }
        }

        var (finalExit, stats) = await RunChildAsync(jobs, output, hub.BaseAddress, concurrency, factor, killAfter: null);
        Console.WriteLine($"killed run: {killed} SIGKILLs at random moments (0.5-8 s after each run started) over {runs} runs, then a run to the end: exit {finalExit}; {stats}");
        Console.WriteLine($"  left by the kills: {caughtSending} lines in `sending`, {caughtEnqueued} in `enqueued` (summed over the kills); {caughtDone} lines saved before the last kill");

        // The hub's side: every generation it holds, by prompt (each line's prompt is unique).
        using var client = new OxenClient(new OxenClientOptions { ApiKey = LoadRequest.ApiKey, BaseAddress = hub.BaseAddress });
        var byPrompt = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var status in new[] { OxenGenerationStatus.Queued, OxenGenerationStatus.Processing, OxenGenerationStatus.Succeeded, OxenGenerationStatus.Failed, OxenGenerationStatus.Cancelled })
        {
            foreach (var generation in (await client.ListGenerationsAsync(status)).Generations)
            {
                byPrompt[generation.Prompt ?? "?"] = byPrompt.GetValueOrDefault(generation.Prompt ?? "?") + 1;
            }
        }

        var twice = byPrompt.Count(p => p.Value > 1);
        using var journal = BatchJournal.Open(output);
        var rows = journal.Rows();
        var lost = rows.Count(r => r.State != BatchLineState.Downloaded || !File.Exists(Path.Combine(output, r.Key + ".mp4")))
            + (lines - rows.Count);
        var results = File.ReadLines(Path.Combine(output, BatchReport.ResultsFileName)).Count(l => l.Contains("\"status\":\"succeeded\"", StringComparison.Ordinal));
        var leftovers = Directory.EnumerateFiles(output, "*.tmp").Count();
        Console.WriteLine(FormattableString.Invariant(
            $"  hub: {hub.Counters.EnqueuedGenerations} generations for {lines} lines, {hub.Counters.Requests("POST", "/api/ai/queue")} POSTs; lines enqueued twice: {twice} (target 0): {(twice == 0 ? "met" : "MISSED")}; lines lost: {lost} (target 0): {(lost == 0 ? "met" : "MISSED")}"));
        Console.WriteLine(FormattableString.Invariant(
            $"  results.jsonl: {results} succeeded lines; sends > 1 in the journal: {rows.Count(r => r.Sends > 1)} lines (resent after reconciliation found nothing); temporary files left: {leftovers}"));
        return killed == kills && finalExit == 0 && twice == 0 && lost == 0 && hub.Counters.EnqueuedGenerations == lines && results == lines;
    }

    private static async Task<OxenHubEmulator> StartHubAsync(int factor) => await OxenHubEmulator.StartAsync(new OxenHubEmulatorOptions
    {
        ApiKey = LoadRequest.ApiKey,
        QueuedDelay = TimeSpan.FromSeconds(10.0 / factor),
        ProcessingDelay = TimeSpan.FromSeconds(120.0 / factor),
        KeepAliveInterval = TimeSpan.FromSeconds(15.0 / factor),
        Video = new byte[2048], // The bytes do not matter here; 10,000 copies of the 2 s sample would be ~300 MB.
    }.AddModel(LoadRequest.Model, LoadRequest.Schema, "Kling 2.6 Pro - Text to Video"));

    private static async Task<(int Exit, string Stats)> RunChildAsync(string jobs, string output, Uri baseAddress, int concurrency, int factor, TimeSpan? killAfter)
    {
        var host = Environment.ProcessPath!;
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, UseShellExecute = false };
        if (string.Equals(Path.GetFileNameWithoutExtension(host), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(BatchScenario).Assembly.Location);
        }

        foreach (var argument in new[] { BatchChild.Switch, jobs, output, baseAddress.ToString(), concurrency.ToString(CultureInfo.InvariantCulture), factor.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stdout = Task.Run(async () =>
        {
            var text = new System.Text.StringBuilder();
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                if (line == "RUNNING")
                {
                    running.TrySetResult();
                }

                text.AppendLine(line);
            }

            running.TrySetResult();
            return text.ToString();
        });
        if (killAfter is { } wait)
        {
            await running.Task;
            var exited = process.WaitForExitAsync();
            if (await Task.WhenAny(exited, Task.Delay(wait)) != exited)
            {
                process.Kill(); // SIGKILL on Unix: no finally block, no flush, nothing.
                await process.WaitForExitAsync();
                return (137, string.Empty);
            }
        }

        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        await process.WaitForExitAsync(deadline.Token);
        var line = (await stdout).Split('\n').FirstOrDefault(l => l.StartsWith("STATS ", StringComparison.Ordinal)) ?? "(no STATS line)";
        return (process.ExitCode, line);
    }

    private static long Stat(string stats, string name)
    {
        var part = stats.Split(' ').FirstOrDefault(p => p.StartsWith(name + "=", StringComparison.Ordinal));
        return part is null ? -1 : long.Parse(part[(name.Length + 1)..], CultureInfo.InvariantCulture);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
