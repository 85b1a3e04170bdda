using Oxen.Video.Testing;
using Xunit;

namespace Oxen.Cli.Tests;

/// <summary>An emulator per test serving the repository's schemas/, with a key, and a temporary folder.</summary>
public abstract class HubTestBase : IAsyncLifetime
{
    protected const string Kling = "kling-video-v2-6-pro-text-to-video";
    protected const string SecretKey = "oxk_cli_SECRET_51f0a2";

    protected string Folder { get; } = Directory.CreateTempSubdirectory("oxen-cli-").FullName;

    protected OxenHubEmulator Hub { get; private set; } = null!;

    protected virtual TimeSpan ProcessingDelay => TimeSpan.FromMilliseconds(50);

    public async Task InitializeAsync()
    {
        Hub = await OxenHubEmulator.StartAsync(new OxenHubEmulatorOptions
        {
            SchemaDirectory = Path.Combine(AppContext.BaseDirectory, "schemas"),
            ApiKey = SecretKey,
            QueuedDelay = TimeSpan.FromMilliseconds(20),
            ProcessingDelay = ProcessingDelay,
            SyncDelay = TimeSpan.FromMilliseconds(50),
        });
    }

    public async Task DisposeAsync()
    {
        await Hub.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }

    protected Dictionary<string, string> HubEnvironment(string key = SecretKey) => new()
    {
        ["OXEN_BASE_URL"] = Hub.BaseAddress.ToString(),
        ["OXEN_API_KEY"] = key,
    };
}
