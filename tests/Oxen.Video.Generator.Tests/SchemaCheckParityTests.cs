using Microsoft.CodeAnalysis;
using Oxen.Video.Generator.Tests.Infrastructure;
using Oxen.Video.Schemas.Diagnostics;
using Oxen.Video.Schemas.Parsing;
using Xunit;

namespace Oxen.Video.Generator.Tests;

/// <summary>
/// <c>oxen schemas check</c> reports exactly what the build reports. Every case of the bad-schema corpus
/// (<c>BadSchemas/&lt;case&gt;/*.json</c>, one per rule and per edge, cross-file cases as several files) runs
/// through the generator and through the core's <see cref="SchemaSet.Check"/>, which the CLI calls; both must give
/// the same ids, positions and messages. The generator's list is kept in <c>BadSchemas/expected.txt</c>, which the
/// CLI's own test reads too (rewrite it with <c>OXEN_UPDATE_EXPECTED=1</c>).
/// </summary>
public sealed class SchemaCheckParityTests
{
    private static readonly string Corpus = Path.Combine(AppContext.BaseDirectory, "BadSchemas");

    [Fact]
    public void The_generator_and_schemas_check_report_the_same_findings_for_every_bad_schema()
    {
        var lines = new List<string>();
        foreach (var caseName in Directory.GetDirectories(Corpus).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal))
        {
            var files = Directory.GetFiles(Path.Combine(Corpus, caseName), "*.json")
                .Order(StringComparer.Ordinal)
                .Select(f => (Name: $"{caseName}/{Path.GetFileName(f)}", Json: File.ReadAllText(f)))
                .ToList();

            var outcome = PromiseRunner.Run(files);
            outcome.AssertKept();
            var fromGenerator = outcome.GeneratorDiagnostics.Select(FromGenerator).Order(StringComparer.Ordinal).ToList();
            var fromCheck = SchemaSet.Check(files.Select(f => (GeneratorRunner.SchemaDirectory + f.Name, f.Json))).Select(FromCore).Order(StringComparer.Ordinal).ToList();

            Assert.NotEmpty(fromGenerator);
            Assert.Equal(fromGenerator, fromCheck);
            lines.AddRange(fromGenerator);
        }

        foreach (var rule in SchemaRules.All.Where(r => r != SchemaRules.InvalidNamespace))
        {
            Assert.Contains(lines, l => l.Contains($": {rule.Id}: ", StringComparison.Ordinal));
        }

        var expectedPath = Path.Combine(TestFiles.ProjectDirectory(), "BadSchemas", "expected.txt");
        var actual = string.Join("\n", lines) + "\n";
        if (Environment.GetEnvironmentVariable("OXEN_UPDATE_EXPECTED") == "1")
        {
            File.WriteAllText(expectedPath, actual);
        }

        Assert.Equal(File.ReadAllText(expectedPath), actual);
    }

    private static string FromGenerator(Diagnostic d)
    {
        var span = d.Location.GetLineSpan();
        return $"{span.Path[GeneratorRunner.SchemaDirectory.Length..]}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    private static string FromCore(SchemaDiagnostic d) =>
        $"{d.Location.Path[GeneratorRunner.SchemaDirectory.Length..]}({d.Location.Line + 1},{d.Location.Column + 1}): {d.RuleId}: {d.Message}";
}
