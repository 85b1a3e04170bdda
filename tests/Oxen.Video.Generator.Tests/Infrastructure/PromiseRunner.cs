using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Oxen.Video.Generator.Tests.Infrastructure;

/// <summary>
/// Checks the README's promise for any set of schema files: the generator never fails (CS8785, AD0001), its
/// findings are OXEN diagnostics, and the generated code compiles with documentation on and no error or warning
/// inside it (a build with TreatWarningsAsErrors and a documentation file would pass).
/// </summary>
internal static class PromiseRunner
{
    /// <summary>Doc comments are parsed and checked, as in a project with GenerateDocumentationFile.</summary>
    public static readonly CSharpParseOptions DocumentedParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly CSharpCompilationOptions CompilationOptions = new(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);

    private static readonly ImmutableArray<MetadataReference> AllReferences = [.. References.All];

    public static PromiseOutcome Run(IEnumerable<(string Name, string Json)> schemas, string source = "", IReadOnlyDictionary<string, string>? globals = null)
    {
        var texts = schemas.Select(s => (AdditionalText)new TestAdditionalText(GeneratorRunner.SchemaDirectory + s.Name, s.Json)).ToImmutableArray();
        var options = new TestOptionsProvider(globals ?? new Dictionary<string, string>(), texts.Select(t => t.Path).ToHashSet());
        var driver = CSharpGeneratorDriver.Create(
            [new OxenRequestGenerator().AsSourceGenerator()], texts, DocumentedParseOptions, options, new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None));
        var compilation = CSharpCompilation.Create(
            "Consumer",
            [CSharpSyntaxTree.ParseText(source, DocumentedParseOptions, path: "/src/Consumer.cs")],
            AllReferences,
            CompilationOptions);
        var run = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        return new PromiseOutcome(run.GetRunResult(), output, generatorDiagnostics);
    }
}

/// <summary>What one run gave, and the promise's checks over it.</summary>
internal sealed record PromiseOutcome(GeneratorDriverRunResult Result, Compilation Compilation, ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    public IReadOnlyList<string> HintNames => Result.Results.Single().GeneratedSources.Select(s => s.HintName).ToList();

    public IReadOnlyList<Diagnostic> Oxen(string id) => GeneratorDiagnostics.Where(d => d.Id == id).ToList();

    public string Source(string hintName) =>
        Result.Results.Single().GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();

    /// <summary>Errors anywhere, and warnings inside generated code, from compiling the output (no emit).</summary>
    public IReadOnlyList<Diagnostic> BrokenPromises()
    {
        var broken = GeneratorDiagnostics.Where(d => !d.Id.StartsWith("OXEN", StringComparison.Ordinal)).ToList();
        broken.AddRange(Compilation.GetDiagnostics().Where(d =>
            d.Severity == DiagnosticSeverity.Error
            || (d.Severity == DiagnosticSeverity.Warning && d.Location.SourceTree?.FilePath.StartsWith("/src/", StringComparison.Ordinal) == false)));
        return broken;
    }

    public void AssertKept()
    {
        var broken = BrokenPromises();
        Assert.True(broken.Count == 0, "Broken promise:\n" + string.Join("\n", broken.Take(20)));
        Assert.Equal(HintNames.Count, HintNames.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        foreach (var diagnostic in GeneratorDiagnostics.Where(d => d.Id.StartsWith("OXEN", StringComparison.Ordinal) && d.Id != "OXEN013"))
        {
            Assert.True(diagnostic.Location.IsInSource || diagnostic.Location.Kind == LocationKind.ExternalFile, $"{diagnostic} has no location");
        }
    }
}
