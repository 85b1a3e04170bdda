using System.Collections.Generic;

namespace Oxen.Video.Models;

/// <summary>Parses a request body (<c>{"model": ..., ...}</c>) into a model's generated request type.</summary>
public delegate IOxenRequest OxenRequestParser(ReadOnlySpan<byte> utf8Json);

/// <summary>What the generated registry (<c>OxenModels</c>) knows of one model, from its cached schema file.</summary>
public sealed class OxenModelInfo
{
    /// <summary>Creates the entry; called by generated code.</summary>
    public OxenModelInfo(
        string id,
        string displayName,
        string? description,
        string endpoint,
        Type requestType,
        IReadOnlyList<OxenParameterInfo> parameters,
        OxenRequestParser parse)
    {
        Id = id;
        DisplayName = displayName;
        Description = description;
        Endpoint = endpoint;
        RequestType = requestType;
        Parameters = parameters;
        _parse = parse;
    }

    private readonly OxenRequestParser _parse;

    /// <summary>The model id, e.g. <c>kling-video-v2-6-pro-text-to-video</c>.</summary>
    public string Id { get; }

    /// <summary>The name Oxen shows, e.g. <c>Kling 2.6 Pro - Text to Video</c>.</summary>
    public string DisplayName { get; }

    /// <summary>A one-line description, when the model object has one.</summary>
    public string? Description { get; }

    /// <summary>The inference endpoint, <c>/videos/generate</c> for video models.</summary>
    public string Endpoint { get; }

    /// <summary>The model's category (<c>model_type</c>), e.g. <c>text-to-video</c>.</summary>
    public string? ModelType { get; init; }

    /// <summary>The media the model takes (<c>capabilities.input</c>).</summary>
    public IReadOnlyList<string> InputCapabilities { get; init; } = [];

    /// <summary>The media the model produces (<c>capabilities.output</c>).</summary>
    public IReadOnlyList<string> OutputCapabilities { get; init; } = [];

    /// <summary>Pricing, when the cached model object has it.</summary>
    public OxenModelPricing? Pricing { get; init; }

    /// <summary>The date the model's page left Oxen's docs (it may no longer be served), when known.</summary>
    public string? RemovedFromDocsOn { get; init; }

    /// <summary>The generated request type.</summary>
    public Type RequestType { get; }

    /// <summary>The schema's properties, in the schema's order.</summary>
    public IReadOnlyList<OxenParameterInfo> Parameters { get; }

    /// <summary>Parses a request body into <see cref="RequestType"/>.</summary>
    /// <exception cref="System.Text.Json.JsonException">The JSON does not fit the schema's types.</exception>
    public IOxenRequest ParseRequest(ReadOnlySpan<byte> utf8Json) => _parse(utf8Json);

    /// <summary>Parses a request body into <see cref="RequestType"/>, media paths read as <paramref name="options"/> says.</summary>
    /// <exception cref="System.Text.Json.JsonException">The JSON does not fit the schema's types.</exception>
    public IOxenRequest ParseRequest(ReadOnlySpan<byte> utf8Json, OxenParseOptions? options)
    {
        if (options?.MediaBaseDirectory is not { } directory)
        {
            return _parse(utf8Json);
        }

        // The parser is synchronous: the scope lasts exactly as long as this one parse on this thread.
        var copy = utf8Json.ToArray();
        return OxenMediaScopes.Read(directory, () => _parse(copy));
    }

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({DisplayName})";
}
