using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Oxen.Cli.Cli;
using Oxen.Video;
using Oxen.Video.Models;

namespace Oxen.Cli;

/// <summary>
/// Turns <c>--aspect-ratio 9:16 --duration 10</c> into a typed request for any model, from the registry alone:
/// each value is typed by the schema's parameter, the body is parsed by the model's request type, then validated.
/// Every message names the flag the user typed.
/// </summary>
internal static class RequestBuilder
{
    /// <param name="options">The model's options.</param>
    /// <param name="given">The parameters the line gives.</param>
    /// <param name="media">Reads media values: paths relative to the working folder, <c>-</c> for standard input.</param>
    public static IOxenRequest Build(ModelOptions options, IReadOnlyList<GivenParameter> given, MediaArguments media)
    {
        var model = options.Model;
        var missing = options.Options.Where(o => o.Parameter.IsRequired && !given.Any(g => g.Parameter == o.Parameter)).Select(o => $"{o.Flag} is required.").ToList();
        if (missing.Count > 0)
        {
            throw new UsageException(string.Join("\n", missing) + $"\nSee: oxen generate --model {model.Id} --help");
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("model", model.Id);
            foreach (var (parameter, flag, values) in given)
            {
                writer.WritePropertyName(parameter.Name);
                WriteValue(writer, parameter, flag, Resolve(parameter, flag, values, media));
            }

            writer.WriteEndObject();
        }

        IOxenRequest request;
        try
        {
            // A media value that is not a URL is a path, from the folder the user typed it in.
            request = model.ParseRequest(buffer.WrittenSpan, new OxenParseOptions { MediaBaseDirectory = media.BaseDirectory });
        }
        catch (JsonException ex)
        {
            throw new UsageException($"The request for {model.Id} is invalid: {ex.Message}");
        }

        var validation = request.Validate();
        if (!validation.IsValid)
        {
            var flags = given.ToDictionary(g => g.Parameter.Name, g => g.Flag, StringComparer.Ordinal);
            var problems = validation.Errors.Select(e => $"  {FlagOf(e.Path, flags)} {media.Explain(e.Message)}");
            throw new UsageException($"The request for {model.Id} is invalid:\n{string.Join("\n", problems)}");
        }

        return request;
    }

    /// <summary>A validation path (<c>cfg_scale</c>, <c>elements[0].url</c>) as the flag typed, or the declared one.</summary>
    private static string FlagOf(string path, Dictionary<string, string> flags)
    {
        var end = path.IndexOfAny(['.', '[']);
        var name = end < 0 ? path : path[..end];
        var flag = flags.GetValueOrDefault(name) ?? "--" + ModelOptions.Kebab(name);
        return end < 0 ? flag : $"{flag} ({path})";
    }

    private static IReadOnlyList<string> Resolve(OxenParameterInfo parameter, string flag, IReadOnlyList<string> values, MediaArguments media) =>
        parameter.MediaKind is null ? values : values.Select(v => media.Resolve(parameter, flag, v)).ToList();

    private static void WriteValue(Utf8JsonWriter writer, OxenParameterInfo parameter, string flag, IReadOnlyList<string> values)
    {
        if (parameter.Kind == OxenValueKind.Array)
        {
            writer.WriteStartArray();
            foreach (var value in values)
            {
                WriteScalar(writer, parameter, parameter.ItemKind ?? OxenValueKind.String, flag, value);
            }

            writer.WriteEndArray();
            return;
        }

        if (values.Count != 1)
        {
            throw new UsageException($"{flag} is given {values.Count} times; give it once.");
        }

        WriteScalar(writer, parameter, parameter.Kind, flag, values[0]);
    }

    private static void WriteScalar(Utf8JsonWriter writer, OxenParameterInfo parameter, OxenValueKind kind, string flag, string value)
    {
        switch (kind)
        {
            case OxenValueKind.String:
                writer.WriteStringValue(value);
                break;
            case OxenValueKind.Integer when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer):
                writer.WriteNumberValue(integer);
                break;
            case OxenValueKind.Number when TryParseFinite(value, out var number):
                writer.WriteNumberValue(number);
                break;
            case OxenValueKind.Boolean when bool.TryParse(value, out var flagValue):
                writer.WriteBooleanValue(flagValue);
                break;
            case OxenValueKind.Enum:
                // Match the text typed to the schema's member, which keeps the member's JSON type (5 vs "5").
                var member = parameter.AllowedValues.FirstOrDefault(a => ParameterText.Unquote(a) == value)
                    ?? parameter.AllowedValues.FirstOrDefault(a => string.Equals(ParameterText.Unquote(a), value, StringComparison.OrdinalIgnoreCase))
                    ?? throw new UsageException($"{flag} {value} is not allowed; allowed: {string.Join(", ", parameter.AllowedValues.Select(ParameterText.Unquote))}.");
                writer.WriteRawValue(member);
                break;
            case OxenValueKind.Object or OxenValueKind.Any:
                try
                {
                    writer.WriteRawValue(value);
                }
                catch (JsonException)
                {
                    throw new UsageException($"{flag} takes JSON (e.g. '{{\"key\": \"value\"}}'); '{value}' is not JSON.");
                }

                break;
            default:
                throw new UsageException($"{flag} takes {Article(kind)}; '{value}' is not one.");
        }
    }

    /// <summary>A finite number: NaN, Infinity and values beyond double (1e400) are not JSON numbers.</summary>
    private static bool TryParseFinite(string value, out double number) =>
        double.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out number)
        && double.IsFinite(number);

    private static string Article(OxenValueKind kind) => kind switch
    {
        OxenValueKind.Integer => "an integer",
        OxenValueKind.Number => "a finite number",
        OxenValueKind.Boolean => "true or false",
        _ => "a " + kind.ToString().ToLowerInvariant(),
    };
}
