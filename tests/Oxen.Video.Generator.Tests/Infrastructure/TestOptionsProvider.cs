using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Oxen.Video.Generator.Tests.Infrastructure;

/// <summary>MSBuild's view as the generator sees it: which files carry OxenSchema, and global properties.</summary>
internal sealed class TestOptionsProvider(IReadOnlyDictionary<string, string> globals, ISet<string> schemaPaths) : AnalyzerConfigOptionsProvider
{
    private static readonly TestOptions Empty = new(new Dictionary<string, string>());
    private static readonly TestOptions Schema = new(new Dictionary<string, string> { ["build_metadata.AdditionalFiles.OxenSchema"] = "true" });

    public override AnalyzerConfigOptions GlobalOptions { get; } = new TestOptions(globals);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => schemaPaths.Contains(textFile.Path) ? Schema : Empty;

    private sealed class TestOptions(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
