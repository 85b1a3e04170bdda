using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Oxen.Video.Testing;

/// <summary>The queue: enqueue, look up, list, cancel.</summary>
public sealed partial class OxenHubEmulator
{
    private async Task EnqueueAsync(HttpContext context)
    {
        // Like Oxen, only the model (and credits) are checked at enqueue; parameters are checked when the job runs.
        if (await ReadGenerationBodyAsync(context).ConfigureAwait(false) is not var (body, modelId, _))
        {
            return;
        }

        var count = 1;
        if (body["num_generations"] is JsonValue n && (!n.TryGetValue(out count) || count is < 1 or > 12))
        {
            await WriteJsonAsync(context, 400, ErrorBody("invalid_params", "Invalid parameters", "num_generations: must be an integer from 1 to 12.")).ConfigureAwait(false);
            return;
        }

        var parameters = (JsonObject)body.DeepClone();
        parameters.Remove("model");
        parameters.Remove("num_generations");
        var answer = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var generation = new EmulatedGeneration(Guid.NewGuid().ToString(), modelId, (JsonObject)parameters.DeepClone(), Now());
            _generations[generation.Id] = generation;
            answer.Add(new JsonObject { ["generation_id"] = generation.Id, ["status"] = "queued" });
            StartJob(generation);
        }

        Counters.Enqueued(count);
        SaveState();
        await WriteJsonAsync(context, 200, new JsonObject { ["generations"] = answer }).ConfigureAwait(false);
    }

    private Task GetGenerationAsync(HttpContext context)
    {
        var id = RouteId(context);
        if (!_generations.TryGetValue(id, out var generation))
        {
            return WriteJsonAsync(context, 404, ErrorBody("resource_not_found", "Resource not found", $"Generation not found: {id}"));
        }

        var json = generation.ToJson();
        if (Faults.TakeStatus(out var status))
        {
            json.Remove("status");
            if (status is not null)
            {
                json["status"] = status;
            }
        }

        return WriteJsonAsync(context, 200, json);
    }

    private Task ListGenerationsAsync(HttpContext context)
    {
        var status = context.Request.Query["status"].ToString();
        var model = context.Request.Query["model"].ToString();
        var mediaType = context.Request.Query["media_type"].ToString();
        var items = new JsonArray();
        foreach (var generation in _generations.Values.OrderBy(g => g.EnqueuedAt))
        {
            var json = generation.ToJson();
            var itemStatus = (string?)json["status"];
            var matches = status.Length > 0 ? itemStatus == status : itemStatus is "queued" or "processing";
            matches &= model.Length == 0 || generation.Model == model;
            matches &= mediaType.Length == 0 || mediaType == "video";
            if (matches)
            {
                items.Add(json);
            }
        }

        return WriteJsonAsync(context, 200, new JsonObject { ["count"] = items.Count, ["generations"] = items });
    }

    private Task CancelGenerationAsync(HttpContext context)
    {
        var id = RouteId(context);
        if (!_generations.TryGetValue(id, out var generation))
        {
            return WriteJsonAsync(context, 404, ErrorBody("resource_not_found", "Resource not found", $"Generation not found: {id}"));
        }

        // Only active generations change; a cancelled one sends no event.
        lock (generation.Gate)
        {
            if (generation.IsActive)
            {
                generation.Status = "cancelled";
                generation.CompletedAt = Now();
                generation.Cancellation.Cancel();
            }
        }

        SaveState();

        return WriteJsonAsync(context, 200, new JsonObject { ["status"] = "success", ["generation_id"] = id });
    }

    private void StartJob(EmulatedGeneration generation)
    {
        var job = Task.Run(() => RunJobAsync(generation));
        lock (_jobs)
        {
            _jobs.RemoveAll(j => j.IsCompleted);
            _jobs.Add(job);
        }
    }

    private async Task RunJobAsync(EmulatedGeneration generation)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(generation.Cancellation.Token, _shutdown.Token);
        try
        {
            await Task.Delay(_options.QueuedDelay, Time, stop.Token).ConfigureAwait(false);
            lock (generation.Gate)
            {
                if (!generation.IsActive)
                {
                    return;
                }

                generation.Status = "processing";
                generation.StartedAt = Now();
            }

            // Another event type, mixed in as on Oxen: clients must filter on the event name.
            _events.Publish("media_generation_started", new JsonObject { ["generation_id"] = generation.Id, ["model"] = generation.Model }.ToJsonString());
            await Task.Delay(_options.ProcessingDelay, Time, stop.Token).ConfigureAwait(false);

            var failure = Faults.TakeFailure(generation.Model, generation.Prompt)
                ?? await ValidateJobAsync(generation).ConfigureAwait(false)
                ?? ReadMediaInputs(_models[generation.Model], generation.Parameters);

            JsonObject completed;
            lock (generation.Gate)
            {
                if (!generation.IsActive)
                {
                    return;
                }

                generation.CompletedAt = Now();
                if (failure is null)
                {
                    generation.Status = "succeeded";
                    generation.ResultUrl = Faults.TakeResultUrl(generation.Id) ?? ResultUrl(generation.Id);
                    _files[generation.Id] = 0;
                    completed = new JsonObject
                    {
                        ["generation_id"] = generation.Id,
                        ["status"] = "succeeded",
                        ["media_type"] = "video",
                        ["model"] = generation.Model,
                        ["url"] = generation.ResultUrl,
                    };
                }
                else
                {
                    generation.Status = "failed";
                    generation.ErrorMessage = failure;
                    completed = new JsonObject
                    {
                        ["generation_id"] = generation.Id,
                        ["status"] = "failed",
                        ["media_type"] = "video",
                        ["error"] = failure,
                    };
                }
            }

            if (!Faults.TakeLostEvent())
            {
                _events.Publish("media_generation_completed", completed.ToJsonString());
            }
        }
        catch (OperationCanceledException)
        {
            // Cancelled (no event) or shutting down.
        }
    }

    /// <summary>Checks the parameters against the model's schema, as Oxen does when the job runs.</summary>
    private async Task<string?> ValidateJobAsync(EmulatedGeneration generation)
    {
        try
        {
            var problems = await _models[generation.Model].ValidateAsync(WithoutPlatformParameters(generation.Parameters)).ConfigureAwait(false);
            return problems.Count > 0 ? "Invalid parameters: " + string.Join("; ", problems) : null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A schema NJsonSchema cannot read: fail the job (as an upstream error would) rather than leave it running.
            return $"Upstream validation error: {ex.Message}";
        }
    }

    private string ResultUrl(string id) => _options.RedirectResultUrlsThroughApi
        ? new Uri(BaseAddress, $"api/ai/results/{id}.mp4").ToString()
        : new Uri(DownloadBaseAddress, $"files/{id}.mp4?X-Amz-Signature=emulated&X-Amz-Expires=3600").ToString();
}
