using System.Text.Json;
using NJsonSchema;
using Oxen.Video.Schemas.Parsing;

namespace Oxen.Cli.Schemas;

/// <summary>
/// Checks one cached file: NJsonSchema must read its request schema as JSON Schema, and the generator's own
/// parser lists what it would report at build time (unsupported keywords, bad defaults, ...).
/// </summary>
internal static class SchemaCheck
{
    public static async Task<List<string>> RunAsync(string path, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);

        // The schema core's parser, exactly as the build runs it, in the compiler's own form.
        var parsed = SchemaParser.Parse(path, text);
        foreach (var diagnostic in parsed.Diagnostics)
        {
            problems.Add(diagnostic.ToString());
        }

        if (parsed.Model is null)
        {
            return problems;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var schema = SchemaJson.RequestSchema(document.RootElement);
            await JsonSchema.FromJsonAsync(schema.GetRawText(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException or Newtonsoft.Json.JsonException)
        {
            problems.Add($"{path}: error: NJsonSchema cannot read the request schema: {ex.Message}");
        }

        return problems;
    }
}
