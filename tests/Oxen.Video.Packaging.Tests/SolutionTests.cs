namespace Oxen.Video.Packaging.Tests;

/// <summary>What 'dotnet pack Codegen.sln' packs: exactly the four packages, nothing else of the solution.</summary>
public sealed class SolutionTests(ITestOutputHelper log) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("oxen-packable-").FullName;

    [Fact]
    public async Task Only_the_runtime_the_emulator_the_batch_runner_and_the_tool_are_packable()
    {
        // One evaluation of every project of the solution (no restore, no build: nothing is written in the
        // repository); an extra target, imported through CustomAfterMicrosoftCommonTargets, prints IsPackable.
        var query = Path.Combine(_folder, "packable.targets");
        await File.WriteAllTextAsync(query, """
            <Project>
              <Target Name="OxenPrintIsPackable">
                <Message Importance="high" Text="OXEN-PACKABLE $(IsPackable) $(MSBuildProjectFullPath)" />
              </Target>
            </Project>
            """);
        var root = PackagesFixture.FindRepoRoot();
        var result = await ProcessRunner.DotnetAsync(
            root,
            TimeSpan.FromMinutes(2),
            null,
            "msbuild", "Codegen.sln", "-t:OxenPrintIsPackable", $"-p:CustomAfterMicrosoftCommonTargets={query}", "-nologo", "-v:m", "-tl:off", "-nodeReuse:false");
        log.WriteLine($"evaluation of the solution: {result.Elapsed.TotalSeconds:0.0} s");
        Assert.True(result.ExitCode == 0, result.ToString());

        var answers = result.Output.Split('\n', StringSplitOptions.TrimEntries)
            .Where(l => l.StartsWith("OXEN-PACKABLE ", StringComparison.Ordinal))
            .Select(l => l.Split(' ', 3))
            .Select(p => (Packable: p[1] == "true", Project: Path.GetRelativePath(root, p[2]).Replace('\\', '/')))
            .ToList();
        foreach (var (packable, project) in answers.OrderBy(a => a.Project, StringComparer.Ordinal))
        {
            log.WriteLine($"{project}: {(packable ? "packed" : "not packed")}");
        }

        Assert.Contains((false, "generator/Oxen.Video.Generator/Oxen.Video.Generator.csproj"), answers);
        Assert.Contains((false, "tests/Oxen.Video.Packaging.Tests/Oxen.Video.Packaging.Tests.csproj"), answers);
        Assert.Equal(
            ["runtime/Oxen.Video.Batch/Oxen.Video.Batch.csproj", "runtime/Oxen.Video.Testing/Oxen.Video.Testing.csproj", "runtime/Oxen.Video/Oxen.Video.csproj", "samples/Oxen.Cli/Oxen.Cli.csproj"],
            answers.Where(a => a.Packable).Select(a => a.Project).Order(StringComparer.Ordinal));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
