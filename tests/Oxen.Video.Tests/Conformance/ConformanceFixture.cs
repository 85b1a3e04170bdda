using System.Collections.Immutable;
using System.Runtime.Loader;
using System.Text;
using System.Text.Json;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Oxen.Video.Generator;
using Oxen.Video.Models;

namespace Oxen.Video.Tests.Conformance;

/// <summary>
/// Runs the generator once over every wrapped suite schema, compiles all of them in one compilation against the
/// .NET 10 reference assemblies and the Oxen.Video runtime, and loads the result into a collectible context.
/// </summary>
public sealed class ConformanceFixture : IDisposable
{
    private readonly AssemblyLoadContext _context = new("Oxen.Video.Conformance", isCollectible: true);
    private readonly Dictionary<string, OxenModelInfo> _models;

    public ConformanceFixture()
    {
        var schemas = JsonSchemaTestSuite.Groups
            .Select(g => (AdditionalText)new InMemoryAdditionalText($"/conformance/schemas/{g.ModelId}.json", g.WrappedSchemaJson))
            .ToList();
        // A file without the OxenSchema marker, which the generator must leave alone.
        var unmarked = new InMemoryAdditionalText("/conformance/other/not-a-schema.json", "{\"type\": \"object\", \"properties\": {}}");
        var parseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);

        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new OxenRequestGenerator().AsSourceGenerator()],
            [.. schemas, unmarked],
            parseOptions,
            new OxenSchemaOptionsProvider(schemas));
        var compilation = CSharpCompilation.Create(
            "Oxen.Video.Conformance",
            [],
            [.. Net100.References.All, MetadataReference.CreateFromFile(typeof(IOxenRequest).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);

        var run = driver.GetRunResult().Results.Single();
        if (run.Exception is not null)
        {
            throw new InvalidOperationException("The generator threw.", run.Exception);
        }

        GeneratorDiagnostics = run.Diagnostics;
        GeneratedSourceCount = run.GeneratedSources.Length;
        using var assembly = new MemoryStream();
        var emitted = output.Emit(assembly);
        CompilerWarnings = [.. emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning)];
        if (!emitted.Success)
        {
            var errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20);
            throw new InvalidOperationException("The generated conformance models do not compile:\n" + string.Join("\n", errors));
        }

        assembly.Position = 0;
        var registry = _context.LoadFromStream(assembly).GetType("Oxen.Video.Models.OxenModels")
            ?? throw new InvalidOperationException("The generated assembly has no OxenModels.");
        var all = (IReadOnlyList<OxenModelInfo>)registry.GetProperty("All")!.GetValue(null)!;
        _models = all.ToDictionary(m => m.Id, StringComparer.Ordinal);
    }

    /// <summary>What the generator reported (unsupported keywords, ignored defaults, ...).</summary>
    public ImmutableArray<Diagnostic> GeneratorDiagnostics { get; }

    public IReadOnlyList<Diagnostic> CompilerWarnings { get; }

    public int GeneratedSourceCount { get; }

    public IReadOnlyCollection<string> ModelIds => _models.Keys;

    /// <summary>The generated code's verdict on one case: valid ⇔ Parse succeeds and Validate() is valid.</summary>
    public SuiteOutcome Evaluate(SuiteCase @case)
    {
        if (!_models.TryGetValue(@case.ModelId, out var model))
        {
            return new SuiteOutcome(false, "no model was generated", null);
        }

        var body = $"{{\"model\":\"{@case.ModelId}\",\"value\":{@case.DataJson}}}";
        IOxenRequest request;
        try
        {
            request = model.ParseRequest(Encoding.UTF8.GetBytes(body));
        }
        catch (JsonException ex)
        {
            return new SuiteOutcome(false, "Parse threw: " + ex.Message, null);
        }
        catch (Exception ex)
        {
            return new SuiteOutcome(false, null, $"Parse crashed on {body}: {ex}");
        }

        var result = request.Validate();
        return new SuiteOutcome(result.IsValid, result.IsValid ? $"valid; ToJson() = {request.ToJson()}" : "Validate(): " + result, null);
    }

    public void Dispose() => _context.Unload();
}

/// <summary>The generated code's verdict, what it said, and a crash (any exception but a JsonException from Parse).</summary>
public sealed record SuiteOutcome(bool Valid, string? Detail, string? Crash);
