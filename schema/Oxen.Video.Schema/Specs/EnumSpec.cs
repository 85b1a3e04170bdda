namespace Oxen.Video.Schemas.Specs;

/// <summary>
/// A schema <c>enum</c> turned into a C# enum. When <c>IsIntegerBacked</c>, every member is an integer and member
/// values equal the wire values.
/// </summary>
internal sealed record EnumSpec(string TypeName, string JsonName, string? Description, bool IsIntegerBacked, EquatableArray<EnumMemberSpec> Members);

/// <summary>
/// One member: its C# name, its C# value, and the exact JSON written on the wire (<c>WireJson</c>: <c>5</c>,
/// <c>"16:9"</c>); <c>StringValue</c> is the string for string members, null for numbers and booleans.
/// </summary>
internal sealed record EnumMemberSpec(string Name, long Value, string WireJson, string? StringValue);
