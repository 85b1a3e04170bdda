namespace Oxen.Video.Generator.Analyzer;

/// <summary>The same rules as the runtime's <c>OxenValidator</c>, so compile time and run time agree.</summary>
internal static class ValueRules
{
    public static bool IsAbsoluteUri(string value)
    {
        if (value.Length == 0 || !IsAsciiLetter(value[0]))
        {
            return false;
        }

        var colon = value.IndexOf(':');
        if (colon < 1)
        {
            return false;
        }

        for (var i = 1; i < colon; i++)
        {
            var c = value[i];
            if (!IsAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.')
            {
                return false;
            }
        }

        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || c is '\\' or '"' or '<' or '>' or '^' or '`' or '{' or '|' or '}' || char.IsControl(c))
            {
                return false;
            }
        }

        return System.Uri.TryCreate(value, System.UriKind.Absolute, out _);
    }

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

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
