using System.Reflection;
using Microsoft.Extensions.Logging;
using Oxen.Video;
using Oxen.Video.Testing;

namespace Oxen.Cli;

/// <summary>
/// The hub the command talks to: <c>OXEN_BASE_URL</c> if set, else <c>https://hub.oxen.ai</c> with
/// <c>OXEN_API_KEY</c>, else the emulator started in this process, so the whole flow runs offline.
/// </summary>
internal sealed class HubSession : IAsyncDisposable
{
    private readonly OxenHubEmulator? _emulator;

    private HubSession(OxenClient client, OxenHubEmulator? emulator)
    {
        Client = client;
        _emulator = emulator;
    }

    public OxenClient Client { get; }

    public bool IsOffline => _emulator is not null;

    /// <summary>Offline, a generation id dies with this process: the resume hint says so.</summary>
    public string? IdLifetimeNote => IsOffline
        ? "this id lives only as long as this process: the in-process emulator stops with it; for ids that outlive it, run 'oxen hub serve' and set OXEN_BASE_URL"
        : null;

    /// <summary>Whether a hub is set (<c>OXEN_BASE_URL</c> or <c>OXEN_API_KEY</c>), rather than the offline emulator.</summary>
    public static bool IsConfigured(Func<string, string?> environment) =>
        !string.IsNullOrWhiteSpace(environment(OxenClientOptions.BaseAddressEnvironmentVariable))
        || !string.IsNullOrWhiteSpace(environment(OxenClientOptions.ApiKeyEnvironmentVariable));

    /// <param name="environment">Reads an environment variable.</param>
    /// <param name="status">Where the offline note goes.</param>
    /// <param name="loggers">Loggers for the client.</param>
    /// <param name="cancellationToken">Stops starting the emulator.</param>
    /// <param name="mediaRepository">
    /// <c>--media-repo</c>: where local media too large for a data: URI are uploaded; else <c>OXEN_MEDIA_REPO</c>.
    /// </param>
    public static async Task<HubSession> OpenAsync(
        Func<string, string?> environment,
        TextWriter status,
        ILoggerFactory loggers,
        CancellationToken cancellationToken,
        string? mediaRepository = null)
    {
        var apiKey = environment(OxenClientOptions.ApiKeyEnvironmentVariable);
        var baseUrl = environment(OxenClientOptions.BaseAddressEnvironmentVariable);
        var options = new OxenClientOptions
        {
            ApiKey = string.IsNullOrWhiteSpace(apiKey) ? null : apiKey,
            PollInitialInterval = TimeSpan.FromSeconds(2),
            MediaRepository = MediaRepository(mediaRepository ?? environment(OxenClientOptions.MediaRepositoryEnvironmentVariable)),
        };
        OxenHubEmulator? emulator = null;
        if (!string.IsNullOrWhiteSpace(baseUrl))
        {
            options.BaseAddress = Uri.TryCreate(baseUrl, UriKind.Absolute, out var address)
                ? address
                : throw new UsageException($"OXEN_BASE_URL is not an absolute URL: '{baseUrl}'.");
        }
        else if (options.ApiKey is null)
        {
            emulator = await StartEmulatorAsync(cancellationToken).ConfigureAwait(false);
            options.BaseAddress = emulator.BaseAddress;
            // The emulator answers in well under a second; poll it accordingly.
            options.PollInitialInterval = TimeSpan.FromMilliseconds(200);
            options.PollMaxInterval = TimeSpan.FromSeconds(1);
            await status.WriteLineAsync($"No OXEN_API_KEY or OXEN_BASE_URL: using the local hub emulator at {emulator.BaseAddress} (offline; set OXEN_API_KEY to use hub.oxen.ai).").ConfigureAwait(false);
        }

        var client = new OxenClient(options, loggers.CreateLogger<OxenClient>());
        return new HubSession(client, emulator);
    }

    /// <summary><c>namespace/name</c>, checked before anything is sent; null when not given.</summary>
    internal static string? MediaRepository(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return OxenClientOptions.IsMediaRepositoryName(text)
            ? text.Trim()
            : throw new UsageException($"--media-repo / OXEN_MEDIA_REPO '{text}' is not a repository; allowed: NAMESPACE/NAME (letters, digits, '-', '_', '.'), e.g. my-name/video-inputs.");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static Task<OxenHubEmulator> StartEmulatorAsync(CancellationToken cancellationToken) =>
        OxenHubEmulator.StartAsync(EmulatorOptions(), cancellationToken);

    /// <summary>The emulator of the offline mode and of <c>oxen hub serve</c>: the built-in catalog, human-scale delays.</summary>
    public static OxenHubEmulatorOptions EmulatorOptions()
    {
        var options = new OxenHubEmulatorOptions
        {
            QueuedDelay = TimeSpan.FromMilliseconds(300),
            ProcessingDelay = TimeSpan.FromSeconds(1),
            SyncDelay = TimeSpan.FromSeconds(1),
        };
        var assembly = typeof(HubSession).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("schemas/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            options.Models.Add(reader.ReadToEnd());
        }

        return options;
    }
}
