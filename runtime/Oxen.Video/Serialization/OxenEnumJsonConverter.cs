using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Oxen.Video.Serialization;

/// <summary>
/// Reads and writes any generated enum as the schema's exact JSON values, through its member table; the one
/// converter of every generated enum (<c>[JsonConverter]</c> on the enum names it).
/// </summary>
/// <typeparam name="TEnum">The generated enum.</typeparam>
/// <typeparam name="TMembers">The generated type that holds the enum's member table.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class OxenEnumJsonConverter<TEnum, TMembers> : JsonConverter<TEnum>
    where TEnum : struct, Enum
    where TMembers : IOxenEnumMembers<TEnum>
{
    /// <inheritdoc />
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TMembers.Table.Read(ref reader, TMembers.Table.JsonName);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
        TMembers.Table.Write(writer, value);
}
