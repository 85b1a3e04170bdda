using System.Text.Json.Nodes;
using Oxen.Video.Schemas.Parsing;

namespace Oxen.Video.Testing;

/// <summary>Reads model files and texts in every shape Oxen uses.</summary>
internal static class EmulatorModelCatalog
{
    public static Dictionary<string, EmulatorModel> Load(OxenHubEmulatorOptions options)
    {
        var models = new Dictionary<string, EmulatorModel>(StringComparer.Ordinal);
        if (options.SchemaDirectory is { } directory)
        {
            foreach (var file in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
            {
                var node = JsonNode.Parse(File.ReadAllText(file));
                AddAll(models, node, Path.GetFileNameWithoutExtension(file));
            }
        }

        foreach (var text in options.Models)
        {
            AddAll(models, JsonNode.Parse(text), fallbackId: null);
        }

        return models;
    }

    private static void AddAll(Dictionary<string, EmulatorModel> models, JsonNode? node, string? fallbackId)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    AddAll(models, item, fallbackId: null);
                }

                break;
            case JsonObject list when list["models"] is JsonArray || (list["data"] is JsonArray && list["properties"] is null):
                AddAll(models, list["models"] ?? list["data"], fallbackId: null);
                break;
            case JsonObject single:
                Add(models, FromSchemaFile(single, fallbackId));
                break;
            default:
                throw new InvalidOperationException($"Not a model object, a list of models or a schema{(fallbackId is null ? string.Empty : $" ({fallbackId})")}.");
        }
    }

    /// <summary>
    /// One model from an object, its shape told by the schema core (the one reader of schema files): a model
    /// object (<c>request_schema</c>), an evaluations entry (<c>json_request_schema</c>, an object or JSON text), or
    /// a bare schema named by its file. Served as a model object with <c>request_schema</c> as an object.
    /// </summary>
    private static JsonObject FromSchemaFile(JsonObject node, string? fallbackId)
    {
        var file = SchemaFile.Read(node.ToJsonString(), fallbackId ?? string.Empty);
        if (file.EncodingError is { } error)
        {
            throw new InvalidOperationException($"The json_request_schema of '{file.Id}' is JSON text that is not JSON: {error.Message}");
        }

        if (!file.IsModelObject)
        {
            if (node["properties"] is null && node["type"] is null)
            {
                throw new InvalidOperationException($"Not a model object, a list of models or a schema{(fallbackId is null ? string.Empty : $" ({fallbackId})")}.");
            }

            var id = fallbackId ?? throw new InvalidOperationException("A bare schema needs an id: load it from a file named after the model.");
            return new JsonObject
            {
                ["id"] = id,
                ["object"] = "model",
                ["display_name"] = id,
                ["endpoint"] = "/videos/generate",
                ["request_schema"] = node.DeepClone(),
            };
        }

        if (string.IsNullOrEmpty(file.Id))
        {
            throw new InvalidOperationException("A model object needs an id (or name).");
        }

        var copy = (JsonObject)node.DeepClone();
        copy["id"] = file.Id;
        copy["object"] ??= "model";
        copy["endpoint"] ??= "/videos/generate";
        copy["request_schema"] = file.RequestSchema is null ? null : JsonNode.Parse(file.RequestSchema.RawText);
        return copy;
    }

    private static void Add(Dictionary<string, EmulatorModel> models, JsonObject model)
    {
        var id = (string)model["id"]!;
        models[id] = new EmulatorModel(id, model);
    }
}
