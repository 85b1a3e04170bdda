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
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!IsXmlChar(text, i))
            {
                // XML 1.0 has no form for NUL, most control characters or a lone surrogate (CS1570): show the escape.
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                continue;
            }

            if (char.IsHighSurrogate(c))
            {
                builder.Append(c).Append(text[++i]);
                continue;
            }

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

    private static bool IsXmlChar(string text, int i)
    {
        var c = text[i];
        if (char.IsHighSurrogate(c))
        {
            return i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
        }

        return !char.IsLowSurrogate(c) && (c >= ' ' || c is '\t' or '\n' or '\r') && c is not ('\uFFFE' or '\uFFFF');
    }
}
