using System.Collections.Generic;

namespace Oxen.Video.Models;

/// <summary>The JSON shape of a parameter.</summary>
public enum OxenValueKind
{
    /// <summary>A JSON string.</summary>
    String,

    /// <summary>A JSON integer.</summary>
    Integer,

    /// <summary>A JSON number.</summary>
    Number,

    /// <summary>A JSON boolean.</summary>
    Boolean,

    /// <summary>One of a fixed set of JSON values (<see cref="OxenParameterInfo.AllowedValues"/>).</summary>
    Enum,

    /// <summary>A JSON array (<see cref="OxenParameterInfo.ItemKind"/> gives its items).</summary>
    Array,

    /// <summary>A JSON object.</summary>
    Object,

    /// <summary>Any JSON value: the schema used a shape the generator does not type.</summary>
    Any,
}

/// <summary>One property of a model's schema.</summary>
/// <param name="Name">The JSON name, e.g. <c>aspect_ratio</c>.</param>
/// <param name="PropertyName">The generated C# property, e.g. <c>AspectRatio</c>.</param>
/// <param name="Kind">The JSON shape.</param>
/// <param name="IsRequired">Whether the schema lists it in <c>required</c>.</param>
/// <param name="Description">The schema's description (or title).</param>
/// <param name="DefaultJson">The schema's default as JSON text; sent only when set.</param>
/// <param name="AllowedValues">For enums, each allowed value as JSON text (<c>5</c>, <c>"16:9"</c>).</param>
public sealed record OxenParameterInfo(
    string Name,
    string PropertyName,
    OxenValueKind Kind,
    bool IsRequired,
    string? Description,
    string? DefaultJson,
    IReadOnlyList<string> AllowedValues)
{
    /// <summary>For arrays, the shape of each item.</summary>
    public OxenValueKind? ItemKind { get; init; }

    /// <summary>The smallest value allowed (<c>minimum</c>), when set.</summary>
    public double? Minimum { get; init; }

    /// <summary>The largest value allowed (<c>maximum</c>), when set.</summary>
    public double? Maximum { get; init; }

    /// <summary>The schema's <c>format</c> (e.g. <c>uri</c>), of the value or of each item.</summary>
    public string? Format { get; init; }

    /// <summary>
    /// For a media field (or a list of media), what it holds: it takes a URL or a local file
    /// (<see cref="OxenMedia"/>). Null for every other parameter.
    /// </summary>
    public OxenMediaKind? MediaKind { get; init; }
}
