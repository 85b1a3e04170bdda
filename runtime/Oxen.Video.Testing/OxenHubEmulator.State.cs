using System.Text.Json;
using System.Text.Json.Nodes;

namespace Oxen.Video.Testing;

/// <summary>
/// Generations kept in <see cref="OxenHubEmulatorOptions.StateDirectory"/>, so a restarted emulator still knows
/// every id it gave: finished ones keep their result, unfinished ones run again from <c>queued</c>.
/// </summary>
public sealed partial class OxenHubEmulator
{
    private const string StateFileName = "generations.json";
    private readonly Lock _stateGate = new();

    private string? StatePath => _options.StateDirectory is { } folder ? Path.Combine(folder, StateFileName) : null;

    /// <summary>Writes every queued generation to the state file (a temporary file moved into place).</summary>
    private void SaveState()
    {
        if (StatePath is not { } path)
        {
            return;
        }

        var items = new JsonArray();
        foreach (var generation in _generations.Values.OrderBy(g => g.EnqueuedAt))
        {
            lock (generation.Gate)
            {
                items.Add(new JsonObject
                {
                    ["id"] = generation.Id,
                    ["model"] = generation.Model,
                    ["parameters"] = generation.Parameters.DeepClone(),
                    ["status"] = generation.Status,
                    ["error_message"] = generation.ErrorMessage,
                    ["enqueued_at"] = generation.EnqueuedAt,
                    ["started_at"] = generation.StartedAt,
                    ["completed_at"] = generation.CompletedAt,
                });
            }
        }

        var text = new JsonObject { ["generations"] = items }.ToJsonString();
        lock (_stateGate)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = path + ".tmp";
            File.WriteAllText(temporary, text);
            File.Move(temporary, path, overwrite: true);
        }
    }

    /// <summary>Reads the state file, if any: called once both origins listen (result URLs name the new port).</summary>
    private void RestoreState()
    {
        if (StatePath is not { } path || !File.Exists(path))
        {
            return;
        }

        JsonArray items;
        try
        {
            items = JsonNode.Parse(File.ReadAllText(path))?["generations"] as JsonArray
                ?? throw new InvalidDataException("no \"generations\" array");
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException)
        {
            throw new InvalidDataException($"The emulator state file {path} is not readable: {ex.Message}", ex);
        }

        foreach (var item in items.OfType<JsonObject>())
        {
            var generation = new EmulatedGeneration(
                (string)item["id"]!,
                (string)item["model"]!,
                item["parameters"] is JsonObject parameters ? (JsonObject)parameters.DeepClone() : new JsonObject(),
                (long?)item["enqueued_at"] ?? Now())
            {
                Status = (string?)item["status"] ?? "queued",
                ErrorMessage = (string?)item["error_message"],
                StartedAt = (long?)item["started_at"],
                CompletedAt = (long?)item["completed_at"],
            };
            _generations[generation.Id] = generation;
            if (generation.Status == "succeeded")
            {
                generation.ResultUrl = ResultUrl(generation.Id);
                _files[generation.Id] = 0;
            }
            else if (generation.IsActive && !_models.ContainsKey(generation.Model))
            {
                generation.Status = "failed";
                generation.ErrorMessage = $"Model not served after a restart: {generation.Model}";
                generation.CompletedAt = Now();
            }
            else if (generation.IsActive)
            {
                // It was running when the emulator stopped: it runs again.
                generation.Status = "queued";
                generation.StartedAt = null;
                StartJob(generation);
            }
        }
    }
}
