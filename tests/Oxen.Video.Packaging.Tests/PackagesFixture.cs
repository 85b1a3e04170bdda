using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;

namespace Oxen.Video.Packaging.Tests;

/// <summary>
/// Packs Oxen.Video, Oxen.Video.Testing, Oxen.Video.Batch and the oxen tool once for the whole test run, from a copy of the working
/// tree in a temporary folder: every test class awaits <see cref="SharedAsync"/>, so the classes run in parallel
/// (xunit runs classes side by side) on one pack, and their consumers restore into one packages folder.
/// </summary>
/// <remarks>
/// Why a copy: 'dotnet test Codegen.sln' builds the projects of the repository while earlier test assemblies already
/// run, and other people build in the same tree; packing in place would write the same obj/ and bin/ folders (and
/// Release builds of them) concurrently. The copy has its own obj/bin, so nothing here races with any build of the
/// repository. It is also a git repository with a GitHub remote of its own, so SourceLink has something to record.
/// Each run gets its own prerelease version, so no package cache can hand back an older build of the same version;
/// the consumers restore into a private packages folder that falls back to the machine's global one (no downloads,
/// and nothing of these test versions left in the global cache). The pack skips analyzers: the repository's own build
/// runs them on the same sources, and they were most of the pack's compile time.
/// </remarks>
public sealed class PackagesFixture
{
    public const string RemoteUrl = "https://github.com/oxen-video-tests/oxen-video";

    /// <summary>The model the consumers build against (its file is in schemas/).</summary>
    public const string Kling = "kling-video-v2-6-pro-text-to-video";

    private static readonly Lazy<Task<PackagesFixture>> Shared = new(CreateAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly string[] CopiedFolders =
        ["eng", "generator/Oxen.Video.Generator", "runtime/Oxen.Video", "runtime/Oxen.Video.Batch", "runtime/Oxen.Video.Tasks", "runtime/Oxen.Video.Testing", "samples/Oxen.Cli", "schema", "schemas"];

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

    /// <summary>The configuration and properties the pack built with: a build of the copy with them finds it built.</summary>
    public IReadOnlyList<string> BuildProperties { get; private set; } = [];

    public TimeSpan PackTime { get; private set; }

    public string KlingSchema => KlingSchemaIn(RepoRoot);

    private PackagesFixture()
    {
    }

    /// <summary>The run's one pack (made by the first caller; a failed pack fails every caller with its output).</summary>
    public static Task<PackagesFixture> SharedAsync() => Shared.Value;

    /// <summary>Deletes the pack's folder, when one was made (after the last class: <see cref="PackagesLease"/>).</summary>
    internal static void DeleteShared()
    {
        if (Shared.IsValueCreated && Shared.Value.IsCompletedSuccessfully)
        {
            Shared.Value.Result.Delete();
        }
    }

    private static async Task<PackagesFixture> CreateAsync()
    {
        DeleteStaleFolders();
        var packages = new PackagesFixture();
        try
        {
            await packages.PackAsync();
            return packages;
        }
        catch
        {
            packages.Delete();
            throw;
        }
    }

    private async Task PackAsync()
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
                  "runtime/Oxen.Video.Batch/Oxen.Video.Batch.csproj",
                  "runtime/Oxen.Video.Tasks/Oxen.Video.Tasks.csproj",
                  "runtime/Oxen.Video.Testing/Oxen.Video.Testing.csproj",
                  "samples/Oxen.Cli/Oxen.Cli.csproj"
                ]
              }
            }
            """);
        var suffix = "t" + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        BuildProperties = ["-c", "Release", $"-p:VersionSuffix={suffix}", "-p:ContinuousIntegrationBuild=true", "-p:RunAnalyzers=false"];
        Pack = await ProcessRunner.DotnetAsync(
            Source,
            TimeSpan.FromMinutes(8),
            environment: null,
            ["pack", filter, "-o", PackageDirectory, .. BuildProperties, "-tl:off", "-nodeReuse:false"]);
        if (Pack.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet pack failed:\n" + Pack);
        }

        var runtime = Directory.GetFiles(PackageDirectory, "*.nupkg").Single(p => Metadata(p, "id") == "Oxen.Video");
        Version = Metadata(runtime, "version");
        Directory.CreateDirectory(ConsumerPackagesFolder);
        Consumer.WriteIsolation(this, Root);
        PackTime = stopwatch.Elapsed;
    }

    /// <summary>Folders of earlier runs that were stopped before their cleanup (hours old: no run takes that long).</summary>
    private static void DeleteStaleFolders()
    {
        var before = DateTime.UtcNow - TimeSpan.FromHours(3);
        foreach (var folder in new DirectoryInfo(Path.GetTempPath()).EnumerateDirectories("oxen-packaging-*").Where(d => d.LastWriteTimeUtc < before))
        {
            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    private void Delete()
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
    }

    public string PackagePath(string id) => Path.Combine(PackageDirectory, $"{id}.{Version}.nupkg");

    public static string KlingSchemaIn(string repoRoot) => Path.Combine(repoRoot, "schemas", "kling-video-v2-6-pro-text-to-video.json");

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
    /// through the consumer's NuGet.config), the hub and key given, and nothing else from the test host.
    /// </summary>
    public Dictionary<string, string?> ConsumerEnvironment(string? baseUrl = null, string? apiKey = null) => new()
    {
        ["NUGET_PACKAGES"] = ConsumerPackagesFolder,
        ["OXEN_BASE_URL"] = baseUrl,
        ["OXEN_API_KEY"] = apiKey,
    };

    public static string GlobalPackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private void CopySources()
    {
        Directory.CreateDirectory(Source);
        // Not '.git': in a git worktree it is a file that points at the repository, and the copy's own 'git init',
        // 'add' and 'commit' would then rewrite the working tree's branch.
        foreach (var file in Directory.GetFiles(RepoRoot).Where(f => Path.GetFileName(f) != ".git"))
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
        // The copy's own repository, whatever is around it.
        var repository = new Dictionary<string, string?> { ["GIT_DIR"] = Path.Combine(Source, ".git"), ["GIT_WORK_TREE"] = Source };
        var result = await ProcessRunner.RunAsync("git", arguments, Source, TimeSpan.FromMinutes(1), repository);
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
