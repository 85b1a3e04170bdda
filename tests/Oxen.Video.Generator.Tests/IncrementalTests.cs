using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Oxen.Video.Generator.Tests.Infrastructure;
using Oxen.Video.Schemas.Json;
using Oxen.Video.Schemas.Parsing;
using Xunit;

namespace Oxen.Video.Generator.Tests;

/// <summary>The generator stays incremental: equal specs, no Roslyn or JSON objects in them, cached steps.</summary>
public sealed class IncrementalTests
{
    private static readonly string[] TrackedSteps =
    [
        StepNames.SchemaFiles, StepNames.ParsedSchemas, StepNames.Namespace, StepNames.DuplicateIds, StepNames.Models, StepNames.Registry,
    ];

    private static List<(string Name, string Json)> AllSchemas() =>
        TestFiles.RepositorySchemaFiles().Select(f => (Path.GetFileName(f), File.ReadAllText(f))).ToList();

    [Fact]
    public void Parsing_the_same_file_twice_gives_equal_but_distinct_specs()
    {
        foreach (var (name, json) in AllSchemas())
        {
            var first = SchemaParser.Parse("/schemas/" + name, json);
            var second = SchemaParser.Parse("/schemas/" + name, json);
            Assert.NotSame(first, second);
            Assert.Equal(first, second);
            Assert.Equal(first.GetHashCode(), second.GetHashCode());
        }
    }

    [Fact]
    public void Specs_hold_only_plain_data()
    {
        var forbidden = new[] { typeof(ISymbol), typeof(SyntaxNode), typeof(Location), typeof(Compilation), typeof(SemanticModel), typeof(JsonValue) };
        foreach (var (name, json) in AllSchemas())
        {
            var result = SchemaParser.Parse("/schemas/" + name, json);
            Assert.NotNull(result.Model);
            Walk(result, name, forbidden, new HashSet<object>(ReferenceEqualityComparer.Instance));
        }
    }

    [Fact]
    public void An_unrelated_csharp_edit_leaves_every_step_cached()
    {
        var driver = GeneratorRunner.CreateDriver(AllSchemas());
        var compilation = GeneratorRunner.CreateCompilation("public class A { }");
        driver = driver.RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("public class B { }", GeneratorRunner.ParseOptions));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in TrackedSteps)
        {
            var outputs = result.TrackedSteps[step].SelectMany(s => s.Outputs).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {o.Reason}"));
        }
    }

    [Fact]
    public void Editing_one_schema_re_emits_only_that_model()
    {
        var schemas = AllSchemas();
        var texts = schemas.Select(s => (AdditionalText)new TestAdditionalText(GeneratorRunner.SchemaDirectory + s.Name, s.Json)).ToList();
        var driver = GeneratorRunner.CreateDriver(texts);
        var compilation = GeneratorRunner.CreateCompilation("public class A { }");
        driver = driver.RunGenerators(compilation);

        var oldText = texts.Single(t => t.Path.EndsWith("/kling-video-v2-6-pro-text-to-video.json", StringComparison.Ordinal));
        var json = oldText.GetText()!.ToString();
        var newText = new TestAdditionalText(oldText.Path, json.Replace("Video aspect ratio", "The video's aspect ratio", StringComparison.Ordinal));
        driver = driver.ReplaceAdditionalText(oldText, newText);

        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();
        var models = result.TrackedSteps[StepNames.Models].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(schemas.Count, models.Count);
        Assert.Single(models, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Equal(schemas.Count - 1, models.Count(o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        var registry = result.TrackedSteps[StepNames.Registry].SelectMany(s => s.Outputs).Single();
        Assert.True(registry.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"registry: {registry.Reason}");
        Assert.Contains("The video's aspect ratio", result.GeneratedSources.Single(s => s.HintName == "KlingVideoV26ProTextToVideoRequest.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Adding_a_schema_whose_names_meet_another_models_emits_only_the_new_model()
    {
        var schemas = AllSchemas();
        var driver = GeneratorRunner.CreateDriver(schemas);
        var compilation = GeneratorRunner.CreateCompilation("public class A { }");
        driver = driver.RunGenerators(compilation);

        // Sorts after every catalog file, so the catalog keeps its names and the newcomer is renamed.
        var newcomer = new TestAdditionalText(
            GeneratorRunner.SchemaDirectory + "zz-kling-video-v2-6-pro-text-to-video.json",
            """{"id": "Kling-Video-V2-6-Pro-Text-To-Video", "request_schema": {"type": "object", "properties": {"aspect_ratio": {"type": "string", "enum": ["1:1"]}}}}""");
        var schemaPaths = schemas.Select(s => GeneratorRunner.SchemaDirectory + s.Name).Append(newcomer.Path).ToHashSet();
        driver = driver.AddAdditionalTexts([newcomer]).WithUpdatedAnalyzerConfigOptions(new TestOptionsProvider(new Dictionary<string, string>(), schemaPaths));

        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();
        var models = result.TrackedSteps[StepNames.Models].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(schemas.Count + 1, models.Count);
        Assert.Single(models, o => o.Reason == IncrementalStepRunReason.New);
        Assert.Equal(schemas.Count, models.Count(o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        Assert.Contains(result.GeneratedSources, s => s.HintName == "KlingVideoV26ProTextToVideoRequest2.g.cs");
    }

    private static void Walk(object? value, string path, Type[] forbidden, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value is Enum || !seen.Add(value))
        {
            return;
        }

        var type = value.GetType();
        Assert.False(forbidden.Any(f => f.IsAssignableFrom(type)), $"{path} holds a {type.Name}, which breaks incremental caching.");
        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items)
            {
                Walk(item, $"{path}[{i++}]", forbidden, seen);
            }

            return;
        }

        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            Walk(field.GetValue(value), $"{path}.{field.Name}", forbidden, seen);
        }
    }
}
