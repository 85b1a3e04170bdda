using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Oxen.Video.Serialization;

/// <summary>
/// The base of every generated object converter. <c>Read</c> and <c>Write</c> go to the type's generated reader and
/// writer, and <see cref="OxenJson"/>'s helpers are inherited under their simple names: generated code calls
/// <c>WriteIfSet(...)</c> without a <c>global::</c> path, and, being a member, the name cannot be hidden by a user
/// type of the same name (an alias or a <c>using static</c> could be).
/// </summary>
/// <typeparam name="T">The generated type.</typeparam>
public abstract class OxenObjectJsonConverter<T> : JsonConverter<T>
{
    private readonly OxenJsonItemReader<T> _read;
    private readonly Action<Utf8JsonWriter, T> _write;

    /// <summary>A converter over the generated reader and writer of <typeparamref name="T"/>.</summary>
    protected OxenObjectJsonConverter(OxenJsonItemReader<T> read, Action<Utf8JsonWriter, T> write)
    {
        _read = read ?? throw new ArgumentNullException(nameof(read));
        _write = write ?? throw new ArgumentNullException(nameof(write));
    }

    /// <summary>The <c>"model"</c> property of every request body (<see cref="OxenJson.Model"/>).</summary>
    protected static OxenJsonProperty Model => OxenJson.Model;

    /// <inheritdoc />
    public sealed override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        _read(ref reader);

    /// <inheritdoc />
    public sealed override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        _write(writer, value);

    // Each member below is the OxenJson method of the same name, inlined. The three on property names are named
    // otherwise (NextName, not NextProperty): a converter's fields are named <Property>Property, and must not hide
    // them.
#pragma warning disable CS1591 // Documented on OxenJson, whose methods these are.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static bool NextName(ref Utf8JsonReader reader) => OxenJson.NextProperty(ref reader);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static void SkipValue(ref Utf8JsonReader reader) => OxenJson.SkipProperty(ref reader);
    protected static JsonException UnknownName(ref Utf8JsonReader reader, string prefix, string known) =>
        OxenJson.UnknownProperty(ref reader, prefix, known);
    protected static void ExpectObject(ref Utf8JsonReader reader, string path) =>
        OxenJson.ExpectObject(ref reader, path);
    protected static void ExpectModel(ref Utf8JsonReader reader, string modelId) =>
        OxenJson.ExpectModel(ref reader, modelId);
    protected static JsonException MissingRequired(string path) => OxenJson.MissingRequired(path);
    protected static JsonException Missing(string path) => OxenJson.Missing(path);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static string? ReadString(ref Utf8JsonReader reader, string path) =>
        OxenJson.ReadString(ref reader, path);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static int? ReadInt32(ref Utf8JsonReader reader, string path) => OxenJson.ReadInt32(ref reader, path);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static long? ReadInt64(ref Utf8JsonReader reader, string path) => OxenJson.ReadInt64(ref reader, path);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static double? ReadDouble(ref Utf8JsonReader reader, string path) =>
        OxenJson.ReadDouble(ref reader, path);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static bool? ReadBoolean(ref Utf8JsonReader reader, string path) =>
        OxenJson.ReadBoolean(ref reader, path);
    protected static JsonElement ReadObject(ref Utf8JsonReader reader, string path) =>
        OxenJson.ReadObject(ref reader, path);
    protected static JsonElement ReadAny(ref Utf8JsonReader reader) => OxenJson.ReadAny(ref reader);
    protected static OxenMedia? ReadMedia(ref Utf8JsonReader reader, string path) =>
        OxenJson.ReadMedia(ref reader, path);
    protected static List<OxenMedia>? ReadMediaList(ref Utf8JsonReader reader, string path) =>
        OxenJson.ReadMediaList(ref reader, path);
    protected static List<string>? ReadStringList(ref Utf8JsonReader reader, string path) =>
        OxenJson.ReadStringList(ref reader, path);
    protected static List<TItem>? ReadList<TItem>(
        ref Utf8JsonReader reader, string path, OxenJsonItemReader<TItem> readItem) =>
        OxenJson.ReadList(ref reader, path, readItem);
    protected static TItem NotNull<TItem>(TItem? value, string path)
        where TItem : struct => OxenJson.NotNull(value, path);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static TEnum? ReadEnum<TEnum>(ref Utf8JsonReader reader, string path, OxenEnumTable<TEnum> table)
        where TEnum : struct, Enum => OxenJson.ReadEnum(ref reader, path, table);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static void WriteIfSet(Utf8JsonWriter writer, OxenJsonProperty property, string? value) =>
        OxenJson.WriteIfSet(writer, property, value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static void WriteIfSet(Utf8JsonWriter writer, OxenJsonProperty property, int? value) =>
        OxenJson.WriteIfSet(writer, property, value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static void WriteIfSet(Utf8JsonWriter writer, OxenJsonProperty property, long? value) =>
        OxenJson.WriteIfSet(writer, property, value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static void WriteIfSet(Utf8JsonWriter writer, OxenJsonProperty property, double? value) =>
        OxenJson.WriteIfSet(writer, property, value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static void WriteIfSet(Utf8JsonWriter writer, OxenJsonProperty property, bool? value) =>
        OxenJson.WriteIfSet(writer, property, value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static void WriteIfSet(Utf8JsonWriter writer, OxenJsonProperty property, JsonElement? value) =>
        OxenJson.WriteIfSet(writer, property, value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static void WriteIfSet(Utf8JsonWriter writer, OxenJsonProperty property, IReadOnlyList<string>? value) =>
        OxenJson.WriteIfSet(writer, property, value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static void WriteIfSet(Utf8JsonWriter writer, OxenJsonProperty property, OxenMedia? value) =>
        OxenJson.WriteIfSet(writer, property, value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static void WriteIfSet(
        Utf8JsonWriter writer, OxenJsonProperty property, IReadOnlyList<OxenMedia?>? value) =>
        OxenJson.WriteIfSet(writer, property, value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static void WriteIfSet<TEnum>(
        Utf8JsonWriter writer, OxenJsonProperty property, TEnum? value, OxenEnumTable<TEnum> table)
        where TEnum : struct, Enum => OxenJson.WriteIfSet(writer, property, value, table);
#pragma warning restore CS1591
}
