using Oxen.Video.Schemas.Diagnostics;
using Oxen.Video.Schemas.Specs;

namespace Oxen.Video.Schemas.Parsing;

/// <summary>What one schema file yields: a model to emit (unless the file is unusable) and its diagnostics.</summary>
internal sealed record SchemaParseResult(ModelSpec? Model, EquatableArray<SchemaDiagnostic> Diagnostics);
