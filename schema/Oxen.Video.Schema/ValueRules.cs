// Compiled into both the runtime (Validate()) and the generator's analyzer (OXEN102/OXEN104), so run time and
// compile time apply one rule. netstandard2.0-compatible on purpose.
namespace Oxen.Video.Internal;

/// <summary>
/// The text rules of JSON Schema that the generated code checks (URI syntax, string length), and the phrases that
/// say what a range or a count allows, so Validate(), the analyzer and the generated docs word them alike.
/// </summary>
internal static class ValueRules
{
    /// <summary>A number as JSON writes it: <c>10</c>, <c>0.5</c>.</summary>
    public static string FormatNumber(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary><c>at least 0 and at most 10</c>, <c>greater than 0</c>…; an infinite bound is absent.</summary>
    public static string DescribeRange(double minimum, double maximum, bool exclusiveMinimum, bool exclusiveMaximum)
    {
        var low = double.IsNegativeInfinity(minimum) ? null : (exclusiveMinimum ? "greater than " : "at least ") + FormatNumber(minimum);
        var high = double.IsPositiveInfinity(maximum) ? null : (exclusiveMaximum ? "less than " : "at most ") + FormatNumber(maximum);
        return low is not null && high is not null ? low + " and " + high : low ?? high ?? "any number";
    }

    /// <summary><c>at most 500 characters</c>, <c>1 to 4 items</c>…; <see cref="int.MaxValue"/> is no upper bound.</summary>
    public static string DescribeCount(int minimum, int maximum, string unit) =>
        minimum == 0 && maximum == int.MaxValue ? "any number of " + unit
        : minimum == 0 ? "at most " + maximum + " " + Unit(maximum, unit)
        : maximum == int.MaxValue ? "at least " + minimum + " " + Unit(minimum, unit)
        : minimum + " to " + maximum + " " + unit;

    // "at least 1 item", "at most 4 items".
    private static string Unit(int count, string unit) => count == 1 && unit.EndsWith("s", System.StringComparison.Ordinal) ? unit.Substring(0, unit.Length - 1) : unit;

    /// <summary>
    /// <c>format: uri</c>: an absolute URI by RFC 3986 (<c>scheme ":" hier-part ["?" query] ["#" fragment]</c>),
    /// ASCII only, every <c>%</c> followed by two hex digits, brackets only around an IP literal host.
    /// </summary>
    public static bool IsAbsoluteUri(string value)
    {
        var colon = value.IndexOf(':');
        if (colon < 1 || !IsAlpha(value[0]))
        {
            return false;
        }

        for (var i = 1; i < colon; i++)
        {
            if (!IsAlpha(value[i]) && !IsDigit(value[i]) && value[i] is not ('+' or '-' or '.'))
            {
                return false;
            }
        }

        var rest = value.Substring(colon + 1);
        var fragmentAt = rest.IndexOf('#');
        if (fragmentAt >= 0)
        {
            if (!IsQueryOrFragment(rest.Substring(fragmentAt + 1)))
            {
                return false;
            }

            rest = rest.Substring(0, fragmentAt);
        }

        var queryAt = rest.IndexOf('?');
        if (queryAt >= 0)
        {
            if (!IsQueryOrFragment(rest.Substring(queryAt + 1)))
            {
                return false;
            }

            rest = rest.Substring(0, queryAt);
        }

        if (!rest.StartsWith("//", System.StringComparison.Ordinal))
        {
            return IsPath(rest);
        }

        var pathAt = rest.IndexOf('/', 2);
        var authority = pathAt < 0 ? rest.Substring(2) : rest.Substring(2, pathAt - 2);
        return IsAuthority(authority) && (pathAt < 0 || IsPath(rest.Substring(pathAt)));
    }

    /// <summary>Unicode code points, as JSON Schema counts string length (a surrogate pair is one).</summary>
    public static int CountCodePoints(string value)
    {
        var count = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }

            count++;
        }

