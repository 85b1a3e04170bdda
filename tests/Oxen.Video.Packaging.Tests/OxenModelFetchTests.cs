using Oxen.Video.Testing;

namespace Oxen.Video.Packaging.Tests;

/// <summary>The build-time fetch of <c>OxenModel</c> schemas by the package's compiled task.</summary>
public sealed class OxenModelFetchTests(ITestOutputHelper log) : PackagesTest(log)
{
    private const string Kling = PackagesFixture.Kling;
    private const string Key = "sk-oxen-packaging-5b7e0c93a1";

    [Fact]
    public async Task OxenModel_fetches_the_schema_once_then_builds_offline_and_without_the_file_fails_with_OXEN010()
    {
        // The emulator answers only with the key: the fetch sends it.
        var hub = await OxenHubEmulator.StartAsync(new OxenHubEmulatorOptions { SchemaDirectory = Path.GetDirectoryName(Packages.KlingSchema), ApiKey = Key });
        var baseUrl = hub.BaseAddress.ToString();
        var app = new Consumer(Packages, "ModelApp", $"""    <OxenModel Include="{Kling}" />""", "System.Console.WriteLine(Oxen.Video.Models.KlingVideoV26ProTextToVideoRequest.ModelId);\n")
        {
            ApiKey = Key,
        };
        var cached = Path.Combine(app.Directory, "oxen-schemas", Kling + ".json");
        var diagnosticLog = Path.Combine(Packages.Root, "ModelApp.diag.log");
        try
        {
            var first = await app.BuildAsync(baseUrl, restore: true, $"-flp:Verbosity=diagnostic;LogFile={diagnosticLog}");
            Log.WriteLine($"first build (fetches, diagnostic log): {first.Elapsed.TotalSeconds:0.0} s");
            Assert.True(first.ExitCode == 0, first.ToString());
            Assert.Equal(1, hub.Counters.Requests("GET", $"/api/ai/models/{Kling}"));
            Assert.Equal(await File.ReadAllBytesAsync(Packages.KlingSchema), await File.ReadAllBytesAsync(cached));
            Assert.Contains($"Oxen: fetched {cached} from {baseUrl}api/ai/models/{Kling}", first.Output, StringComparison.Ordinal);

            // Through the compiled task of the package, and the key nowhere in the most detailed log MSBuild writes
            // (which does show the hub's address, so the environment the fetch uses is logged where it is read).
            var diagnostic = await File.ReadAllTextAsync(diagnosticLog);
            Assert.Contains($"oxen.video/{Packages.Version}/build/../tasks/netstandard2.0/Oxen.Video.Tasks.dll", diagnostic, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("RoslynCodeTaskFactory", diagnostic, StringComparison.Ordinal);
            Assert.Contains(baseUrl, diagnostic, StringComparison.Ordinal);
            Assert.DoesNotContain(Key, diagnostic, StringComparison.Ordinal);
            Assert.DoesNotContain(Key, first.Output, StringComparison.Ordinal);

            var refresh = await app.BuildAsync(baseUrl, restore: false, "-p:OxenRefreshSchemas=true");
            Log.WriteLine($"refresh build: {refresh.Elapsed.TotalSeconds:0.0} s");
            Assert.True(refresh.ExitCode == 0, refresh.ToString());
            Assert.Equal(2, hub.Counters.Requests("GET", $"/api/ai/models/{Kling}"));
            Assert.Equal(await File.ReadAllBytesAsync(Packages.KlingSchema), await File.ReadAllBytesAsync(cached));
        }
        finally
        {
            await hub.DisposeAsync();
        }

        // The hub is gone (its port refuses connections): with the file present the build does not need it.
        var offline = await app.BuildAsync(baseUrl, restore: false);
        Log.WriteLine($"offline build: {offline.Elapsed.TotalSeconds:0.0} s");
        Assert.True(offline.ExitCode == 0, offline.ToString());
        Assert.DoesNotContain("Oxen: fetched", offline.Output, StringComparison.Ordinal);

        File.Delete(cached);
        var missing = await app.BuildAsync(baseUrl, restore: false);
        Log.WriteLine($"build without file or hub: {missing.Elapsed.TotalSeconds:0.0} s");
        Assert.True(missing.ExitCode != 0, missing.ToString());
        Assert.Contains("error OXEN010", missing.Output, StringComparison.Ordinal);
        Assert.Contains($"'{Kling}'", missing.Output, StringComparison.Ordinal);
        Assert.Contains($"oxen schemas pull {Kling} --dir {Path.GetDirectoryName(cached)}", missing.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, missing.Output, StringComparison.Ordinal);
    }
}
