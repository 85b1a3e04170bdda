using System.Text.Json;

namespace Oxen.Video.Tests.Infrastructure;

/// <summary>One file of <c>schemas/</c>: the cached model object and its <c>request_schema</c>.</summary>
internal sealed class SchemaFile
{
    private SchemaFile(string fileName, JsonElement model)
    {
        FileName = fileName;
        Model = model;
        RequestSchema = model.GetProperty("request_schema");
    }

    /// <summary>All files of <c>schemas/*.json</c>, by file name.</summary>
    public static IReadOnlyList<SchemaFile> All { get; } = Load();

    /// <summary>The file name without <c>.json</c>: the model id the file stands for.</summary>
    public string FileName { get; }

    /// <summary>The whole model object.</summary>
    public JsonElement Model { get; }

    /// <summary>The model's JSON Schema.</summary>
    public JsonElement RequestSchema { get; }

    /// <summary>The <c>id</c> written in the file.</summary>
    public string Id => Model.GetProperty("id").GetString()!;

    /// <summary>The file's <c>x-removed-from-docs</c> date, when it has one.</summary>
    public string? RemovedFromDocs =>
        Model.TryGetProperty("x-removed-from-docs", out var value) ? value.GetString() : null;

    /// <summary>The properties of the request schema, in file order.</summary>
    public IEnumerable<JsonProperty> Properties => RequestSchema.GetProperty("properties").EnumerateObject();

    /// <summary>The names the request schema lists in <c>required</c>.</summary>
    public IReadOnlySet<string> Required => RequiredOf(RequestSchema);

    public static SchemaFile Get(string id) =>
        All.SingleOrDefault(f => f.FileName == id) ?? throw new ArgumentException($"No schemas/{id}.json.", nameof(id));

    public static IReadOnlySet<string> RequiredOf(JsonElement schema) =>
        schema.TryGetProperty("required", out var required)
            ? required.EnumerateArray().Select(r => r.GetString()!).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The schema of one property of the request.</summary>
    public JsonElement Property(string name) => RequestSchema.GetProperty("properties").GetProperty(name);

    public override string ToString() => FileName;

    private static SchemaFile[] Load() =>
        Directory.GetFiles(TestFiles.SchemasDirectory, "*.json")
            .Order(StringComparer.Ordinal)
            .Select(path => new SchemaFile(
                Path.GetFileNameWithoutExtension(path),
                JsonDocument.Parse(File.ReadAllBytes(path)).RootElement))
            .ToArray();
}
