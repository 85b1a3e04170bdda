using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Oxen.Video.Generator.Tests.Infrastructure;

/// <summary>A schema file handed to the generator as an AdditionalFile.</summary>
internal sealed class TestAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
