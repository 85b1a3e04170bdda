using System.IO.Compression;
using System.Reflection.Metadata;
using System.Text;
using System.Xml.Linq;
using Oxen.Video.Testing;

namespace Oxen.Video.Packaging.Tests;

/// <summary>
/// The packages as a user gets them: their contents, and fresh projects outside the repository that reference only
/// the Oxen.Video package, build through its generator and targets, and talk to the emulator running here.
/// </summary>
[Collection(PackagesCollection.Name)]
public sealed class PackageTests(PackagesFixture packages, ITestOutputHelper log)
{
    private const string Kling = "kling-video-v2-6-pro-text-to-video";

    private const string KlingProgram = """
        using Oxen.Video;
        using Oxen.Video.Models;

        var request = new KlingVideoV26ProTextToVideoRequest
        {
            Prompt = "A surfer paddles into a wave at dawn",
            AspectRatio = KlingVideoV26ProTextToVideoAspectRatio.Ratio9x16,
            Duration = KlingVideoV26ProTextToVideoDuration.Seconds10,
            CfgScale = 0.5,
        };
        using var client = new OxenClient();
        var video = await client.GenerateVideoAsync(request);
        await video.SaveAsync(args[0]);
        Console.WriteLine($"Saved {new FileInfo(args[0]).Length} bytes from {client.BaseAddress}");
        """;

    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    [Fact]
    public void Pack_makes_exactly_the_runtime_the_emulator_and_the_tool_with_readme_license_docs_and_sourcelink()
    {
        log.WriteLine($"pack (copy, git, restore, Release build of 4 projects, pack): {packages.PackTime.TotalSeconds:0.0} s");
        Assert.DoesNotContain(": warning ", packages.Pack.Output, StringComparison.Ordinal);
        Assert.Equal(
            new[] { "Oxen.Video", "Oxen.Video.Cli", "Oxen.Video.Testing" }.Select(id => $"{id}.{packages.Version}.nupkg"),
            Directory.GetFiles(packages.PackageDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        var runtime = packages.PackagePath("Oxen.Video");
        Assert.Equal(
            [
                "LICENSE", "README.md",
                "analyzers/dotnet/cs/Oxen.Video.Generator.dll",
                "build/Oxen.Video.props", "build/Oxen.Video.targets",
                "lib/net10.0/Oxen.Video.dll", "lib/net10.0/Oxen.Video.pdb", "lib/net10.0/Oxen.Video.xml",
            ],
            Files(runtime));
        // What the runtime needs at run time, and nothing else: the generator is inside the package.
        Assert.Equal(["Microsoft.Extensions.Http", "Microsoft.Extensions.Logging.Abstractions"], Dependencies(runtime).Select(d => d.Id));

        var testing = packages.PackagePath("Oxen.Video.Testing");
        Assert.Equal(
            ["LICENSE", "README.md", "lib/net10.0/Oxen.Video.Testing.dll", "lib/net10.0/Oxen.Video.Testing.pdb", "lib/net10.0/Oxen.Video.Testing.xml"],
            Files(testing));
        Assert.Contains(("Oxen.Video", packages.Version), Dependencies(testing).Select(d => (d.Id, d.Version)));

        var tool = packages.PackagePath("Oxen.Video.Cli");
        var toolFiles = Files(tool);
        Assert.Contains("tools/net10.0/any/oxen.dll", toolFiles);
        Assert.Contains("README.md", toolFiles);
        Assert.Contains("LICENSE", toolFiles);
        Assert.Contains("<Command Name=\"oxen\" EntryPoint=\"oxen.dll\"", Entry(tool, "tools/net10.0/any/DotnetToolSettings.xml"), StringComparison.Ordinal);
        Assert.Equal("DotnetTool", Element(PackagesFixture.Nuspec(tool), "packageType")?.Attribute("name")?.Value);

        foreach (var package in new[] { runtime, testing, tool })
        {
            var nuspec = PackagesFixture.Nuspec(package);
            Assert.Equal("MIT", Element(nuspec, "license")?.Value);
            Assert.Equal("expression", Element(nuspec, "license")?.Attribute("type")?.Value);
            Assert.Equal("README.md", Element(nuspec, "readme")?.Value);
            Assert.Equal(PackagesFixture.RemoteUrl, Element(nuspec, "repository")?.Attribute("url")?.Value);
            Assert.Equal(packages.Commit, Element(nuspec, "repository")?.Attribute("commit")?.Value);
        }

        // SourceLink: the PDB maps the sources to raw files of that commit.
        var sourceLink = SourceLinkJson(Bytes(runtime, "lib/net10.0/Oxen.Video.pdb"));
        Assert.Contains($"https://raw.githubusercontent.com/oxen-video-tests/oxen-video/{packages.Commit}/*", sourceLink, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fresh_console_app_on_the_package_generates_its_request_type_and_saves_the_emulator_s_video()
    {
        var schemas = Directory.CreateDirectory(Path.Combine(packages.Root, "emulator-schemas")).FullName;
        File.Copy(packages.KlingSchema, Path.Combine(schemas, Kling + ".json"), overwrite: true);
        await using var hub = await OxenHubEmulator.StartAsync(new OxenHubEmulatorOptions { SchemaDirectory = schemas });
        var app = new Consumer(packages, "KlingApp", """    <OxenSchema Include="kling.json" />""", KlingProgram);
        File.Copy(packages.KlingSchema, Path.Combine(app.Directory, "kling.json"));

        var build = await app.BuildAsync();
        log.WriteLine($"build: {build.Elapsed.TotalSeconds:0.0} s");
        Assert.True(build.ExitCode == 0, build.ToString());

        var video = Path.Combine(app.Directory, "surfer.mp4");
        var run = await app.RunAsync(hub.BaseAddress.ToString(), video);
        log.WriteLine($"run: {run.Elapsed.TotalSeconds:0.0} s");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(hub.Video.ToArray(), await File.ReadAllBytesAsync(video));
        Assert.Equal(1, hub.Counters.EnqueuedGenerations);
    }

    [Fact]
    public async Task A_schema_that_is_not_json_fails_the_build_with_OXEN001_and_no_generator_crash()
    {
        var app = new Consumer(packages, "BadSchemaApp", """    <OxenSchema Include="kling.json" />""", "System.Console.WriteLine();\n");
        await File.WriteAllTextAsync(Path.Combine(app.Directory, "kling.json"), "{ \"request_schema\": { \"type\": \"object\", \"properties\": { ");

        var build = await app.BuildAsync();
        log.WriteLine($"build: {build.Elapsed.TotalSeconds:0.0} s");
        Assert.True(build.ExitCode != 0, build.ToString());
        Assert.Contains("error OXEN001", build.Output, StringComparison.Ordinal);
        Assert.Contains("kling.json", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("CS8785", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("AD0001", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OxenModel_fetches_the_schema_once_then_builds_offline_and_without_the_file_fails_with_OXEN010()
    {
        var hub = await OxenHubEmulator.StartAsync(new OxenHubEmulatorOptions { SchemaDirectory = Path.GetDirectoryName(packages.KlingSchema) });
        var baseUrl = hub.BaseAddress.ToString();
        var app = new Consumer(packages, "ModelApp", $"""    <OxenModel Include="{Kling}" />""", "System.Console.WriteLine(Oxen.Video.Models.KlingVideoV26ProTextToVideoRequest.ModelId);\n");
        var cached = Path.Combine(app.Directory, "oxen-schemas", Kling + ".json");
        try
        {
            var first = await app.BuildAsync(baseUrl);
            log.WriteLine($"first build (fetches): {first.Elapsed.TotalSeconds:0.0} s");
            Assert.True(first.ExitCode == 0, first.ToString());
            Assert.Equal(1, hub.Counters.Requests("GET", $"/api/ai/models/{Kling}"));
            Assert.Equal(await File.ReadAllBytesAsync(packages.KlingSchema), await File.ReadAllBytesAsync(cached));

            var refresh = await app.BuildAsync(baseUrl, restore: false, "-p:OxenRefreshSchemas=true");
            log.WriteLine($"refresh build: {refresh.Elapsed.TotalSeconds:0.0} s");
            Assert.True(refresh.ExitCode == 0, refresh.ToString());
            Assert.Equal(2, hub.Counters.Requests("GET", $"/api/ai/models/{Kling}"));
            Assert.Equal(await File.ReadAllBytesAsync(packages.KlingSchema), await File.ReadAllBytesAsync(cached));
        }
        finally
        {
            await hub.DisposeAsync();
        }

        // The hub is gone (its port refuses connections): with the file present the build does not need it.
        var offline = await app.BuildAsync(baseUrl, restore: false);
        log.WriteLine($"offline build: {offline.Elapsed.TotalSeconds:0.0} s");
        Assert.True(offline.ExitCode == 0, offline.ToString());
        Assert.DoesNotContain("Oxen: fetched", offline.Output, StringComparison.Ordinal);

        File.Delete(cached);
        var missing = await app.BuildAsync(baseUrl, restore: false);
        log.WriteLine($"build without file or hub: {missing.Elapsed.TotalSeconds:0.0} s");
        Assert.True(missing.ExitCode != 0, missing.ToString());
        Assert.Contains("error OXEN010", missing.Output, StringComparison.Ordinal);
        Assert.Contains($"'{Kling}'", missing.Output, StringComparison.Ordinal);
        Assert.Contains($"oxen schemas pull {Kling} --dir {Path.GetDirectoryName(cached)}", missing.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_tool_package_installs_as_oxen_and_lists_the_models()
    {
        var tools = Directory.CreateDirectory(Path.Combine(packages.Root, "tools")).FullName;
        var install = await ProcessRunner.DotnetAsync(
            packages.Root,
            TimeSpan.FromMinutes(3),
            packages.ConsumerEnvironment(),
            "tool", "install", "--tool-path", tools, "--add-source", packages.PackageDirectory, "Oxen.Video.Cli", "--version", packages.Version);
        log.WriteLine($"tool install: {install.Elapsed.TotalSeconds:0.0} s");
        Assert.True(install.ExitCode == 0, install.ToString());

        var oxen = Path.Combine(tools, OperatingSystem.IsWindows() ? "oxen.exe" : "oxen");
        var list = await ProcessRunner.RunAsync(oxen, ["models", "list"], packages.Root, TimeSpan.FromMinutes(1));
        log.WriteLine($"oxen models list: {list.Elapsed.TotalSeconds:0.0} s");
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains(Kling, list.Output, StringComparison.Ordinal);
    }

    private static List<string> Files(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        return zip.Entries.Select(e => e.FullName)
            .Where(n => !n.EndsWith(".nuspec", StringComparison.Ordinal) && !n.StartsWith("_rels/", StringComparison.Ordinal)
                && !n.StartsWith("package/", StringComparison.Ordinal) && n != "[Content_Types].xml")
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static byte[] Bytes(string package, string path)
    {
        using var zip = ZipFile.OpenRead(package);
        using var stream = zip.GetEntry(path)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string Entry(string package, string path) => Encoding.UTF8.GetString(Bytes(package, path));

    private static XElement? Element(XDocument nuspec, string name) =>
        nuspec.Descendants().FirstOrDefault(e => e.Name.LocalName == name);

    private static List<(string Id, string Version)> Dependencies(string package) =>
        PackagesFixture.Nuspec(package).Descendants().Where(e => e.Name.LocalName == "dependency")
            .Select(e => (e.Attribute("id")!.Value, e.Attribute("version")!.Value))
            .OrderBy(d => d.Item1, StringComparer.Ordinal)
            .ToList();

    private static string SourceLinkJson(byte[] pdb)
    {
        using var provider = MetadataReaderProvider.FromPortablePdbImage(System.Collections.Immutable.ImmutableArray.Create(pdb));
        var reader = provider.GetMetadataReader();
        foreach (var handle in reader.CustomDebugInformation)
        {
            var information = reader.GetCustomDebugInformation(handle);
            if (reader.GetGuid(information.Kind) == SourceLinkKind)
            {
                return Encoding.UTF8.GetString(reader.GetBlobBytes(information.Value));
            }
        }

        return "(no SourceLink in the PDB)";
    }
}
