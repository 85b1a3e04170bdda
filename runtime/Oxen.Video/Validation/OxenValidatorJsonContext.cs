using System.Text.Json.Serialization;

namespace Oxen.Video.Validation;

[JsonSerializable(typeof(string))]
internal sealed partial class OxenValidatorJsonContext : JsonSerializerContext;
