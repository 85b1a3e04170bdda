using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Oxen.Video.Tests.Conformance;

/// <summary>
/// The analyzer config MSBuild would write for <c>&lt;OxenSchema Include="..." /&gt;</c>: the files marked
/// <c>build_metadata.AdditionalFiles.OxenSchema = true</c>, every other file and the global options empty.
/// </summary>
internal sealed class OxenSchemaOptionsProvider(IEnumerable<AdditionalText> schemaFiles) : AnalyzerConfigOptionsProvider
{
    private static readonly Options Empty = new(new Dictionary<string, string>());

    private static readonly Options SchemaFile = new(new Dictionary<string, string>
    {
        ["build_metadata.AdditionalFiles.OxenSchema"] = "true",
    });

    private readonly HashSet<string> _schemaPaths = schemaFiles.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);

    public override AnalyzerConfigOptions GlobalOptions => Empty;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        _schemaPaths.Contains(textFile.Path) ? SchemaFile : Empty;

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
