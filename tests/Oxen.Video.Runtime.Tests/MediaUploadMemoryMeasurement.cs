using System.Diagnostics;
using Xunit.Abstractions;

namespace Oxen.Video.Runtime.Tests;

/// <summary>A measured run, skipped unless <c>OXEN_MEASURE=1</c>; docs/media.md has the command and figure.</summary>
public sealed class MediaUploadMemoryMeasurement(ITestOutputHelper output)
{
    private const long FileBytes = 200L * 1024 * 1024;

    [MeasuredFact]
    public async Task Uploading_a_200_MB_video_keeps_the_managed_heap_under_20_MB()
    {
        var path = Path.Combine(Path.GetTempPath(), $"oxen-measure-{Guid.NewGuid():N}.mp4");
        try
        {
            WriteVideo(path);
            await using var hub = new LoopbackUploadHub();
            using var client = new OxenClient(new OxenClientOptions
            {
                ApiKey = "oxk_measure",
                BaseAddress = hub.BaseAddress,
                MediaRepository = "measure/inputs",
                FetchChargedCost = false,
            });
            var request = new MediaRequest("input_video", OxenMediaKind.Video) { Media = OxenMedia.FromFile(path) };

            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var baseline = GC.GetTotalMemory(forceFullCollection: false);
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            using var sampler = new HeapSampler();
            var clock = Stopwatch.StartNew();
            await client.EnqueueAsync(request).Within(TimeSpan.FromMinutes(5));
            clock.Stop();
            var (peak, samples) = sampler.Stop();
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

            output.WriteLine(
                $"file {FileBytes:N0} B; uploaded {hub.UploadedBytes:N0} B (multipart); "
                + $"{clock.Elapsed.TotalSeconds:F1} s; "
                + $"managed heap baseline {Mb(baseline)}, peak {Mb(peak)} ({samples} samples), peak - baseline "
                + $"{Mb(peak - baseline)}; allocated during the run {Mb(allocated)}; gen0/1/2 collections "
                + $"{GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}; "
                + $"server GC {System.Runtime.GCSettings.IsServerGC}");
            Assert.True(hub.UploadedBytes > FileBytes);
            Assert.True(peak < 20L * 1024 * 1024, $"peak managed heap {Mb(peak)}");
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Mb(long bytes) => $"{bytes / 1024.0 / 1024.0:F2} MB";

    /// <summary>An MP4 header, then 200 MB written through a 1 MB buffer (the test holds no big array).</summary>
    private static void WriteVideo(string path)
    {
        using var file = File.Create(path);
        var chunk = new byte[1024 * 1024];
        new Random(7).NextBytes(chunk);
        "\0\0\0\u0018ftypisom"u8.CopyTo(chunk);
        for (long written = 0; written < FileBytes; written += chunk.Length)
        {
            file.Write(chunk);
            chunk[100] ^= 0x5A; // each megabyte differs a little
        }
    }

    /// <summary>Samples the managed heap size on its own thread every millisecond.</summary>
    private sealed class HeapSampler : IDisposable
    {
        private readonly Thread _thread;
        private volatile bool _stop;
        private long _peak;
        private int _samples;

        public HeapSampler()
        {
            _thread = new Thread(Run) { IsBackground = true, Name = "heap sampler" };
            _thread.Start();
        }

        public (long Peak, int Samples) Stop()
        {
            _stop = true;
            _thread.Join();
            return (Interlocked.Read(ref _peak), _samples);
        }

        public void Dispose() => _stop = true;

        private void Run()
        {
            while (!_stop)
            {
                var now = Math.Max(GC.GetTotalMemory(forceFullCollection: false), GC.GetGCMemoryInfo().HeapSizeBytes);
                if (now > _peak)
                {
                    Interlocked.Exchange(ref _peak, now);
                }

                _samples++;
                Thread.Sleep(1); // the sampler's own pace; the measured code never waits on it
            }
        }
    }
}

/// <summary>A fact run only when <c>OXEN_MEASURE=1</c>: a measurement is a run with a figure, not a test.</summary>
public sealed class MeasuredFactAttribute : FactAttribute
{
    public MeasuredFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("OXEN_MEASURE") != "1")
        {
            Skip = "A measured run: set OXEN_MEASURE=1 (see docs/media.md).";
        }
    }
}
