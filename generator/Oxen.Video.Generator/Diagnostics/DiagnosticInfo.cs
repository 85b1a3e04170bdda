using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Oxen.Video.Generator.Json;
using Oxen.Video.Generator.Specs;

namespace Oxen.Video.Generator.Diagnostics;

/// <summary>A place in a schema file, as data; turned into a <see cref="Location"/> only when reported.</summary>
internal sealed record FileLocation(string Path, int Offset, int Length, int Line, int Column)
{
    public static FileLocation At(string path, TextPosition start, int length) =>
        new(path, start.Offset, length, start.Line, start.Column);

    // Objects and arrays span lines: point at their opening brace, which is enough for an editor to jump to.
    public static FileLocation Of(string path, JsonValue value) =>
        At(path, value.Start, value.Kind is JsonKind.Object or JsonKind.Array ? 1 : value.Length);

    public static FileLocation OfName(string path, JsonProperty property) =>
        At(path, property.NameStart, property.NameLength);

    public Location ToLocation()
    {
        var start = new LinePosition(Line, Column);
        var end = new LinePosition(Line, Column + Length);
        return Location.Create(Path, new TextSpan(Offset, Length), new LinePositionSpan(start, end));
    }
}

/// <summary>A diagnostic as equatable data, so a pipeline step that reports one can still be cached.</summary>
internal sealed record DiagnosticInfo(string DescriptorId, FileLocation Location, EquatableArray<string> MessageArgs)
{
    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(DiagnosticDescriptors.ById(DescriptorId), Location.ToLocation(), [.. MessageArgs]);
}
