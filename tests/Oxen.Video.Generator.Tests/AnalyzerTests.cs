using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Oxen.Video.Generator.Analyzer;
using Oxen.Video.Generator.Tests.Infrastructure;
using Xunit;

namespace Oxen.Video.Generator.Tests;

/// <summary>
/// The analyzer against the real generated Kling 2.6 Pro type and a schema with length and URI limits: each
/// OXEN1xx fires on its bad constant, and nothing fires on valid constants or on non-constant values.
/// </summary>
public sealed class AnalyzerTests
{
    private const string LimitsSchema = """
        {"type": "object", "required": ["prompt"], "properties": {
          "prompt": {"type": "string", "maxLength": 10},
          "image_url": {"type": "string", "format": "uri"},
          "steps": {"type": "integer", "minimum": 1, "exclusiveMaximum": 50}
        }}
        """;

    private static readonly Lazy<string[]> GeneratedSources = new(() =>
    {
        var outcome = GeneratorRunner.Run([
            ("kling-video-v2-6-pro-text-to-video.json", TestFiles.RepositorySchema("kling-video-v2-6-pro-text-to-video")),
            ("limits.json", LimitsSchema)]);
        return outcome.Result.Results.Single().GeneratedSources.Select(s => s.SourceText.ToString()).ToArray();
    });

    [Fact]
    public Task OXEN101_fires_on_a_constant_above_the_maximum_in_an_initializer() => VerifyAsync("""
        var r = new KlingVideoV26ProTextToVideoRequest { Prompt = "p", CfgScale = {|OXEN101:11|} };
        """);

    [Fact]
    public Task OXEN101_fires_on_an_assignment_below_the_minimum_and_on_an_exclusive_bound() => VerifyAsync("""
        var r = new KlingVideoV26ProTextToVideoRequest { Prompt = "p" };
        r.CfgScale = {|OXEN101:-0.5|};
        var l = new LimitsRequest { Prompt = "p", Steps = {|OXEN101:50|} };
        """);

    [Fact]
    public Task OXEN102_fires_on_a_constant_string_over_maxLength() => VerifyAsync("""
        var l = new LimitsRequest { Prompt = {|OXEN102:"eleven char"|} };
        """);

    [Fact]
    public Task OXEN103_fires_on_an_undefined_enum_constant() => VerifyAsync("""
        var r = new KlingVideoV26ProTextToVideoRequest { Prompt = "p", Duration = {|OXEN103:(KlingVideoV26ProTextToVideoDuration)7|} };
        r.AspectRatio = {|OXEN103:0|};
        """);

    [Fact]
    public Task OXEN104_fires_on_a_constant_that_is_not_an_absolute_uri() => VerifyAsync("""
        var l = new LimitsRequest { Prompt = "p", ImageUrl = {|OXEN104:"images/cat.png"|} };
        """);

    [Fact]
    public Task Nothing_fires_on_valid_constants_or_on_values_known_only_at_run_time() => VerifyAsync("""
        var r = new KlingVideoV26ProTextToVideoRequest
        {
            Prompt = "a surfer",
            CfgScale = 10,
            Duration = KlingVideoV26ProTextToVideoDuration.Seconds10,
            AspectRatio = KlingVideoV26ProTextToVideoAspectRatio.Ratio9x16,
        };
        r.CfgScale = 0;
        r.CfgScale = System.Environment.ProcessorCount * 100.0;
        var l = new LimitsRequest { Prompt = "ten chars!", ImageUrl = "https://example.com/a.png", Steps = 49 };
        l.Prompt = System.Environment.MachineName;
        """);

    private static async Task VerifyAsync(string statements)
    {
        var test = new CSharpAnalyzerTest<OxenConstantAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
        };
        test.TestState.AdditionalReferences.AddRange(References.All);
        test.TestState.Sources.Add($$"""
            using Oxen.Video.Models;

            public static class UserCode
            {
                public static void Run()
                {
            {{statements}}
                }
            }
            """);
        foreach (var generated in GeneratedSources.Value)
        {
            test.TestState.Sources.Add(generated);
        }

        await test.RunAsync();
    }
}
