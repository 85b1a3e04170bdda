using Oxen.Video.Schemas.Json;
using Oxen.Video.Schemas.Specs;

namespace Oxen.Video.Schemas.Diagnostics;

/// <summary>A place in a schema file, as data (0-based line and column); the generator makes a Roslyn location of it.</summary>
internal sealed record FileLocation(string Path, int Offset, int Length, int Line, int Column)
{
    public static FileLocation At(string path, TextPosition start, int length) =>
        new(path, start.Offset, length, start.Line, start.Column);

    // Objects and arrays span lines: point at their opening brace, which is enough for an editor to jump to.
    public static FileLocation Of(string path, JsonValue value) =>
        At(path, value.Start, value.Kind is JsonKind.Object or JsonKind.Array ? 1 : value.Length);

    public static FileLocation OfName(string path, JsonProperty property) =>
        At(path, property.NameStart, property.NameLength);

    /// <summary>The start of a file: for findings about the file as a whole.</summary>
    public static FileLocation StartOf(string path) => new(path, 0, 0, 0, 0);
}

/// <summary>A finding about a schema file as equatable data, so a pipeline step that reports one can still be cached.</summary>
internal sealed record SchemaDiagnostic(string RuleId, FileLocation Location, EquatableArray<string> MessageArgs)
{
    public SchemaRule Rule => SchemaRules.ById(RuleId);

    public string Message => Rule.Format([.. MessageArgs]);

    /// <summary>The compiler's form, 1-based: <c>path(line,col): warning OXEN003: message</c>.</summary>
    public override string ToString() =>
        $"{Location.Path}({Location.Line + 1},{Location.Column + 1}): {(Rule.Severity == SchemaSeverity.Error ? "error" : "warning")} {RuleId}: {Message}";
}
