using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Oxen.Video.Schemas.Diagnostics;

namespace Oxen.Video.Generator.Diagnostics;

/// <summary>The core's findings as compiler diagnostics, made only when reported (specs keep plain data).</summary>
internal static class SchemaDiagnosticExtensions
{
    public static Diagnostic ToDiagnostic(this SchemaDiagnostic diagnostic) =>
        Diagnostic.Create(DiagnosticDescriptors.ById(diagnostic.RuleId), diagnostic.Location.ToLocation(), [.. diagnostic.MessageArgs]);

    public static Location ToLocation(this FileLocation location)
    {
        var start = new LinePosition(location.Line, location.Column);
        var end = new LinePosition(location.Line, location.Column + location.Length);
        return Location.Create(location.Path, new TextSpan(location.Offset, location.Length), new LinePositionSpan(start, end));
    }
}
