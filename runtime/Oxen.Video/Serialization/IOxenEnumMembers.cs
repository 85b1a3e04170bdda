using System.ComponentModel;

namespace Oxen.Video.Serialization;

/// <summary>
/// Gives a generated enum's member table to <see cref="OxenEnumJsonConverter{TEnum, TMembers}"/>; the generator
/// implements it once per enum, so no enum needs a converter class of its own.
/// </summary>
/// <typeparam name="TEnum">The generated enum.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IOxenEnumMembers<TEnum>
    where TEnum : struct, Enum
{
    /// <summary>The members and their JSON values.</summary>
#pragma warning disable CA1000 // A static abstract member is the point: the converter reaches the table through its type argument.
    static abstract OxenEnumTable<TEnum> Table { get; }
#pragma warning restore CA1000
}
