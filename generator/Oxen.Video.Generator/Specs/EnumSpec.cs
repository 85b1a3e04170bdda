namespace Oxen.Video.Generator.Specs;

/// <summary>A schema <c>enum</c> turned into a C# enum.</summary>
/// <param name="IsIntegerBacked">When every member is an integer, member values equal the wire values.</param>
internal sealed record EnumSpec(string TypeName, string JsonName, string? Description, bool IsIntegerBacked, EquatableArray<EnumMemberSpec> Members);

/// <summary>One member: its C# name, its C# value, and the exact JSON written on the wire.</summary>
/// <param name="WireJson">JSON text: <c>5</c>, <c>"16:9"</c>.</param>
/// <param name="StringValue">The string for string members; null for numbers.</param>
internal sealed record EnumMemberSpec(string Name, long Value, string WireJson, string? StringValue);
