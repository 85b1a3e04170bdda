using Oxen.Video.Testing;

namespace Oxen.Video.Packaging.Tests;

/// <summary>
/// The fetch in the repository's own layout: a project that imports eng/UseLocalOxenVideo.targets (as samples/Oxen.Cli
/// does) gets the task from runtime/Oxen.Video.Tasks' build instead of the package. It builds inside the packed copy
/// with the pack's properties and packages folder, where the runtime, the generator and the task are already built
/// (BuildProjectReferences=false: they are only looked up).
/// </summary>
public sealed class InRepositoryFetchTests(ITestOutputHelper log) : PackagesTest(log)
{
    private const string Kling = PackagesFixture.Kling;

    [Fact]
    public async Task A_project_on_eng_UseLocalOxenVideo_fetches_its_OxenModel_through_the_task_project_s_build()
    {
        await using var hub = await OxenHubEmulator.StartAsync(new OxenHubEmulatorOptions { SchemaDirectory = Path.GetDirectoryName(Packages.KlingSchema) });
        var project = Directory.CreateDirectory(Path.Combine(Packages.Source, "samples", "InRepositoryApp")).FullName;
        await File.WriteAllTextAsync(Path.Combine(project, "InRepositoryApp.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <OxenModel Include="{Kling}" />
              </ItemGroup>
              <Import Project="$(RepoRoot)eng/UseLocalOxenVideo.targets" />
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(project, "Program.cs"), "System.Console.WriteLine(Oxen.Video.Models.KlingVideoV26ProTextToVideoRequest.ModelId);\n");

        var build = await ProcessRunner.DotnetAsync(
            project,
            TimeSpan.FromMinutes(5),
            new Dictionary<string, string?> { ["OXEN_BASE_URL"] = hub.BaseAddress.ToString() },
            ["build", .. Packages.BuildProperties, "-p:BuildProjectReferences=false", "-tl:off", "-nodeReuse:false", "-v:d"]);
        Log.WriteLine($"build: {build.Elapsed.TotalSeconds:0.0} s");

        Assert.True(build.ExitCode == 0, build.ToString());
        var cached = Path.Combine(project, "oxen-schemas", Kling + ".json");
        Assert.Equal(await File.ReadAllBytesAsync(Packages.KlingSchema), await File.ReadAllBytesAsync(cached));
        Assert.Equal(1, hub.Counters.Requests("GET", $"/api/ai/models/{Kling}"));
        Assert.Contains(
            $"Using \"OxenFetchModelSchemas\" task from assembly \"{Packages.Source}/eng/../runtime/Oxen.Video.Tasks/bin/Release/netstandard2.0/Oxen.Video.Tasks.dll\"",
            build.Output,
            StringComparison.Ordinal);
    }
}
