using System.Text.Json.Nodes;
using Oxen.Video.Schemas.Diagnostics;
using Oxen.Video.Schemas.Parsing;
using Oxen.Video.Schemas.Specs;

namespace Oxen.Video;

/// <summary>
/// A model's schema read at run time, for a model that has no generated type (one that appeared on the hub after
/// the build): it builds <see cref="OxenSchemaRequest"/>s that validate with the same rules and messages as a
/// generated <c>Validate()</c>, because both come from the same schema reader.
/// </summary>
public sealed partial class OxenModelSchema
{
    private OxenModelSchema(ModelSpec spec, IReadOnlyList<string> warnings)
    {
        Spec = spec;
        Warnings = warnings;
    }

    /// <summary>The model id, e.g. <c>kling-video-v2-6-pro-text-to-video</c>.</summary>
    public string ModelId => Spec.Id;

    /// <summary>The name Oxen shows.</summary>
    public string DisplayName => Spec.DisplayName;

    /// <summary>What the schema reader noted about the file (unsupported keywords, ignored defaults...), as compiler-style lines.</summary>
    public IReadOnlyList<string> Warnings { get; }

    internal ModelSpec Spec { get; }

    /// <summary>
    /// Reads a schema in any of the shapes Oxen serves (a model object, an evaluations entry, a bare JSON Schema).
    /// </summary>
    /// <param name="json">The file's or the hub's JSON text.</param>
    /// <param name="source">Where it came from (a path or URL), used in messages and as the id of a bare schema.</param>
    /// <exception cref="OxenSchemaException">The text is not a usable schema; the message lists every error.</exception>
    public static OxenModelSchema Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        var result = SchemaParser.Parse(source, json);
        var errors = result.Diagnostics.Where(d => d.Rule.Severity == SchemaSeverity.Error).Select(d => d.ToString()).ToList();
        if (result.Model is null || errors.Count > 0)
        {
            throw new OxenSchemaException(source, errors.Count > 0 ? errors : [$"{source}: no model could be read from it."]);
        }

        var warnings = result.Diagnostics.Where(d => d.Rule.Severity != SchemaSeverity.Error).Select(d => d.ToString()).ToList();
        return new OxenModelSchema(result.Model, warnings);
    }

    /// <summary>Starts a request for this model from JSON parameters (the body without <c>"model"</c>).</summary>
    /// <param name="parameters">The parameters; copied, so later changes to it are not seen.</param>
    public OxenSchemaRequest CreateRequest(JsonObject parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new OxenSchemaRequest(this, (JsonObject)parameters.DeepClone());
    }

    /// <inheritdoc />
    public override string ToString() => $"{ModelId} ({DisplayName})";
}

/// <summary>A schema file that cannot be used: every error found, each located in the file.</summary>
public sealed class OxenSchemaException : Exception
{
    /// <summary>Creates the exception.</summary>
    public OxenSchemaException(string source, IReadOnlyList<string> errors)
        : base($"The schema from {source} cannot be used:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}")
    {
        Source = source;
        Errors = errors;
    }

    /// <summary>Where the schema came from.</summary>
    public new string Source { get; }

    /// <summary>Each error, in the compiler's form <c>path(line,col): error OXEN00x: message</c>.</summary>
    public IReadOnlyList<string> Errors { get; }
}
