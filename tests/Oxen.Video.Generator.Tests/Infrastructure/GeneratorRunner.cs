using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Oxen.Video.Generator.Analyzer;

namespace Oxen.Video.Generator.Tests.Infrastructure;

/// <summary>Runs the generator (and optionally the analyzer) directly with a Roslyn driver, for focused assertions.</summary>
internal static class GeneratorRunner
{
    public const string SchemaDirectory = "/schemas/";

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static GeneratorDriver CreateDriver(IEnumerable<(string Name, string Json)> schemas, IReadOnlyDictionary<string, string>? globals = null) =>
        CreateDriver(schemas.Select(s => (AdditionalText)new TestAdditionalText(SchemaDirectory + s.Name, s.Json)), globals);

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> files, IReadOnlyDictionary<string, string>? globals = null)
    {
        var texts = files.ToImmutableArray();
        var options = new TestOptionsProvider(globals ?? new Dictionary<string, string>(), texts.Select(t => t.Path).ToHashSet());
        return CSharpGeneratorDriver.Create(
            [new OxenRequestGenerator().AsSourceGenerator()],
            texts,
            ParseOptions,
            options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    public static CSharpCompilation CreateCompilation(params string[] sources) => CSharpCompilation.Create(
        "Consumer",
        sources.Select(s => CSharpSyntaxTree.ParseText(s, ParseOptions, path: "/src/Consumer.cs")),
        References.All,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>Generates from <paramref name="schemas"/> and compiles the result with <paramref name="source"/>.</summary>
    public static GeneratorOutcome Run(IEnumerable<(string Name, string Json)> schemas, string source = "", IReadOnlyDictionary<string, string>? globals = null)
    {
        var driver = CreateDriver(schemas, globals).RunGeneratorsAndUpdateCompilation(CreateCompilation(source), out var output, out var generatorDiagnostics);
        return new GeneratorOutcome(driver.GetRunResult(), output, generatorDiagnostics);
    }

    public static GeneratorOutcome Run(string name, string json, string source = "") => Run([(name, json)], source);

    /// <summary>Generates, then runs the analyzer over the user's code.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(IEnumerable<(string Name, string Json)> schemas, string source)
    {
        var outcome = Run(schemas, source);
        var analyzed = outcome.Compilation.WithAnalyzers([new OxenConstantAnalyzer()]);
        return await analyzed.GetAnalyzerDiagnosticsAsync();
    }
}

/// <summary>What one generator run produced.</summary>
internal sealed record GeneratorOutcome(GeneratorDriverRunResult Result, Compilation Compilation, ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    public IReadOnlyList<Diagnostic> CompilerErrors =>
        Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    public string Source(string hintName) =>
        Result.Results.Single().GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();

    public IReadOnlyList<string> HintNames => Result.Results.Single().GeneratedSources.Select(s => s.HintName).ToList();
}
