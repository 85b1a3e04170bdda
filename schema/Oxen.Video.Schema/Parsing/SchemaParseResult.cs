using Oxen.Video.Schemas.Diagnostics;
using Oxen.Video.Schemas.Specs;

namespace Oxen.Video.Schemas.Parsing;

/// <summary>
/// What one schema file yields: a model to emit (unless the file is unusable), its diagnostics, and the type names
/// it claims (for <see cref="SchemaSet"/>, which resolves names across files).
/// </summary>
internal sealed record SchemaParseResult(ModelSpec? Model, EquatableArray<SchemaDiagnostic> Diagnostics, ModelClaims? Claims);

/// <summary>A model's id, file and the top-level type names it generates, in the order the parser claimed them.</summary>
internal sealed record ModelClaims(string Id, string FilePath, EquatableArray<TypeNameClaim> Names);

/// <summary>One generated type name, who it is for (<c>'duration' of model 'kling'</c>) and where the schema asks for it.</summary>
internal sealed record TypeNameClaim(string Name, string Owner, FileLocation Location);

/// <summary>A type name another file holds, and the name this file's type gets instead.</summary>
internal sealed record TypeRename(string From, string To);
