using System.Globalization;
using System.Text;

namespace Oxen.Video.Schemas.Json;

/// <summary>How this project writes a JSON string: the one escaper behind generated code, wire values and cached files.</summary>
internal static class JsonText
{
    /// <summary>
    /// A quoted, escaped JSON string that is also a valid C# string literal: quotes, backslashes and \n \r \t as
    /// themselves; other control characters, DEL..U+009F, C#'s extra line terminators (U+0085, U+2028, U+2029)
    /// and lone surrogates as \uXXXX. Everything else (non-ASCII text too) is kept as is.
    /// </summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (NeedsEscape(value, i))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
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

    /// <summary>Whether the string is well-formed UTF-16 (no lone surrogate), so it has a UTF-8 form.</summary>
    public static bool IsWellFormed(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool NeedsEscape(string value, int i)
    {
        var c = value[i];
        if (c < ' ' || (c >= '\u007F' && c <= '\u009F') || c is '\u2028' or '\u2029')
        {
            return true;
        }

        if (char.IsHighSurrogate(c))
        {
            return i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]);
        }

        return char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(value[i - 1]));
    }
}
