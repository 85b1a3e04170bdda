using System.Globalization;
using System.Text;

namespace Oxen.Video.Generator.Emit;

/// <summary>Literals and escapes for the emitted C# and JSON.</summary>
internal static class CSharp
{
    /// <summary>A quoted C# string literal: the project's one JSON string escaper, whose output C# reads the same way.</summary>
    public static string StringLiteral(string value) => Oxen.Video.Schemas.Json.JsonText.Quote(value);

    /// <summary>The JSON written on the wire for a string: the same text as <see cref="StringLiteral"/>.</summary>
    public static string JsonStringLiteral(string value) => Oxen.Video.Schemas.Json.JsonText.Quote(value);

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
