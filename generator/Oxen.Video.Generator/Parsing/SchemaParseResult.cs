using Oxen.Video.Generator.Diagnostics;
using Oxen.Video.Generator.Specs;

namespace Oxen.Video.Generator.Parsing;

/// <summary>What one schema file yields: a model to emit (unless the file is unusable) and its diagnostics.</summary>
internal sealed record SchemaParseResult(ModelSpec? Model, EquatableArray<DiagnosticInfo> Diagnostics);
