using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Microsoft.CodeAnalysis.Text;
using Oxen.Video.Generator.Tests.Infrastructure;
using Xunit;

namespace Oxen.Video.Generator.Tests;

/// <summary>
/// The whole generated output for a few representative schemas, compared with files in Golden/. After an
/// intended change, regenerate them with <c>OXEN_UPDATE_GOLDEN=1 dotnet test</c> and review the diff.
/// </summary>
public sealed class GoldenTests
{
    public static TheoryData<string, string> Cases => new()
    {
        // The product's reference model: its page is the contract.
        { "kling", "kling-video-v2-6-pro-text-to-video.json" },
        // Mixed-type enums, numeric-looking strings, x-enum-varnames, draft-4 and 2020-12 exclusive bounds, a bare schema.
        { "mixed-types", "mixed-types.json" },
        // The evaluations-list shape, arrays of objects, a free-form object, awkward property names.
        { "nested-objects", "nested-objects.json" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Generated_sources_match_the_golden_files(string caseName, string schemaFile)
    {
        var json = schemaFile.StartsWith("kling", StringComparison.Ordinal)
            ? TestFiles.RepositorySchema(Path.GetFileNameWithoutExtension(schemaFile))
            : TestFiles.TestSchema(schemaFile);
        var goldenDirectory = Path.Combine(TestFiles.ProjectDirectory(), "Golden", caseName);
        if (Environment.GetEnvironmentVariable("OXEN_UPDATE_GOLDEN") == "1")
        {
            WriteGoldenFiles(goldenDirectory, schemaFile, json);
        }

        var actual = GeneratorRunner.Run(schemaFile, json);
        var expectedFiles = Directory.EnumerateFiles(goldenDirectory, "*.g.cs").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expectedFiles.Select(Path.GetFileName), actual.HintNames.Order(StringComparer.Ordinal));
        foreach (var file in expectedFiles)
        {
            AssertSameText(File.ReadAllText(file), actual.Source(Path.GetFileName(file)), file);
        }

        // The same expectations through Roslyn's generator test harness, which also compiles the output.
        var test = new OxenGeneratorTest();
        test.AddSchema(schemaFile, json);
        foreach (var file in expectedFiles)
        {
            test.TestState.GeneratedSources.Add((typeof(OxenRequestGenerator), Path.GetFileName(file), SourceText.From(File.ReadAllText(file), Encoding.UTF8)));
        }

        await test.RunAsync();
    }

    private static void WriteGoldenFiles(string directory, string schemaFile, string json)
    {
        Directory.CreateDirectory(directory);
        foreach (var old in Directory.EnumerateFiles(directory, "*.g.cs"))
        {
            File.Delete(old);
        }

        var outcome = GeneratorRunner.Run(schemaFile, json);
        foreach (var hint in outcome.HintNames)
        {
            File.WriteAllText(Path.Combine(directory, hint), outcome.Source(hint));
        }
    }

    private static void AssertSameText(string expected, string actual, string file)
    {
        if (expected == actual)
        {
            return;
        }

        var diff = InlineDiffBuilder.Diff(expected, actual);
        var changed = diff.Lines
            .Select((line, index) => (line, index))
            .Where(x => x.line.Type != ChangeType.Unchanged)
            .Take(40)
            .Select(x => $"{(x.line.Type == ChangeType.Inserted ? "+" : "-")}{x.index + 1}: {x.line.Text}");
        Assert.Fail($"{Path.GetFileName(file)} differs from the generated source (set OXEN_UPDATE_GOLDEN=1 to accept):\n{string.Join("\n", changed)}");
    }
}
