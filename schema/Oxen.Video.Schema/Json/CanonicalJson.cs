using System;
using System.Linq;
using System.Text;

namespace Oxen.Video.Schemas.Json;

/// <summary>
/// The stable form cached schema files are written in (by <c>oxen schemas pull</c> and the build-time fetch), so a
/// refresh diffs cleanly in git: keys sorted by ordinal at every level, two-space indentation, LF line ends,
/// non-ASCII text kept, numbers exactly as the hub wrote them, and a final newline.
/// </summary>
internal static class CanonicalJson
{
    /// <summary>Normalizes a JSON document; throws <see cref="JsonSyntaxException"/> when it is not JSON.</summary>
    public static string Normalize(string jsonText) => Write(JsonReader.Parse(jsonText));

    /// <summary>Writes a parsed value in the normalized form.</summary>
    public static string Write(JsonValue value)
    {
        var builder = new StringBuilder();
        Write(builder, value, 0);
        return builder.Append('\n').ToString();
    }

    private static void Write(StringBuilder builder, JsonValue value, int depth)
    {
        switch (value)
        {
            case JsonObject { Properties.Count: 0 }:
                builder.Append("{}");
                break;
            case JsonObject obj:
                builder.Append('{');
                var first = true;
                foreach (var property in obj.Properties.OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    builder.Append(first ? "\n" : ",\n");
                    first = false;
                    Indent(builder, depth + 1).Append(JsonText.Quote(property.Name)).Append(": ");
                    Write(builder, property.Value, depth + 1);
                }

                Indent(builder.Append('\n'), depth).Append('}');
                break;
            case JsonArray { Items.Count: 0 }:
                builder.Append("[]");
                break;
            case JsonArray array:
                builder.Append('[');
                for (var i = 0; i < array.Items.Count; i++)
                {
                    builder.Append(i == 0 ? "\n" : ",\n");
                    Write(Indent(builder, depth + 1), array.Items[i], depth + 1);
                }

                Indent(builder.Append('\n'), depth).Append(']');
                break;
            case JsonString text:
                builder.Append(JsonText.Quote(text.Value));
                break;
            default:
                builder.Append(value.RawText);
                break;
        }
    }

    private static StringBuilder Indent(StringBuilder builder, int depth) => builder.Append(' ', depth * 2);
}
