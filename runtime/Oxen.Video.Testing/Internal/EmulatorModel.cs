using System.Text.Json.Nodes;
using NJsonSchema;

namespace Oxen.Video.Testing;

/// <summary>One model the emulator serves, with its schema loaded lazily for run-time validation.</summary>
internal sealed class EmulatorModel
{
    private readonly Lazy<Task<JsonSchema?>> _schema;

    public EmulatorModel(string id, JsonObject json)
    {
        Id = id;
        Json = json;
        var schemaText = (json["request_schema"] as JsonObject)?.ToJsonString();
        _schema = new Lazy<Task<JsonSchema?>>(() => schemaText is null ? Task.FromResult<JsonSchema?>(null) : LoadAsync(schemaText));

        // Read at load (about 0.3 ms a model once the reader is warm), not lazily: a lazy read would make the
        // first generations wait on it together and end at the same instant, which no real hub does.
        MediaParameters = ReadMediaParameters(id, json.ToJsonString());
    }

    public string Id { get; }

    /// <summary>The model object as served, with <c>request_schema</c>.</summary>
    public JsonObject Json { get; }

    /// <summary>
    /// The media parameters (for a list, the kind of each item), by the schema core's rule, the one the client's
    /// validation and the generated types use: the emulator reads these inputs when a generation runs.
    /// </summary>
    public IReadOnlyList<(string Name, OxenMediaKind Kind)> MediaParameters { get; }

    /// <summary>Validates request parameters (platform parameters removed); returns one line per problem.</summary>
    public async Task<IReadOnlyList<string>> ValidateAsync(JsonObject parameters)
    {
        var schema = await _schema.Value.ConfigureAwait(false);
        if (schema is null)
        {
            return [];
        }

        return [.. schema.Validate(parameters.ToJsonString())
            .Select(e => $"{(string.IsNullOrEmpty(e.Property) ? e.Path?.TrimStart('#', '/') : e.Property)}: {e.Kind}")
            .Distinct(StringComparer.Ordinal)];
    }

    private static IReadOnlyList<(string, OxenMediaKind)> ReadMediaParameters(string id, string modelJson)
    {
        try
        {
            return [.. OxenModelSchema.Parse(modelJson, id).Info.Parameters
                .Where(p => p.MediaKind is not null)
                .Select(p => (p.Name, p.MediaKind!.Value))];
        }
        catch (OxenSchemaException)
        {
            // A schema the core cannot read has no media fields it knows of; NJsonSchema still checks the rest.
            return [];
        }
    }

    private static async Task<JsonSchema?> LoadAsync(string schemaText) =>
        await JsonSchema.FromJsonAsync(schemaText).ConfigureAwait(false);
}
