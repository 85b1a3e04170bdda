using System.Globalization;
using System.Text;

namespace Oxen.Video.Tasks;

/// <summary>
/// What an <c>OxenModel</c> id may be before it becomes a file name ({id}.json) and a URL segment: letters, digits,
/// '-', '_' and '.' (a dot neither first, last nor doubled: "." and ".." are paths, and a URL drops them), at most
/// <see cref="MaxLength"/> characters. Real ids
/// (<c>kling-video-v2-6-pro-text-to-video</c>) fit; a path (<c>../x</c>, <c>a/b</c>, <c>C:\x</c>), a blank or a
/// control character never reaches the disk or the hub.
/// </summary>
internal static class ModelIds
{
    /// <summary>Leaves room for ".json" and the temporary file's suffix within a 255-byte file name.</summary>
    public const int MaxLength = 200;

    public const string Allowed = "letters, digits, '-', '_' and '.', a dot neither first, last nor doubled, at most 200 characters";

    /// <summary>Why <paramref name="id"/> is not a model id, or null when it is one.</summary>
    public static string? Problem(string id)
    {
        if (id.Trim().Length == 0)
        {
            return id.Length == 0 ? "it is empty" : "it is blank";
        }

        if (id.Length > MaxLength)
        {
            return "it has " + id.Length.ToString(CultureInfo.InvariantCulture) + " characters";
        }

        foreach (var c in id)
        {
            if (!IsAllowed(c))
            {
                return "it contains " + DescribeCharacter(c);
            }
        }

        return id.Contains("..") ? "it contains '..'"
            : id[0] == '.' ? "it starts with '.'"
            : id[id.Length - 1] == '.' ? "it ends with '.'"
            : null;
    }

    /// <summary>The id as it can be shown in a log line: control and other invisible characters as \uXXXX.</summary>
    public static string Display(string id)
    {
        var text = new StringBuilder(id.Length);
        foreach (var c in id)
        {
            if (c is >= ' ' and < '\u007F')
            {
                text.Append(c);
            }
            else
            {
                text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }

    private static bool IsAllowed(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_' or '.';

    private static string DescribeCharacter(char c) => c switch
    {
        '/' or '\\' => "a path separator '" + c + "'",
        ' ' => "a space",
        _ when c is > ' ' and < '\u007F' => "'" + c + "'",
        _ => "the character U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
    };
}
