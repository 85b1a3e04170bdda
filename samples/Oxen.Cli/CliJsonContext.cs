using System.Text.Json.Serialization;

namespace Oxen.Cli;

[JsonSerializable(typeof(string))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
