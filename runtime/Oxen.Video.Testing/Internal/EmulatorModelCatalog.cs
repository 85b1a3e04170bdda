using System.Text.Json.Nodes;

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
            case JsonObject model when model["request_schema"] is not null || model["json_request_schema"] is not null:
                Add(models, Normalize(model, fallbackId));
                break;
            case JsonObject schema when schema["properties"] is not null || schema["type"] is not null:
                var id = fallbackId ?? throw new InvalidOperationException("A bare schema needs an id: load it from a file named after the model.");
                Add(models, new JsonObject
                {
                    ["id"] = id,
                    ["object"] = "model",
                    ["display_name"] = id,
                    ["endpoint"] = "/videos/generate",
                    ["request_schema"] = schema.DeepClone(),
                });
                break;
            default:
                throw new InvalidOperationException($"Not a model object, a list of models or a schema{(fallbackId is null ? string.Empty : $" ({fallbackId})")}.");
        }
    }

    private static JsonObject Normalize(JsonObject model, string? fallbackId)
    {
        var copy = (JsonObject)model.DeepClone();
        var id = (string?)copy["id"] ?? (string?)copy["name"] ?? fallbackId
            ?? throw new InvalidOperationException("A model object needs an id (or name).");
        copy["id"] = id;
        copy["object"] ??= "model";
        copy["endpoint"] ??= "/videos/generate";
        if (copy["request_schema"] is null && copy["json_request_schema"] is { } schema)
        {
            copy["request_schema"] = schema.DeepClone();
        }

        return copy;
    }

    private static void Add(Dictionary<string, EmulatorModel> models, JsonObject model)
    {
        var id = (string)model["id"]!;
        models[id] = new EmulatorModel(id, model);
    }
}
