using System.IO.Compression;
using System.Reflection.Metadata;
using System.Text;
using System.Xml.Linq;

namespace Oxen.Video.Packaging.Tests;

/// <summary>The packages' contents: files, dependencies, metadata, SourceLink, the fetch task beside the targets.</summary>
public sealed class PackageContentTests(ITestOutputHelper log) : PackagesTest(log)
{
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    [Fact]
    public void Pack_makes_exactly_the_runtime_the_emulator_the_batch_runner_and_the_tool_with_readme_license_docs_and_sourcelink()
    {
        Log.WriteLine($"pack (copy, git, restore, Release build of 4 projects, pack): {Packages.PackTime.TotalSeconds:0.0} s");
        Assert.DoesNotContain(": warning ", Packages.Pack.Output, StringComparison.Ordinal);
        Assert.Equal(
            new[] { "Oxen.Video", "Oxen.Video.Batch", "Oxen.Video.Cli", "Oxen.Video.Testing" }.Select(id => $"{id}.{Packages.Version}.nupkg"),
            Directory.GetFiles(Packages.PackageDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        var runtime = Packages.PackagePath("Oxen.Video");
        Assert.Equal(
            [
                "LICENSE", "README.md",
                "analyzers/dotnet/cs/Oxen.Video.Generator.dll",
                "build/Oxen.Video.props", "build/Oxen.Video.targets",
                "lib/net10.0/Oxen.Video.dll", "lib/net10.0/Oxen.Video.pdb", "lib/net10.0/Oxen.Video.xml",
                "tasks/netstandard2.0/Oxen.Video.Tasks.dll",
            ],
            Files(runtime));
        // The fetch is the compiled task beside the targets, not code compiled at build time.
        var targets = Entry(runtime, "build/Oxen.Video.targets");
        Assert.DoesNotContain("RoslynCodeTaskFactory", targets, StringComparison.Ordinal);
        Assert.Contains("$(MSBuildThisFileDirectory)../tasks/netstandard2.0/Oxen.Video.Tasks.dll", targets, StringComparison.Ordinal);
        Assert.Contains("<UsingTask TaskName=\"Oxen.Video.Tasks.OxenFetchModelSchemas\" AssemblyFile=\"$(_OxenTasksAssembly)\" />", targets, StringComparison.Ordinal);
        // netstandard2.0, and nothing to load beside it but what every MSBuild has.
        Assert.Equal(
            ["Microsoft.Build.Framework", "Microsoft.Build.Utilities.Core", "netstandard"],
            AssemblyReferences(Bytes(runtime, "tasks/netstandard2.0/Oxen.Video.Tasks.dll")));
        // What the runtime needs at run time, and nothing else: the generator is inside the package.
        Assert.Equal(["Microsoft.Extensions.Http", "Microsoft.Extensions.Logging.Abstractions"], Dependencies(runtime).Select(d => d.Id));

        var testing = Packages.PackagePath("Oxen.Video.Testing");
        Assert.Equal(
            ["LICENSE", "README.md", "lib/net10.0/Oxen.Video.Testing.dll", "lib/net10.0/Oxen.Video.Testing.pdb", "lib/net10.0/Oxen.Video.Testing.xml"],
            Files(testing));
        Assert.Contains(("Oxen.Video", Packages.Version), Dependencies(testing).Select(d => (d.Id, d.Version)));

        var batch = Packages.PackagePath("Oxen.Video.Batch");
        Assert.Equal(
            ["LICENSE", "README.md", "lib/net10.0/Oxen.Video.Batch.dll", "lib/net10.0/Oxen.Video.Batch.pdb", "lib/net10.0/Oxen.Video.Batch.xml"],
            Files(batch));
        Assert.Equal(["Microsoft.Data.Sqlite", "Oxen.Video"], Dependencies(batch).Select(d => d.Id).Order(StringComparer.Ordinal));

        var tool = Packages.PackagePath("Oxen.Video.Cli");
        var toolFiles = Files(tool);
        Assert.Contains("tools/net10.0/any/oxen.dll", toolFiles);
        Assert.Contains("README.md", toolFiles);
        Assert.Contains("LICENSE", toolFiles);
        Assert.Contains("<Command Name=\"oxen\" EntryPoint=\"oxen.dll\"", Entry(tool, "tools/net10.0/any/DotnetToolSettings.xml"), StringComparison.Ordinal);
        Assert.Equal("DotnetTool", Element(PackagesFixture.Nuspec(tool), "packageType")?.Attribute("name")?.Value);

        foreach (var package in new[] { runtime, testing, batch, tool })
        {
            var nuspec = PackagesFixture.Nuspec(package);
            Assert.Equal("MIT", Element(nuspec, "license")?.Value);
            Assert.Equal("expression", Element(nuspec, "license")?.Attribute("type")?.Value);
            Assert.Equal("README.md", Element(nuspec, "readme")?.Value);
            Assert.Equal(PackagesFixture.RemoteUrl, Element(nuspec, "repository")?.Attribute("url")?.Value);
            Assert.Equal(Packages.Commit, Element(nuspec, "repository")?.Attribute("commit")?.Value);
        }

        // SourceLink: the PDB maps the sources to raw files of that commit.
        var sourceLink = SourceLinkJson(Bytes(runtime, "lib/net10.0/Oxen.Video.pdb"));
        Assert.Contains($"https://raw.githubusercontent.com/oxen-video-tests/oxen-video/{Packages.Commit}/*", sourceLink, StringComparison.Ordinal);
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

    private static List<string> AssemblyReferences(byte[] assembly)
    {
        using var pe = new System.Reflection.PortableExecutable.PEReader(System.Collections.Immutable.ImmutableArray.Create(assembly));
        var reader = pe.GetMetadataReader();
        return reader.AssemblyReferences.Select(h => reader.GetString(reader.GetAssemblyReference(h).Name)).Order(StringComparer.Ordinal).ToList();
    }

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
