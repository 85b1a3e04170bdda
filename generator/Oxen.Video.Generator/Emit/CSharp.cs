using System.Globalization;
using System.Text;

namespace Oxen.Video.Generator.Emit;

/// <summary>Literals and escapes for the emitted C# and JSON.</summary>
internal static class CSharp
{
    /// <summary>
    /// A quoted, escaped string that is both a C# literal and a JSON string: quotes, backslashes and \n \r \t as
    /// themselves, other control characters and C#'s extra line terminators (U+0085, U+2028, U+2029) as \uXXXX.
    /// </summary>
    public static string StringLiteral(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < ' ' || c is '\u2028' or '\u2029' or '\u0085')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>The JSON written on the wire for a string: the same text as <see cref="StringLiteral"/>.</summary>
    public static string JsonStringLiteral(string value) => StringLiteral(value);

    public static string DoubleLiteral(double value)
    {
        if (double.IsPositiveInfinity(value))
        {
            return "double.PositiveInfinity";
        }

        if (double.IsNegativeInfinity(value))
        {
            return "double.NegativeInfinity";
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.IndexOfAny(['.', 'E', 'e']) >= 0 ? text : text + ".0";
    }

    /// <summary>Escapes text for an XML doc comment and keeps it on one line.</summary>
    public static string Xml(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '&': builder.Append("&amp;"); break;
                case '\r': break;
                // Every C# line terminator ends a /// comment: keep the text on one line.
                case '\n' or '\u2028' or '\u2029' or '\u0085': builder.Append(' '); break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString().Trim();
    }
}
