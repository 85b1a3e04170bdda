using System.Security;

namespace Oxen.Video.Packaging.Tests;

/// <summary>
/// A fresh project in its own temporary folder, outside the repository, that references only the Oxen.Video package
/// from the packed folder: its own NuGet.config (that folder only, with the machine's packages as a fallback: no
/// test goes to the internet) and empty Directory.Build.props/.targets/Directory.Packages.props so nothing else is
/// imported.
/// </summary>
internal sealed class Consumer
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);
    private readonly PackagesFixture _packages;

    public Consumer(PackagesFixture packages, string name, string items, string program)
    {
        _packages = packages;
        Directory = System.IO.Directory.CreateDirectory(Path.Combine(packages.Root, name)).FullName;
        WriteIsolation(packages, Directory);
        File.WriteAllText(Path.Combine(Directory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Oxen.Video" Version="{packages.Version}" />
              </ItemGroup>
              <ItemGroup>
            {items}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(Directory, "Program.cs"), program);
        Name = name;
    }

    public string Name { get; }

    public string Directory { get; }

    /// <summary>The OXEN_API_KEY of its builds and runs (none by default).</summary>
    public string? ApiKey { get; init; }

    public string OutputAssembly => Path.Combine(Directory, "bin", "Debug", "net10.0", Name + ".dll");

    /// <summary>NuGet.config and empty MSBuild files that cut the folder off from anything above it.</summary>
    public static void WriteIsolation(PackagesFixture packages, string directory)
    {
        File.WriteAllText(Path.Combine(directory, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="oxen-packed" value="{SecurityElement.Escape(packages.PackageDirectory)}" />
              </packageSources>
              <fallbackPackageFolders>
                <clear />
                <add key="machine" value="{SecurityElement.Escape(PackagesFixture.GlobalPackagesFolder())}" />
              </fallbackPackageFolders>
            </configuration>
            """);
        foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            File.WriteAllText(Path.Combine(directory, file), "<Project />\n");
        }
    }

    public Task<ProcessResult> BuildAsync(string? baseUrl = null, bool restore = true, params string[] extra) =>
        ProcessRunner.DotnetAsync(
            Directory,
            BuildTimeout,
            _packages.ConsumerEnvironment(baseUrl, ApiKey),
            ["build", "-tl:off", "-nodeReuse:false", .. restore ? Array.Empty<string>() : ["--no-restore"], .. extra]);

    public Task<ProcessResult> RunAsync(string baseUrl, params string[] arguments) =>
        ProcessRunner.DotnetAsync(Directory, TimeSpan.FromMinutes(2), _packages.ConsumerEnvironment(baseUrl, ApiKey), [OutputAssembly, .. arguments]);
}
