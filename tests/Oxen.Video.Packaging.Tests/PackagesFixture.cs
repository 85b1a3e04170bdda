using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;

namespace Oxen.Video.Packaging.Tests;

/// <summary>
/// Packs Oxen.Video, Oxen.Video.Testing and the oxen tool once for the whole collection, from a copy of the
/// working tree in a temporary folder.
/// </summary>
/// <remarks>
/// Why a copy: 'dotnet test Codegen.sln' builds the projects of the repository while earlier test assemblies already
/// run, and other people build in the same tree; packing in place would write the same obj/ and bin/ folders (and
/// Release builds of them) concurrently. The copy has its own obj/bin, so nothing here races with any build of the
/// repository. It is also a git repository with a GitHub remote of its own, so SourceLink has something to record.
/// Each run gets its own prerelease version, so no package cache can hand back an older build of the same version;
/// the consumers restore into a private packages folder that falls back to the machine's global one (no downloads,
/// and nothing of these test versions left in the global cache).
/// </remarks>
public sealed class PackagesFixture : IAsyncLifetime
{
    public const string RemoteUrl = "https://github.com/oxen-video-tests/oxen-video";

    private static readonly string[] CopiedFolders =
        ["eng", "generator/Oxen.Video.Generator", "runtime/Oxen.Video", "runtime/Oxen.Video.Testing", "samples/Oxen.Cli", "schema", "schemas"];

    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", ".vs", "TestResults", "BenchmarkDotNet.Artifacts" };

    public string Root { get; } = Directory.CreateTempSubdirectory("oxen-packaging-").FullName;

    public string RepoRoot { get; } = FindRepoRoot();

    public string Source => Path.Combine(Root, "src");

    public string PackageDirectory => Path.Combine(Root, "packages");

    /// <summary>The consumers' own packages folder (falls back to the global one).</summary>
    public string ConsumerPackagesFolder => Path.Combine(Root, "nuget-packages");

    public string Version { get; private set; } = null!;

    public string Commit { get; private set; } = null!;

    public ProcessResult Pack { get; private set; } = null!;

    public TimeSpan PackTime { get; private set; }

    public string KlingSchema => Path.Combine(RepoRoot, "schemas", "kling-video-v2-6-pro-text-to-video.json");

    public async Task InitializeAsync()
    {
        var stopwatch = Stopwatch.StartNew();
        CopySources();
        await GitAsync("init", "-q");
        await GitAsync("remote", "add", "origin", RemoteUrl);
        await GitAsync("add", "-A");
        await GitAsync("-c", "user.name=Packaging Tests", "-c", "user.email=tests@example.invalid", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "Sources to pack");
        Commit = (await GitAsync("rev-parse", "HEAD")).Output.Trim();

        // Only the packable projects and the generator they pack: the rest of the solution is not needed to pack.
        var filter = Path.Combine(Source, "pack.slnf");
        await File.WriteAllTextAsync(filter, """
            {
              "solution": {
                "path": "Codegen.sln",
                "projects": [
                  "generator/Oxen.Video.Generator/Oxen.Video.Generator.csproj",
                  "runtime/Oxen.Video/Oxen.Video.csproj",
                  "runtime/Oxen.Video.Testing/Oxen.Video.Testing.csproj",
                  "samples/Oxen.Cli/Oxen.Cli.csproj"
                ]
              }
            }
            """);
        var suffix = "t" + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        Pack = await ProcessRunner.DotnetAsync(
            Source,
            TimeSpan.FromMinutes(8),
            environment: null,
            "pack", filter, "-c", "Release", "-o", PackageDirectory, $"-p:VersionSuffix={suffix}", "-p:ContinuousIntegrationBuild=true", "-tl:off", "-nodeReuse:false");
        if (Pack.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet pack failed:\n" + Pack);
        }

        var runtime = Directory.GetFiles(PackageDirectory, "*.nupkg").Single(p => Metadata(p, "id") == "Oxen.Video");
        Version = Metadata(runtime, "version");
        Directory.CreateDirectory(ConsumerPackagesFolder);
        PackTime = stopwatch.Elapsed;
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A process of the last test may still hold a file; the folder is in the temporary directory.
        }
        catch (UnauthorizedAccessException)
        {
        }

        return Task.CompletedTask;
    }

    public string PackagePath(string id) => Path.Combine(PackageDirectory, $"{id}.{Version}.nupkg");

    public static XDocument Nuspec(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        var entry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/', StringComparison.Ordinal));
        using var stream = entry.Open();
        return XDocument.Load(stream);
    }

    /// <summary>A value of the nuspec's metadata (<c>id</c>, <c>version</c>, <c>readme</c>...).</summary>
    public static string Metadata(string package, string name) =>
        Nuspec(package).Root!.Elements().Single(e => e.Name.LocalName == "metadata").Elements().Single(e => e.Name.LocalName == name).Value;

    /// <summary>
    /// Environment of a consumer build: the private packages folder (restores there, falls back to the global one
    /// through the consumer's NuGet.config) and nothing else from the test host.
    /// </summary>
    public Dictionary<string, string?> ConsumerEnvironment(string? baseUrl = null) => new()
    {
        ["NUGET_PACKAGES"] = ConsumerPackagesFolder,
        ["OXEN_BASE_URL"] = baseUrl,
    };

    public static string GlobalPackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private void CopySources()
    {
        Directory.CreateDirectory(Source);
        foreach (var file in Directory.GetFiles(RepoRoot))
        {
            File.Copy(file, Path.Combine(Source, Path.GetFileName(file)));
        }

        foreach (var folder in CopiedFolders)
        {
            CopyFolder(Path.Combine(RepoRoot, folder), Path.Combine(Source, folder));
        }
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.GetDirectories(from).Where(d => !SkippedFolders.Contains(Path.GetFileName(d))))
        {
            CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }

    private async Task<ProcessResult> GitAsync(params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync("git", arguments, Source, TimeSpan.FromMinutes(1));
        return result.ExitCode == 0 ? result : throw new InvalidOperationException("git failed:\n" + result);
    }

    internal static string FindRepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Codegen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Codegen.sln above {AppContext.BaseDirectory}.");
    }
}

[CollectionDefinition(Name)]
public sealed class PackagesCollection : ICollectionFixture<PackagesFixture>
{
    public const string Name = "packages";
}
