using System.Buffers;

namespace Oxen.Video.Batch;

/// <summary>The rule for keys: each names a file (<c>&lt;key&gt;.mp4</c>) on every operating system.</summary>
public static class BatchKey
{
    /// <summary>The longest key allowed.</summary>
    public const int MaxLength = 120;

    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-");

    // Windows refuses these as file names whatever the extension.
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>Why <paramref name="key"/> cannot name a file, or <see langword="null"/> when it can.</summary>
    public static string? Check(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0)
        {
            return "must not be empty";
        }

        if (key.Length > MaxLength)
        {
            return $"is {key.Length} characters long; at most {MaxLength} are allowed";
        }

        var bad = key.AsSpan().IndexOfAnyExcept(Allowed);
        if (bad >= 0)
        {
            return $"holds '{Printable(key[bad])}' at position {bad + 1}; only letters A-Z a-z, digits, '.', '_' and '-' are allowed";
        }

        if (key[0] is '.' or '-')
        {
            return "must start with a letter, a digit or '_' (a leading '.' hides the file, a leading '-' reads as an option)";
        }

        if (key[^1] == '.')
        {
            return "must not end with '.'";
        }

        var stem = key.Split('.')[0];
        return Reserved.Contains(stem) ? $"'{stem}' is a reserved device name on Windows" : null;
    }

    private static string Printable(char c) => char.IsControl(c) || char.IsSurrogate(c) || char.IsWhiteSpace(c)
        ? $"U+{(int)c:X4}"
        : c.ToString();
}
