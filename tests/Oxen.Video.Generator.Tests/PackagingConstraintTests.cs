using Microsoft.CodeAnalysis;
using Oxen.Video.Generator.Tests.Infrastructure;
using Xunit;

namespace Oxen.Video.Generator.Tests;

/// <summary>The generator loads in any compiler host from Roslyn 4.8 on: no newer Roslyn, no other package.</summary>
public sealed class PackagingConstraintTests
{
    private static readonly Version Roslyn48 = new(4, 8, 0, 0);

    [Fact]
    public void The_generator_references_only_netstandard_and_roslyn_4_8_or_older()
    {
        var references = typeof(OxenRequestGenerator).Assembly.GetReferencedAssemblies();
        Assert.Contains(references, r => r.Name == "Microsoft.CodeAnalysis");
        foreach (var reference in references)
        {
            switch (reference.Name)
            {
                case "netstandard":
                    break;
                case "Microsoft.CodeAnalysis" or "Microsoft.CodeAnalysis.CSharp":
                    Assert.True(reference.Version <= Roslyn48, $"{reference.Name} {reference.Version} is newer than Roslyn 4.8: older compilers would skip the generator (CS9057).");
                    break;
                case "System.Collections.Immutable":
                    // Shipped with the compiler itself; Roslyn 4.8 carries 7.0.
                    Assert.True(reference.Version <= new Version(7, 0, 0, 0), $"System.Collections.Immutable {reference.Version} is newer than Roslyn 4.8 carries.");
                    break;
                default:
                    Assert.Fail($"The generator references {reference.FullName}: the compiler host may not load it.");
                    break;
            }
        }
    }

    [Fact]
    public void The_namespace_comes_from_the_msbuild_property_and_a_bad_one_falls_back_to_the_default()
    {
        const string schema = """{"type": "object", "properties": {"prompt": {"type": "string"}}}""";
        var custom = GeneratorRunner.Run(
            [("ns.json", schema)],
            "public static class P { public static string Id => My.Company.Video.NsRequest.ModelId; }",
            new Dictionary<string, string> { ["build_property.OxenModelsNamespace"] = "My.Company.Video" });
        Assert.Empty(custom.CompilerErrors);

        var invalid = GeneratorRunner.Run(
            [("ns.json", schema)],
            "public static class P { public static string Id => Oxen.Video.Models.NsRequest.ModelId; }",
            new Dictionary<string, string> { ["build_property.OxenModelsNamespace"] = "not a namespace!" });
        Assert.Empty(invalid.CompilerErrors);
    }

    [Fact]
    public void Files_without_the_OxenSchema_marker_are_ignored()
    {
        var driver = GeneratorRunner.CreateDriver(Array.Empty<AdditionalText>());
        var outcome = driver
            .AddAdditionalTexts([new TestAdditionalText("/other/stylecop.json", "{\"settings\": {}}")])
            .RunGenerators(GeneratorRunner.CreateCompilation())
            .GetRunResult();
        var generated = outcome.Results.Single().GeneratedSources;
        Assert.Equal(["OxenModels.g.cs"], generated.Select(s => s.HintName));
        Assert.Empty(outcome.Diagnostics);
    }
}
