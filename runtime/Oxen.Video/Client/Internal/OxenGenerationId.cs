namespace Oxen.Video;

/// <summary>
/// The one rule for generation ids before they go into a URL path: <c>.</c> or <c>..</c> would walk the path
/// (<c>GET /api/ai/queue/.</c> is the list endpoint), and a slash, backslash, whitespace or control character
/// would name another resource or break the request line.
/// </summary>
internal static class OxenGenerationId
{
    public const int MaxLength = 256;

    public static readonly string Allowed =
        $"a non-empty id of at most {MaxLength} characters, not '.' or '..', without '/', '\\', whitespace or control characters";

    /// <summary>Why <paramref name="id"/> cannot go into a URL, or <see langword="null"/> when it can.</summary>
    public static string? Problem(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return "it is empty";
        }

        if (id is "." or "..")
        {
            return "it is a path segment";
        }

        if (id.Length > MaxLength)
        {
            return $"it has {id.Length} characters";
        }

        foreach (var c in id)
        {
            if (c is '/' or '\\' || char.IsWhiteSpace(c) || char.IsControl(c) || char.IsSurrogate(c))
            {
                return $"it holds {Describe(c)}";
            }
        }

        return null;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the id and what is allowed.</summary>
    public static void Validate(string? id, string parameterName)
    {
        if (Problem(id) is { } problem)
        {
            throw new ArgumentException($"'{Show(id)}' is not a generation id ({problem}): expected {Allowed}.", parameterName);
        }
    }

    /// <summary>The id as shown in a message: control characters escaped, long ones cut.</summary>
    public static string Show(string? id)
    {
        if (id is null)
        {
            return "(null)";
        }

        var text = id.Length > 80 ? id[..80] + "…" : id;
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsControl(c) || char.IsSurrogate(c))
            {
                builder.Append($"\\u{(int)c:X4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static string Describe(char c) => c switch
    {
        '/' => "'/'",
        '\\' => "'\\'",
        ' ' => "a space",
        _ when char.IsWhiteSpace(c) => $"whitespace U+{(int)c:X4}",
        _ => $"control character U+{(int)c:X4}",
    };
}
