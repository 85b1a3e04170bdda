using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Oxen.Video.Testing;

/// <summary>
/// An in-process emulator of Oxen.ai's inference API over real HTTP on 127.0.0.1: models, sync generation, the
/// queue, the event stream, result files on a second origin (so the file host differs from the API host), and the
/// repository file API (uploads kept in memory), with fault injection (<see cref="Faults"/>) and counters
/// (<see cref="Counters"/>). A generation reads its media inputs when it runs, as the hub does: data: URIs, this
/// emulator's repository and result files, and other hosts through <see cref="OxenHubEmulatorOptions.ExternalMedia"/>.
/// </summary>
public sealed partial class OxenHubEmulator : IAsyncDisposable
{
    private readonly OxenHubEmulatorOptions _options;
    private readonly Dictionary<string, EmulatorModel> _models;
    private readonly ConcurrentDictionary<string, EmulatedGeneration> _generations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _files = new(StringComparer.Ordinal);
    private readonly EmulatorEventHub _events = new();
    private readonly CancellationTokenSource _shutdown = new();
    private readonly List<Task> _jobs = [];
    private WebApplication? _api;
    private WebApplication? _downloads;

    private OxenHubEmulator(OxenHubEmulatorOptions options)
    {
        _options = options;
        _models = EmulatorModelCatalog.Load(options);
        Video = options.Video ?? SampleVideo;
        Faults.DropRequested += _events.DropAll;
    }

    /// <summary>The 2-second 320×180 MP4 embedded in this assembly.</summary>
    public static ReadOnlyMemory<byte> SampleVideo { get; } = LoadSampleVideo();

    /// <summary>The API origin, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The origin result files are served from (a different port from the API's).</summary>
    public Uri DownloadBaseAddress { get; private set; } = null!;

    /// <summary>Faults to inject, settable at any time.</summary>
    public OxenHubFaults Faults { get; } = new();

    /// <summary>What the emulator has seen.</summary>
    public OxenHubCounters Counters { get; } = new();

    /// <summary>The MP4 served as every result.</summary>
    public ReadOnlyMemory<byte> Video { get; }

    /// <summary>The ids of the models served.</summary>
    public IReadOnlyCollection<string> ModelIds => _models.Keys;

    /// <summary>Starts both origins on free ports.</summary>
    public static async Task<OxenHubEmulator> StartAsync(OxenHubEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var emulator = new OxenHubEmulator(options ?? new OxenHubEmulatorOptions());
        try
        {
            (emulator._api, emulator.BaseAddress) = await StartAppAsync(emulator.ConfigureApi, emulator._options.Port ?? 0, cancellationToken).ConfigureAwait(false);
            (emulator._downloads, emulator.DownloadBaseAddress) = await StartAppAsync(emulator.ConfigureDownloads, 0, cancellationToken).ConfigureAwait(false);
            emulator.RestoreState();
            return emulator;
        }
        catch
        {
            await emulator.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The status of a queued generation (<c>queued</c>, <c>processing</c>, ...), or <see langword="null"/> when unknown.</summary>
    public string? GetStatus(string generationId)
    {
        if (!_generations.TryGetValue(generationId, out var generation))
        {
            return null;
        }

        lock (generation.Gate)
        {
            return generation.Status;
        }
    }

    /// <summary>Stops both origins, ending event streams and running jobs.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_shutdown.IsCancellationRequested)
        {
            return;
        }

        await _shutdown.CancelAsync().ConfigureAwait(false);
        _events.DropAll();
        foreach (var app in new[] { _api, _downloads })
        {
            if (app is not null)
            {
                await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
                await app.DisposeAsync().ConfigureAwait(false);
            }
        }

        Task[] jobs;
        lock (_jobs)
        {
            jobs = [.. _jobs];
        }

        await Task.WhenAll(jobs).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        SaveState();
        _shutdown.Dispose();
    }

    private static async Task<(WebApplication App, Uri Address)> StartAppAsync(Action<WebApplication> configure, int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(OxenHubEmulator).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.WebHost.ConfigureKestrel(o => o.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        configure(app);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address.TrimEnd('/') + "/"));
    }

    private static ReadOnlyMemory<byte> LoadSampleVideo()
    {
        using var stream = typeof(OxenHubEmulator).Assembly.GetManifestResourceStream("Oxen.Video.Testing.sample.mp4")
            ?? throw new InvalidOperationException("The embedded sample.mp4 is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private long Now() => Time.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>The emulator's clock: job delays, keep-alives, download pacing and timestamps all follow it.</summary>
    private TimeProvider Time => _options.TimeProvider;
}
