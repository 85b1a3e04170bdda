namespace Oxen.Video.Packaging.Tests;

/// <summary>The oxen tool package, installed as a user installs it.</summary>
public sealed class ToolPackageTests(ITestOutputHelper log) : PackagesTest(log)
{
    private const string Kling = PackagesFixture.Kling;

    [Fact]
    public async Task The_tool_package_installs_as_oxen_and_lists_the_models()
    {
        var tools = Directory.CreateDirectory(Path.Combine(Packages.Root, "tools")).FullName;
        var install = await ProcessRunner.DotnetAsync(
            Packages.Root,
            TimeSpan.FromMinutes(3),
            Packages.ConsumerEnvironment(),
            "tool", "install", "--tool-path", tools, "--add-source", Packages.PackageDirectory, "Oxen.Video.Cli", "--version", Packages.Version);
        Log.WriteLine($"tool install: {install.Elapsed.TotalSeconds:0.0} s");
        Assert.True(install.ExitCode == 0, install.ToString());

        var oxen = Path.Combine(tools, OperatingSystem.IsWindows() ? "oxen.exe" : "oxen");
        var list = await ProcessRunner.RunAsync(oxen, ["models", "list"], Packages.Root, TimeSpan.FromMinutes(1));
        Log.WriteLine($"oxen models list: {list.Elapsed.TotalSeconds:0.0} s");
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains(Kling, list.Output, StringComparison.Ordinal);
    }
}
