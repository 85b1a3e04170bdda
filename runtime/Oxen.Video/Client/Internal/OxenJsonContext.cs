using System.Text.Json.Serialization;

namespace Oxen.Video;

/// <summary>Source-generated (reflection-free) serialization of the runtime's own wire types.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GenerationWire))]
[JsonSerializable(typeof(CompletedEventWire))]
[JsonSerializable(typeof(SyncResponseWire))]
[JsonSerializable(typeof(ModelWire))]
internal sealed partial class OxenJsonContext : JsonSerializerContext;
