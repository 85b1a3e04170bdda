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
    }

    public string Id { get; }

    /// <summary>The model object as served, with <c>request_schema</c>.</summary>
    public JsonObject Json { get; }

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

    private static async Task<JsonSchema?> LoadAsync(string schemaText) =>
        await JsonSchema.FromJsonAsync(schemaText).ConfigureAwait(false);
}
