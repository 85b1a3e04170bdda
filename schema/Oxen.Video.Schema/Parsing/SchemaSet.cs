using System;
using System.Collections.Generic;
using System.Linq;
using Oxen.Video.Schemas.Diagnostics;
using Oxen.Video.Schemas.Specs;

namespace Oxen.Video.Schemas.Parsing;

/// <summary>
/// What the set of schema files of one project decides together: which file defines each model id, and which
/// generated type gets which name. The one function behind the generator's collect step and
/// <c>oxen schemas check</c>, so the build and the command line report the same cross-file findings.
/// </summary>
internal static class SchemaSet
{
    /// <summary>
    /// Every finding the build reports for these files, in file and position order: what <c>oxen schemas check</c>
    /// prints. The generator runs the same two steps (<see cref="SchemaParser.Parse(string, string)"/> per file, then
    /// <see cref="Resolve"/>), so both report the same ids at the same places.
    /// </summary>
    public static IReadOnlyList<SchemaDiagnostic> Check(IEnumerable<(string Path, string Text)> files)
    {
        var parsed = files.Select(f => SchemaParser.Parse(f.Path, f.Text)).ToList();
        var resolution = Resolve(parsed.Where(p => p.Claims is not null).Select(p => p.Claims!));
        return parsed.SelectMany(p => p.Diagnostics)
            .Concat(resolution.Diagnostics)
            .OrderBy(d => d.Location.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Offset)
            .ThenBy(d => d.RuleId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Resolves ids and type names over every parsed file. Files are taken in path order (ordinal), so the result
    /// does not depend on the order the build lists them in: for an id defined twice the first file wins (OXEN006),
    /// and a type name an earlier file (or the runtime) holds gets the next free <c>2</c>, <c>3</c>... (OXEN004).
    /// </summary>
    public static SchemaSetResolution Resolve(IEnumerable<ModelClaims> files)
    {
        var names = new TypeNameSet();
        var winners = new Dictionary<string, ModelClaims>(StringComparer.Ordinal);
        var models = new List<ResolvedModel>();
        var diagnostics = new List<SchemaDiagnostic>();
        foreach (var file in files.OrderBy(f => f.FilePath, StringComparer.Ordinal))
        {
            if (winners.TryGetValue(file.Id, out var winner))
            {
                diagnostics.Add(new SchemaDiagnostic(
                    SchemaRules.DuplicateModel.Id, FileLocation.StartOf(file.FilePath), new[] { file.Id, winner.FilePath }.ToEquatableArray()));
                continue;
            }

            winners[file.Id] = file;
            var renames = new List<TypeRename>();
            foreach (var claim in file.Names)
            {
                var (name, heldBy) = names.Take(claim.Name, claim.Owner);
                if (heldBy is null)
                {
                    continue;
                }

                renames.Add(new TypeRename(claim.Name, name));
                diagnostics.Add(new SchemaDiagnostic(
                    SchemaRules.NameCollision.Id,
                    claim.Location,
                    new[] { "type names of different models", heldBy, claim.Owner, claim.Name, name }.ToEquatableArray()));
            }

            var typeName = file.Names.Count == 0 ? "" : renames.FirstOrDefault(r => r.From == file.Names[0].Name)?.To ?? file.Names[0].Name;
            models.Add(new ResolvedModel(file.Id, file.FilePath, typeName, renames.ToEquatableArray()));
        }

        return new SchemaSetResolution(
            models.OrderBy(m => m.Id, StringComparer.Ordinal).ToEquatableArray(),
            diagnostics.ToEquatableArray());
    }
}

/// <summary>The models that are generated (sorted by id) and the cross-file findings.</summary>
internal sealed record SchemaSetResolution(EquatableArray<ResolvedModel> Models, EquatableArray<SchemaDiagnostic> Diagnostics)
{
    public static readonly SchemaSetResolution Empty = new(EquatableArray<ResolvedModel>.Empty, EquatableArray<SchemaDiagnostic>.Empty);

    /// <summary>The model <paramref name="filePath"/> defines, or null when it defines none that is generated.</summary>
    public ResolvedModel? For(string filePath) => Models.FirstOrDefault(m => m.FilePath == filePath);

    /// <summary>The registry's entries, sorted by id.</summary>
    public EquatableArray<ModelSummary> Registry => Models.Select(m => new ModelSummary(m.Id, m.TypeName, m.FilePath)).ToEquatableArray();
}

/// <summary>A model that is generated: its request type's final name and the names it gives up to other files.</summary>
internal sealed record ResolvedModel(string Id, string FilePath, string TypeName, EquatableArray<TypeRename> Renames);
