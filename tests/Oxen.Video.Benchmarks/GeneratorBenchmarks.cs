extern alias generator;
using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Oxen.Video.Benchmarks;

/// <summary>
/// The generator over every file in schemas/: a cold run (a new driver, as a fresh build), and a run after an
/// unrelated C# edit (every step cached).
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private ImmutableArray<AdditionalText> _schemas;
    private AnalyzerConfigOptionsProvider _options = null!;
    private Compilation _compilation = null!;
    private Compilation _editedCompilation = null!;
    private GeneratorDriver _warmDriver = null!;
    private bool _toggle;

    [GlobalSetup]
    public void Setup()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "Schemas");
        _schemas = Directory.EnumerateFiles(directory, "*.json")
            .Select(path => (AdditionalText)new FileText(path, File.ReadAllText(path)))
            .ToImmutableArray();
        _options = new SchemaOptions(_schemas.Select(s => s.Path).ToHashSet());
        _compilation = CSharpCompilation.Create(
            "Consumer",
            [CSharpSyntaxTree.ParseText("public class A { }", ParseOptions)],
            Basic.Reference.Assemblies.Net100.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        _editedCompilation = _compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("public class B { }", ParseOptions));
        _warmDriver = CreateDriver().RunGenerators(_compilation);
        var generated = _warmDriver.GetRunResult().GeneratedTrees.Length;
        if (generated != _schemas.Length + 1)
        {
            throw new InvalidOperationException($"Expected {_schemas.Length + 1} generated files, got {generated}.");
        }
    }

    [Benchmark]
    public int ColdRunOverAllSchemas() => CreateDriver().RunGenerators(_compilation).GetRunResult().GeneratedTrees.Length;

    [Benchmark]
    public int RunAfterUnrelatedEdit()
    {
        // Alternating between two compilations makes every run an unrelated edit of the previous one.
        _toggle = !_toggle;
        _warmDriver = _warmDriver.RunGenerators(_toggle ? _editedCompilation : _compilation);
        return _warmDriver.GetRunResult().GeneratedTrees.Length;
    }

    private GeneratorDriver CreateDriver() => CSharpGeneratorDriver.Create(
        [new generator::Oxen.Video.Generator.OxenRequestGenerator().AsSourceGenerator()],
        _schemas,
        ParseOptions,
        _options,
        new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));

    private sealed class FileText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class SchemaOptions(HashSet<string> schemaPaths) : AnalyzerConfigOptionsProvider
    {
        private static readonly Options None = new(false);
        private static readonly Options Schema = new(true);

        public override AnalyzerConfigOptions GlobalOptions => None;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => schemaPaths.Contains(textFile.Path) ? Schema : None;

        private sealed class Options(bool isSchema) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
            {
                value = isSchema && key == "build_metadata.AdditionalFiles.OxenSchema" ? "true" : null;
                return value is not null;
            }
        }
    }
}
