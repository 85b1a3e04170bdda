using System.Diagnostics;
using System.Globalization;
using Oxen.Video.Batch;
using Oxen.Video.Models;

namespace Oxen.Video.LoadTests;

/// <summary>
/// The batch under test, in a process of its own so the scenario can SIGKILL it: runs (or resumes) one batch
/// and prints <c>STATS ...</c> when it ends. Arguments: jobs file, output folder, base address, concurrency,
/// clock factor.
/// </summary>
internal static class BatchChild
{
    public const string Switch = "--batch-child";

    public static async Task<int> RunAsync(string[] args)
    {
        var (jobs, output, baseAddress) = (args[0], args[1], new Uri(args[2]));
        var concurrency = int.Parse(args[3], CultureInfo.InvariantCulture);
        var factor = double.Parse(args[4], CultureInfo.InvariantCulture);
        var started = Stopwatch.GetTimestamp();
        long peakHeap = 0;
        long peakAfterGc = 0;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: false));
                peakAfterGc = Math.Max(peakAfterGc, GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes);
                await Task.Delay(50, CancellationToken.None);
            }
        });

        var plan = BatchPlan.Read(jobs, Factory());
        var options = new OxenBatchOptions
        {
            Client = new OxenClientOptions
            {
                ApiKey = LoadRequest.ApiKey,
                BaseAddress = baseAddress,
                TimeProvider = new BatchClock(factor),
            },
            Concurrency = concurrency,
            ReconcileSettleTime = TimeSpan.FromMilliseconds(500),
        };
        Console.WriteLine("RUNNING"); // The scenario's kill clock starts here, after the process and the plan are up.
        Console.Out.Flush();
        var summary = await new OxenBatch(plan, output, options).RunAsync();
        await sampling.CancelAsync();
        await sampler;
        var settled = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine(FormattableString.Invariant(
            $"STATS elapsed_ms={Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} downloaded={summary.Downloaded} failed={summary.Failed} sent={summary.EnqueuesSent} reconciled={summary.Reconciled} resent={summary.ReconciledAsNotSent} peak_heap_bytes={peakHeap} peak_heap_after_gc_bytes={peakAfterGc} gcs={GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} heap_after_full_gc_bytes={settled} peak_rss_kb={PeakRssKb()}"));
        return summary.IsComplete ? 0 : 1;
    }

    internal static BatchRequestFactory Factory() => BatchRequests.FromModels(
    [
        new OxenModelInfo(LoadRequest.Model, "Kling", null, "/videos/generate", typeof(LoadRequest), [], static json =>
        {
            using var document = System.Text.Json.JsonDocument.Parse(json.ToArray());
            var root = document.RootElement;
            return new LoadRequest(root.GetProperty("prompt").GetString()!, root.TryGetProperty("duration", out var d) ? d.GetInt32() : 5);
        }),
    ]);

    private static long PeakRssKb()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? -1 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }
}