        return count;
    }

    private static bool IsAuthority(string authority)
    {
        var at = authority.LastIndexOf('@');
        if (at >= 0 && !AllOf(authority.Substring(0, at), c => IsUnreserved(c) || IsSubDelimiter(c) || c == ':'))
        {
            return false;
        }

        var hostAndPort = authority.Substring(at + 1);
        string host, port;
        if (hostAndPort.StartsWith("[", System.StringComparison.Ordinal))
        {
            var close = hostAndPort.IndexOf(']');
            if (close < 0 || !IsIpLiteral(hostAndPort.Substring(1, close - 1)))
            {
                return false;
            }

            host = "";
            port = hostAndPort.Substring(close + 1);
            if (port.Length > 0 && port[0] != ':')
            {
                return false;
            }
        }
        else
        {
            var portAt = hostAndPort.LastIndexOf(':');
            host = portAt < 0 ? hostAndPort : hostAndPort.Substring(0, portAt);
            port = portAt < 0 ? "" : hostAndPort.Substring(portAt);
        }

        return AllOf(host, c => IsUnreserved(c) || IsSubDelimiter(c))
            && (port.Length == 0 || AllOf(port.Substring(1), IsDigit));
    }

    private static bool IsPath(string path) => AllOf(path, c => IsPathCharacter(c) || c == '/');

    private static bool IsQueryOrFragment(string text) => AllOf(text, c => IsPathCharacter(c) || c is '/' or '?');

    private static bool IsPathCharacter(char c) => IsUnreserved(c) || IsSubDelimiter(c) || c is ':' or '@';

    /// <summary>Checks every character, where <c>%</c> must start a two-hex-digit escape.</summary>
    private static bool AllOf(string text, System.Func<char, bool> allowed)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%')
            {
                if (i + 2 >= text.Length || !IsHex(text[i + 1]) || !IsHex(text[i + 2]))
                {
                    return false;
                }

                i += 2;
            }
            else if (!allowed(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsIpLiteral(string text)
    {
        if (text.Length > 1 && (text[0] == 'v' || text[0] == 'V'))
        {
            var dot = text.IndexOf('.');
            return dot > 1 && AllOf(text.Substring(1, dot - 1), IsHex) && dot < text.Length - 1
                && AllOf(text.Substring(dot + 1), c => IsUnreserved(c) || IsSubDelimiter(c) || c == ':');
        }

        return IsIpv6(text);
    }

    private static bool IsIpv6(string text)
    {
        var doubleColon = text.IndexOf("::", System.StringComparison.Ordinal);
        if (doubleColon >= 0 && text.IndexOf("::", doubleColon + 1, System.StringComparison.Ordinal) >= 0)
        {
            return false;
        }

        var groups = 0;
        var parts = doubleColon >= 0
            ? new[] { text.Substring(0, doubleColon), text.Substring(doubleColon + 2) }
            : new[] { text };
        for (var p = 0; p < parts.Length; p++)
        {
            if (parts[p].Length == 0)
            {
                continue;
            }

            var pieces = parts[p].Split(':');
            for (var i = 0; i < pieces.Length; i++)
            {
                var last = p == parts.Length - 1 && i == pieces.Length - 1;
                if (last && pieces[i].IndexOf('.') >= 0)
                {
                    if (!IsIpv4(pieces[i]))
                    {
                        return false;
                    }

                    groups += 2;
                }
                else if (pieces[i].Length is >= 1 and <= 4 && AllOf(pieces[i], IsHex))
                {
                    groups++;
                }
                else
                {
                    return false;
                }
            }
        }

        return doubleColon >= 0 ? groups <= 7 : groups == 8;
    }

    private static bool IsIpv4(string text)
    {
        var octets = text.Split('.');
        if (octets.Length != 4)
        {
            return false;
        }

        foreach (var octet in octets)
        {
            // No leading zeros: "01" is not a dec-octet in RFC 3986.
            if (octet.Length is 0 or > 3 || !AllOf(octet, IsDigit) || (octet.Length > 1 && octet[0] == '0') || int.Parse(octet, System.Globalization.CultureInfo.InvariantCulture) > 255)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsUnreserved(char c) => IsAlpha(c) || IsDigit(c) || c is '-' or '.' or '_' or '~';

    private static bool IsSubDelimiter(char c) => c is '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=';

    private static bool IsAlpha(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsHex(char c) => IsDigit(c) || c is (>= 'a' and <= 'f') or (>= 'A' and <= 'F');
}
