using System.Text.Json;
using Oxen.Video.Schemas.Json;
using Oxen.Video.Schemas.Parsing;

namespace Oxen.Cli.Schemas;

/// <summary>
/// The command line's view of cached schema files, through the schema core (the same reader as the generator): the
/// normalized form files are written in, and a file's request schema in any of its three shapes.
/// </summary>
internal static class SchemaJson
{
    /// <summary>The normalized form of <c>oxen schemas pull</c> and the build-time fetch (see <see cref="CanonicalJson"/>).</summary>
    public static string Normalize(JsonElement model) => CanonicalJson.Normalize(model.GetRawText());

    /// <summary>The request schema of a file in any of the three shapes (model object, evaluations entry, bare schema).</summary>
    /// <exception cref="JsonException">The file is not a JSON object, or its schema text is not JSON.</exception>
    public static JsonElement RequestSchema(JsonElement file)
    {
        if (file.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"a schema file holds a JSON object (a model object, an evaluations entry or a JSON Schema), not {file.ValueKind.ToString().ToLowerInvariant()}");
        }

        var shape = SchemaFile.Read(file.GetRawText(), fallbackId: "");
        if (shape.EncodingError is { } error)
        {
            throw new JsonException($"json_request_schema is not JSON: {error.Message}");
        }

        using var document = JsonDocument.Parse(shape.RequestSchema?.RawText ?? "null");
        return document.RootElement.Clone();
    }
}
