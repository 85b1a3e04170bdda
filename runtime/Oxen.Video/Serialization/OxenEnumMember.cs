using System.ComponentModel;

namespace Oxen.Video.Serialization;

/// <summary>One member of a generated enum and the exact JSON the schema gives it (<c>"16:9"</c>, <c>5</c>, <c>true</c>).</summary>
/// <typeparam name="TEnum">The generated enum.</typeparam>
/// <param name="Value">The C# member.</param>
/// <param name="Json">The member's value as JSON text, written on the wire byte for byte.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly record struct OxenEnumMember<TEnum>(TEnum Value, string Json)
    where TEnum : struct, Enum;
