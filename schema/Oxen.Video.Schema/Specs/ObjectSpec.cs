namespace Oxen.Video.Schemas.Specs;

/// <summary>A schema object: the request itself or a nested object (an item of <c>elements</c>, say).</summary>
internal sealed record ObjectSpec(string TypeName, string? Title, string? Description, string JsonPath, EquatableArray<PropertySpec> Properties)
{
    /// <summary>The request's <c>x-media-references</c>: which prompt tokens name which media items.</summary>
    public EquatableArray<MediaReferenceSpec> MediaReferences { get; init; } = EquatableArray<MediaReferenceSpec>.Empty;

    /// <summary>
    /// <c>additionalProperties: false</c>: a property the schema does not declare is an error (Parse throws, the
    /// run-time validator reports it) instead of being skipped.
    /// </summary>
    public bool IsClosed { get; init; }
}

/// <summary>One schema property and how it maps to C#.</summary>
internal sealed record PropertySpec(
    string JsonName,
    string PropertyName,
    TypeSpec Type,
    bool IsRequired,
    string? Title,
    string? Description,
    DefaultSpec? Default);

internal enum ValueKind
{
    String,
    Integer,
    Number,
    Boolean,
    Enum,
    Object,
    Array,
    Any,
}

/// <summary>
/// A value's type; for arrays <see cref="Item"/> gives the items, for enums and objects <see cref="TypeName"/>, and
/// for enums <see cref="Enum"/> the members.
/// </summary>
internal sealed record TypeSpec(ValueKind Kind, string? TypeName, TypeSpec? Item, ConstraintSpec Constraints)
{
    /// <summary>The enum's members when <see cref="Kind"/> is <see cref="ValueKind.Enum"/>: never looked up by name.</summary>
    public EnumSpec? Enum { get; init; }

    /// <summary>
    /// The media a string holds when it is a media field (an item's kind, for a list of media): the client takes a
    /// local file for it, and checks that what it holds fits.
    /// </summary>
    public MediaKind Media { get; init; }

    /// <summary>A list whose items are media.</summary>
    public bool IsMediaList => Kind == ValueKind.Array && Item is { Media: not MediaKind.None };

    /// <summary>What a parameter holds for the registry: the value's media kind, or its items' for a list.</summary>
    public MediaKind MediaOfValueOrItems => Media != MediaKind.None ? Media : Item?.Media ?? MediaKind.None;

    /// <summary>
    /// The schema allows an explicit JSON null (<c>anyOf: [X, {"type": "null"}]</c>, <c>"type": [X, "null"]</c>): a
    /// required property may then be null, and is written as JSON null; an optional one reads null as not set.
    /// </summary>
    public bool IsNullable { get; init; }

    /// <summary>An object without declared properties: a <c>JsonElement</c> that must hold a JSON object.</summary>
    public bool IsFreeObject => Kind == ValueKind.Object && TypeName is null;
}

/// <summary>The validation keywords of one value. Absent bounds are null.</summary>
internal sealed record ConstraintSpec(
    double? Minimum,
    double? Maximum,
    bool ExclusiveMinimum,
    bool ExclusiveMaximum,
    int? MinLength,
    int? MaxLength,
    int? MinItems,
    int? MaxItems,
    string? Format)
{
    public static readonly ConstraintSpec None = new(null, null, false, false, null, null, null, null, null);

    public bool IsUri => Format == "uri";

    public bool HasRange => Minimum is not null || Maximum is not null;

    public bool HasLength => MinLength is not null || MaxLength is not null;

    public bool HasItemCount => MinItems is not null || MaxItems is not null;
}

/// <summary>
/// A schema default: its JSON text, and the typed value when a constant can express it (a string, a number, a
/// boolean or an enum member's name); none of them for arrays, objects and untyped values.
/// </summary>
internal sealed record DefaultSpec(string Json, string? Text, double? Number, bool? Boolean, string? EnumMember)
{
    public bool HasConstant => Text is not null || Number is not null || Boolean is not null || EnumMember is not null;
}
