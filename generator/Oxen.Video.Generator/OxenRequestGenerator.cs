using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Oxen.Video.Generator.Diagnostics;
using Oxen.Video.Generator.Emit;
using Oxen.Video.Schemas.Diagnostics;
using Oxen.Video.Schemas.Parsing;
using Oxen.Video.Schemas.Specs;

namespace Oxen.Video.Generator;

/// <summary>
/// Generates a typed, validated request per Oxen model schema file (MSBuild item <c>OxenSchema</c>), and the
/// <c>OxenModels</c> registry. Pipeline: pick schema files → parse each into a spec → resolve ids and type names
/// over all files (the schema core's <c>SchemaSet</c>) → emit each spec.
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
            .Select(static (pair, ct) => new SchemaSource(pair.Left.Path, pair.Left.GetText(ct)?.ToString() ?? ""))
            .WithTrackingName(StepNames.SchemaFiles);

        var parsed = schemaFiles
            .Select(static (file, _) => new ParsedSchema(file, SchemaParser.Parse(file.Path, file.Text)))
            .WithTrackingName(StepNames.ParsedSchemas);

        var @namespace = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => ReadNamespace(options.GlobalOptions))
            .WithTrackingName(StepNames.Namespace);

        // Ids and type names are decided over the whole set of files; each file contributes only its claims, so
        // editing a description changes nothing here.
        var resolution = parsed
            .Where(static file => file.Result.Claims is not null)
            .Select(static (file, _) => file.Result.Claims!)
            .Collect()
            .Select(static (all, _) => SchemaSet.Resolve(all))
            .WithTrackingName(StepNames.DuplicateIds);

        var generated = resolution.Select(static (r, _) => r.Models);

        var models = parsed
            .Combine(generated)
            .Select(static (pair, _) => ModelToEmit(pair.Left, pair.Right))
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .Combine(@namespace)
            .WithTrackingName(StepNames.Models);

        var registry = generated
            .Select(static (all, _) => all.Select(m => new ModelSummary(m.Id, m.TypeName, m.FilePath)).ToEquatableArray())
            .Combine(@namespace)
            .WithTrackingName(StepNames.Registry);

        // Diagnostics leave through their own outputs, so reporting one never forces source to be re-emitted.
        context.RegisterSourceOutput(parsed.Select(static (file, _) => file.Result.Diagnostics), static (spc, diagnostics) => Report(spc, diagnostics));
        context.RegisterSourceOutput(resolution.Select(static (r, _) => r.Diagnostics), static (spc, diagnostics) => Report(spc, diagnostics));
        context.RegisterSourceOutput(@namespace, static (spc, ns) =>
        {
            if (ns.Problem is { } problem)
            {
                spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidNamespace, Location.None, problem, ns.Name));
            }
        });

        context.RegisterSourceOutput(models, static (spc, pair) =>
            spc.AddSource(Emitter.HintName(pair.Left), SourceText.From(Emitter.EmitModel(pair.Left, pair.Right.Name), System.Text.Encoding.UTF8)));

        context.RegisterSourceOutput(registry, static (spc, pair) =>
            spc.AddSource("OxenModels.g.cs", SourceText.From(Emitter.EmitRegistry(pair.Left, pair.Right.Name), System.Text.Encoding.UTF8)));
    }

    private static void Report(SourceProductionContext context, EquatableArray<SchemaDiagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }

    /// <summary>
    /// The spec to emit for one file: none when the file defines no model or loses its id to another file; parsed
    /// again with the names <see cref="SchemaSet"/> chose when another file holds some of its type names.
    /// </summary>
    private static ModelSpec? ModelToEmit(ParsedSchema file, EquatableArray<ResolvedModel> generated)
    {
        if (file.Result.Model is null || generated.FirstOrDefault(m => m.FilePath == file.Source.Path) is not { } resolved)
        {
            return null;
        }

        return resolved.Renames.Count == 0 ? file.Result.Model : SchemaParser.Parse(file.Source.Path, file.Source.Text, resolved.Renames).Model;
    }

    private static bool IsOxenSchema(AdditionalText file, AnalyzerConfigOptionsProvider options) =>
        options.GetOptions(file).TryGetValue("build_metadata.AdditionalFiles.OxenSchema", out var flag)
        && string.Equals(flag, "true", StringComparison.OrdinalIgnoreCase);

    private static GeneratedNamespace ReadNamespace(AnalyzerConfigOptions options)
    {
        if (!options.TryGetValue("build_property.OxenModelsNamespace", out var value) || string.IsNullOrWhiteSpace(value))
        {
            return new GeneratedNamespace(DefaultNamespace, null);
        }

        return IsNamespace(value)
            ? new GeneratedNamespace(value.Trim(), null)
            : new GeneratedNamespace(DefaultNamespace, value);
    }

    private static bool IsNamespace(string value) => value.Trim().Split('.').All(SyntaxFacts.IsValidIdentifier);
}

/// <summary>A schema file's path and text: what every later step needs, as plain data.</summary>
internal sealed record SchemaSource(string Path, string Text);

/// <summary>One file and what parsing it gave.</summary>
internal sealed record ParsedSchema(SchemaSource Source, SchemaParseResult Result);

/// <summary>The namespace the models are generated in, and the MSBuild value that was refused for it, if any.</summary>
internal sealed record GeneratedNamespace(string Name, string? Problem);
