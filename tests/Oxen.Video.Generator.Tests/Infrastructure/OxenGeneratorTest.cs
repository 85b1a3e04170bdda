using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Oxen.Video.Generator.Tests.Infrastructure;

/// <summary>
/// The Roslyn source-generator test harness set up for Oxen schemas: AdditionalFiles in, generated sources and
/// diagnostics out. References are .NET 10 and the runtime, given directly, so nothing is downloaded.
/// </summary>
internal sealed class OxenGeneratorTest : CSharpSourceGeneratorTest<OxenRequestGenerator, DefaultVerifier>
{
    private readonly List<string> _schemaPaths = [];

    public OxenGeneratorTest()
    {
        ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        TestState.AdditionalReferences.AddRange(References.All);
    }

    public string AddSchema(string name, string json)
    {
        var path = GeneratorRunner.SchemaDirectory + name;
        TestState.AdditionalFiles.Add((path, json));
        _schemaPaths.Add(path);

        // MSBuild marks OxenSchema files with metadata; a global config does the same here.
        var config = "is_global = true\n" + string.Concat(_schemaPaths.Select(p => $"\n[{p}]\nbuild_metadata.AdditionalFiles.OxenSchema = true\n"));
        TestState.AnalyzerConfigFiles.Clear();
        TestState.AnalyzerConfigFiles.Add(("/.globalconfig", config));
        return path;
    }
}
