using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Oxen.Video.Generator.Diagnostics;
using Oxen.Video.Generator.Emit;
using Oxen.Video.Schemas.Parsing;
using Oxen.Video.Schemas.Specs;

namespace Oxen.Video.Generator;

/// <summary>
/// Generates a typed, validated request per Oxen model schema file (MSBuild item <c>OxenSchema</c>), and the
/// <c>OxenModels</c> registry. Pipeline: pick schema files → parse each into a spec → emit each spec.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class OxenRequestGenerator : IIncrementalGenerator
{
    private const string DefaultNamespace = "Oxen.Video.Models";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var schemaFiles = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(static pair => IsOxenSchema(pair.Left, pair.Right))
            .Select(static (pair, _) => pair.Left)
            .WithTrackingName(StepNames.SchemaFiles);

        var parsed = schemaFiles
            .Select(static (file, ct) => SchemaParser.Parse(file.Path, file.GetText(ct)?.ToString() ?? ""))
            .WithTrackingName(StepNames.ParsedSchemas);

        var @namespace = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => ReadNamespace(options.GlobalOptions))
            .WithTrackingName(StepNames.Namespace);

        var summaries = parsed
            .Where(static result => result.Model is not null)
            .Select(static (result, _) => new ModelSummary(result.Model!.Id, result.Model.TypeName, result.Model.FilePath));

        // Only the set of duplicated ids feeds the per-model step, so editing one schema re-emits only that model.
        var duplicates = summaries.Collect()
            .Select(static (all, _) => FindDuplicates(all))
            .WithTrackingName(StepNames.DuplicateIds);

        var models = parsed
            .Where(static result => result.Model is not null)
            .Select(static (result, _) => result.Model!)
            .Combine(duplicates)
            .Where(static pair => !pair.Right.Any(d => d.Loser.FilePath == pair.Left.FilePath))
            .Select(static (pair, _) => pair.Left)
            .Combine(@namespace)
            .WithTrackingName(StepNames.Models);

        var registry = summaries.Collect()
            .Combine(duplicates)
            .Select(static (pair, _) => pair.Left
                .Where(s => !pair.Right.Any(d => d.Loser.FilePath == s.FilePath))
                .OrderBy(s => s.Id, StringComparer.Ordinal)
                .ToEquatableArray())
            .Combine(@namespace)
            .WithTrackingName(StepNames.Registry);

        // Diagnostics leave through their own outputs, so reporting one never forces source to be re-emitted.
        context.RegisterSourceOutput(parsed.Select(static (result, _) => result.Diagnostics), static (spc, diagnostics) =>
        {
            foreach (var diagnostic in diagnostics)
            {
                spc.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });

        context.RegisterSourceOutput(duplicates, static (spc, found) =>
        {
            foreach (var duplicate in found)
            {
                spc.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.DuplicateModel,
                    Location.Create(duplicate.Loser.FilePath, new TextSpan(0, 0), new LinePositionSpan(default, default)),
                    duplicate.Loser.Id,
                    duplicate.Winner.FilePath));
            }
        });

        context.RegisterSourceOutput(models, static (spc, pair) =>
            spc.AddSource(Emitter.HintName(pair.Left), SourceText.From(Emitter.EmitModel(pair.Left, pair.Right), System.Text.Encoding.UTF8)));

        context.RegisterSourceOutput(registry, static (spc, pair) =>
            spc.AddSource("OxenModels.g.cs", SourceText.From(Emitter.EmitRegistry(pair.Left, pair.Right), System.Text.Encoding.UTF8)));
    }

    private static bool IsOxenSchema(AdditionalText file, AnalyzerConfigOptionsProvider options) =>
        options.GetOptions(file).TryGetValue("build_metadata.AdditionalFiles.OxenSchema", out var flag)
        && string.Equals(flag, "true", StringComparison.OrdinalIgnoreCase);

    private static string ReadNamespace(AnalyzerConfigOptions options) =>
        options.TryGetValue("build_property.OxenModelsNamespace", out var value) && IsNamespace(value)
            ? value.Trim()
            : DefaultNamespace;

    private static bool IsNamespace(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value!.Trim().Split('.').All(SyntaxFacts.IsValidIdentifier);

    /// <summary>For each id defined twice, the file that wins (first by path) and each file that loses.</summary>
    private static EquatableArray<DuplicateModel> FindDuplicates(ImmutableArray<ModelSummary> all) =>
        all.GroupBy(s => s.Id, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .SelectMany(g =>
            {
                var ordered = g.OrderBy(s => s.FilePath, StringComparer.Ordinal).ToList();
                return ordered.Skip(1).Select(loser => new DuplicateModel(ordered[0], loser));
            })
            .ToEquatableArray();
}

/// <summary>Two files for one model id: the first by path is generated, the other reported.</summary>
internal sealed record DuplicateModel(ModelSummary Winner, ModelSummary Loser);
