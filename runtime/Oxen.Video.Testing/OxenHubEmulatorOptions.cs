using System.Text.Json.Nodes;

namespace Oxen.Video.Testing;

/// <summary>Settings of an <see cref="OxenHubEmulator"/>.</summary>
public sealed class OxenHubEmulatorOptions
{
    /// <summary>
    /// A folder of model files: model objects (<c>{id, display_name, endpoint, request_schema, ...}</c>, or
    /// <c>json_request_schema</c> with <c>id</c> or <c>name</c>), lists of them (<c>{"models": [...]}</c>,
    /// <c>{"data": [...]}</c>, arrays), or bare schemas whose id is the file name.
    /// </summary>
    public string? SchemaDirectory { get; set; }

    /// <summary>Model objects as JSON text, in the same shapes as the files of <see cref="SchemaDirectory"/>.</summary>
    public IList<string> Models { get; } = [];

    /// <summary>When set, the API origin requires <c>Authorization: Bearer &lt;key&gt;</c> and answers 401 otherwise.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How long a generation stays <c>queued</c>. Default 50 ms.</summary>
    public TimeSpan QueuedDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How long a generation stays <c>processing</c>. Default 200 ms.</summary>
    public TimeSpan ProcessingDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long a synchronous generation blocks. Default 250 ms.</summary>
    public TimeSpan SyncDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The period of <c>: keep-alive</c> comments on the event stream (15 s on Oxen). Default 1 s.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// When set, result URLs point at the API origin (<c>/api/ai/results/{id}.mp4</c>), which redirects to the
    /// download origin: a client must drop the key on the way.
    /// </summary>
    public bool RedirectResultUrlsThroughApi { get; set; }

    /// <summary>
    /// Whether <c>GET /api/ai/generations/{id}</c> gives the charged <c>cost</c>; when false the field is left
    /// out, as a hub that does not report costs would. Default true.
    /// </summary>
    public bool ReportChargedCost { get; set; } = true;

    /// <summary>
    /// The charged cost of a succeeded generation, from its model id and parameters; when unset, the model
    /// object's <c>pricing</c> decides (and an unpriced model has no cost).
    /// </summary>
    public Func<string, JsonObject, decimal?>? ChargedCost { get; set; }

    /// <summary>
    /// The emulator's clock: how long jobs stay queued and processing, sync delays, keep-alive periods, download
    /// pacing and every timestamp follow it. A test may pass a fake one and advance it. Default the system clock.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The MP4 served as every result; default a 2-second 320×180 test pattern embedded in this assembly.</summary>
    public ReadOnlyMemory<byte>? Video { get; set; }

    /// <summary>
    /// When set, queued generations are kept in this folder (<c>generations.json</c>) and read back at start, so
    /// an id survives a restart of the emulator (<c>oxen hub serve --state DIR</c>).
    /// </summary>
    public string? StateDirectory { get; set; }

    /// <summary>The API origin's port on 127.0.0.1; default a free port. The download origin always takes a free port.</summary>
    public int? Port { get; set; }

    /// <summary>
    /// The most bytes the repository file API keeps in memory, every file of every repository together; an upload
    /// that would go past it answers 413. Default 512 MiB.
    /// </summary>
    public long MaxRepositoryBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>The largest file one upload may store; a larger one answers 413. Default 256 MiB.</summary>
    public long MaxRepositoryFileBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>
    /// The largest media input a generation reads (a data: URI once decoded, or an <see cref="ExternalMedia"/>
    /// answer); a larger one fails the generation. Default 64 MiB.
    /// </summary>
    public long MaxMediaInputBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// What an http(s) media input on another host answers when a generation reads it: its bytes, or
    /// <see langword="null"/> when it cannot be downloaded (the generation fails, as on the hub). When unset, every
    /// such URL is taken as readable media of the kind its field asks for (an image for an image field...), so a
    /// test may pass <c>https://example.com/cat.png</c> without serving it. The emulator's own repository files,
    /// its result files and data: URIs are always read for real.
    /// </summary>
    public Func<Uri, byte[]?>? ExternalMedia { get; set; }

    /// <summary>Adds a video model from its request schema.</summary>
    /// <returns>These options, for chaining.</returns>
    /// <param name="id">The model id.</param>
    /// <param name="requestSchemaJson">The request schema.</param>
    /// <param name="displayName">The name shown; the id when unset.</param>
    /// <param name="pricingJson">The model object's <c>pricing</c>, e.g. <c>{"method":"per_video_output_second","cost_per_second":0.07}</c>.</param>
    public OxenHubEmulatorOptions AddModel(string id, string requestSchemaJson, string? displayName = null, string? pricingJson = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(requestSchemaJson);
        var model = new JsonObject
        {
            ["id"] = id,
            ["object"] = "model",
            ["display_name"] = displayName ?? id,
            ["endpoint"] = "/videos/generate",
            ["capabilities"] = new JsonObject { ["input"] = new JsonArray("text"), ["output"] = new JsonArray("video") },
            ["request_schema"] = JsonNode.Parse(requestSchemaJson),
        };
        if (pricingJson is not null)
        {
            model["pricing"] = JsonNode.Parse(pricingJson);
        }

        Models.Add(model.ToJsonString());
        return this;
    }
}
