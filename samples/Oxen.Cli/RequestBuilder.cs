using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Oxen.Video;
using Oxen.Video.Models;

namespace Oxen.Cli;

/// <summary>
/// Turns <c>--aspect-ratio 9:16 --duration 10</c> into a typed request for any model, from the registry alone:
/// each value is typed by the schema's parameter, the body is parsed by the generated type, then validated.
/// </summary>
internal static class RequestBuilder
{
    public static IOxenRequest Build(OxenModelInfo model, IEnumerable<KeyValuePair<string, List<string>>> options)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("model", model.Id);
            foreach (var (option, values) in options)
            {
                var parameter = Find(model, option);
                writer.WritePropertyName(parameter.Name);
                WriteValue(writer, parameter, option, values);
            }

            writer.WriteEndObject();
        }

        IOxenRequest request;
        try
        {
            request = model.ParseRequest(buffer.WrittenSpan);
        }
        catch (JsonException ex)
        {
            throw new UsageException($"{ex.Message}\n{Describe(model)}");
        }

        var validation = request.Validate();
        if (!validation.IsValid)
        {
            var problems = validation.Errors.Select(e => $"  --{e.Path.Replace('_', '-')}: {e.Message}");
            throw new UsageException($"The request for {model.Id} is invalid:\n{string.Join("\n", problems)}");
        }

        return request;
    }

    /// <summary>The model's parameters as <c>--name</c> options, with types, allowed values and defaults.</summary>
    public static string Describe(OxenModelInfo model)
    {
        var lines = model.Parameters.Select(p =>
        {
            var allowed = p.AllowedValues.Count > 0 ? $" one of {string.Join(", ", p.AllowedValues.Select(Unquote))}" : "";
            var range = p.Minimum is not null || p.Maximum is not null ? $" {p.Minimum?.ToString(CultureInfo.InvariantCulture) ?? "…"}..{p.Maximum?.ToString(CultureInfo.InvariantCulture) ?? "…"}" : "";
            var kind = p.Kind == OxenValueKind.Array ? $"list of {p.ItemKind?.ToString().ToLowerInvariant()} (repeat the option)" : p.Kind.ToString().ToLowerInvariant();
            var defaultText = p.DefaultJson is null ? "" : $" (default {Shorten(p.DefaultJson)})";
            return $"  --{OptionName(p.Name),-24} {(p.IsRequired ? "required " : "")}{kind}{allowed}{range}{defaultText}";
        });
        return $"Parameters of {model.Id}:\n{string.Join("\n", lines)}";
    }

    public static string OptionName(string parameter) => parameter.Replace('_', '-');

    private static OxenParameterInfo Find(OxenModelInfo model, string option)
    {
        var name = option.Replace('-', '_');
        return model.Parameters.FirstOrDefault(p => p.Name == name)
            ?? model.Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new UsageException($"--{option} is not a parameter of {model.Id}.\n{Describe(model)}");
    }

    private static void WriteValue(Utf8JsonWriter writer, OxenParameterInfo parameter, string option, List<string> values)
    {
        if (parameter.Kind == OxenValueKind.Array)
        {
            writer.WriteStartArray();
            foreach (var value in values)
            {
                WriteScalar(writer, parameter, parameter.ItemKind ?? OxenValueKind.String, option, value);
            }

            writer.WriteEndArray();
            return;
        }

        if (values.Count > 1)
        {
            throw new UsageException($"--{option} is given {values.Count} times, but {parameter.Name} takes one value.");
        }

        WriteScalar(writer, parameter, parameter.Kind, option, values[0]);
    }

    private static void WriteScalar(Utf8JsonWriter writer, OxenParameterInfo parameter, OxenValueKind kind, string option, string value)
    {
        switch (kind)
        {
            case OxenValueKind.String:
                writer.WriteStringValue(value);
                break;
            case OxenValueKind.Integer when long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer):
                writer.WriteNumberValue(integer);
                break;
            case OxenValueKind.Number when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number):
                writer.WriteNumberValue(number);
                break;
            case OxenValueKind.Boolean when TryParseBoolean(value, out var flag):
                writer.WriteBooleanValue(flag);
                break;
            case OxenValueKind.Enum:
                // Match the text the user typed to the schema's member, which keeps the member's JSON type.
                var member = parameter.AllowedValues.FirstOrDefault(a => Unquote(a) == value)
                    ?? parameter.AllowedValues.FirstOrDefault(a => string.Equals(Unquote(a), value, StringComparison.OrdinalIgnoreCase))
                    ?? throw new UsageException($"--{option} {value} is not allowed; allowed: {string.Join(", ", parameter.AllowedValues.Select(Unquote))}.");
                writer.WriteRawValue(member);
                break;
            case OxenValueKind.Object or OxenValueKind.Any:
                try
                {
                    writer.WriteRawValue(value);
                }
                catch (JsonException)
                {
                    throw new UsageException($"--{option} takes JSON (e.g. '{{\"key\": \"value\"}}'); '{value}' is not JSON.");
                }

                break;
            default:
                throw new UsageException($"--{option} takes {Article(kind)}; '{value}' is not one.");
        }
    }

    private static bool TryParseBoolean(string value, out bool flag)
    {
        switch (value.ToLowerInvariant())
        {
            case "true" or "yes" or "1" or "on":
                flag = true;
                return true;
            case "false" or "no" or "0" or "off":
                flag = false;
                return true;
            default:
                flag = false;
                return false;
        }
    }

    private static string Article(OxenValueKind kind) => kind switch
    {
        OxenValueKind.Integer => "an integer",
        OxenValueKind.Number => "a number",
        OxenValueKind.Boolean => "true or false",
        _ => "a " + kind.ToString().ToLowerInvariant(),
    };

    private static string Unquote(string json) => json.Length >= 2 && json[0] == '"' ? JsonSerializer.Deserialize(json, CliJsonContext.Default.String)! : json;

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…\"" : text;
}
