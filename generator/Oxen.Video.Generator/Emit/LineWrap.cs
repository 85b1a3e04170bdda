using System.Collections.Generic;
using System.Text;

namespace Oxen.Video.Generator.Emit;

/// <summary>
/// Wraps one generated line that is wider than the limit, so the output reads without scrolling: code after a
/// comma (outside string literals), a string literal that alone is too wide as a concatenation of constants
/// (still a constant), and doc text between words.
/// </summary>
internal static class LineWrap
{
    private const string Continuation = "    ";

    /// <summary>
    /// Doc text (without its <c>///</c>) as <c>///</c> lines of at most <paramref name="width"/> characters.
    /// </summary>
    public static List<string> Doc(string text, int width)
    {
        var lines = new List<string>();
        var line = new StringBuilder("///");
        foreach (var word in Words(text))
        {
            if (word.Length == 0)
            {
                continue;
            }

            if (line.Length > 3 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line.ToString());
                line.Clear().Append("///");
            }

            line.Append(' ').Append(word);
        }

        lines.Add(line.ToString());
        return lines;
    }

    /// <summary>The words of doc text; a tag (<c>&lt;see cref="X"/&gt;</c>) is one word, so no tag is split.</summary>
    private static IEnumerable<string> Words(string text)
    {
        var pending = "";
        var open = 0;
        foreach (var word in text.Split(' '))
        {
            pending = pending.Length == 0 ? word : pending + " " + word;
            foreach (var c in word)
            {
                open += c == '<' ? 1 : c == '>' ? -1 : 0;
            }

            if (open <= 0)
            {
                yield return pending;
                pending = "";
                open = 0;
            }
        }

        if (pending.Length > 0)
        {
            yield return pending;
        }
    }

    /// <summary>
    /// A line of code as lines of at most <paramref name="width"/> characters where it can be broken.
    /// </summary>
    public static List<string> Code(string text, int width)
    {
        var lines = new List<string>();
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith("//", System.StringComparison.Ordinal)
            || trimmed.StartsWith("#", System.StringComparison.Ordinal))
        {
            lines.Add(text);
            return lines;
        }

        // A line may carry its own indentation (a loop body written as one string): continuations go one level deeper.
        var indent = text.Substring(0, text.Length - text.TrimStart().Length);
        var prefix = "";
        while (prefix.Length + text.Length > width)
        {
            var limit = width - prefix.Length;
            var (cut, inLiteral) = LastBreak(text, limit);
            if (cut <= 0)
            {
                break; // nothing to break at: a wide line is better than code that does not compile
            }

            if (inLiteral)
            {
                // "ab cd" becomes "ab " + "cd": a constant still, so it fits in an attribute or a const too.
                lines.Add(prefix + text.Substring(0, cut) + "\" +");
                text = "\"" + text.Substring(cut);
            }
            else
            {
                lines.Add(prefix + text.Substring(0, cut).TrimEnd());
                text = text.Substring(cut).TrimStart();
            }

            prefix = indent + Continuation;
        }

        lines.Add(prefix + text);
        return lines;
    }

    /// <summary>
    /// Where to cut <paramref name="text"/> so that the first part, with what the cut adds, is at most
    /// <paramref name="limit"/> characters: after the last ", " outside literals and comments, or else after a space
    /// inside a plain string literal (<c>inLiteral</c>). The cut is 0 when there is no such place.
    /// </summary>
    private static (int Cut, bool InLiteral) LastBreak(string text, int limit)
    {
        var comma = 0;
        var other = 0;
        var space = 0;
        for (var i = 0; i < text.Length && i < limit; i++)
        {
            var c = text[i];
            if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                break; // a trailing comment: a cut in it would turn its words into code
            }

            if (c == '\'')
            {
                i = EndOfLiteral(text, i, '\'');
            }
            else if (c == '"')
            {
                var end = EndOfLiteral(text, i, '"');
                var plain = i == 0 || (text[i - 1] != '@' && text[i - 1] != '$');
                var utf8 = end + 2 < text.Length && text[end + 1] == 'u' && text[end + 2] == '8';
                for (var j = i + 1; plain && !utf8 && j < end && j + 4 <= limit; j++)
                {
                    if (text[j] == '\\')
                    {
                        j++;
                    }
                    else if (text[j] == ' ' && j > i + 1)
                    {
                        space = j + 1;
                    }
                }

                i = end;
            }
            else if (c == ',' && i + 1 < text.Length && text[i + 1] == ' ')
            {
                comma = i + 1;
            }
            else if (i > 0 && ((c == '(' && !At(text, i + 1, ")"))
                || (c == ' ' && (At(text, i, " => ") || At(text, i, " : ")))))
            {
                // Where no comma fits: inside the first parentheses, or before an arrow or a base list.
                other = c == '(' ? i + 1 : i;
            }
            else if (c == ';' && At(text, i, "; "))
            {
                other = i + 1;
            }
            else if (c == '=' && At(text, i - 1, " = "))
            {
                other = i + 1;
            }
        }

        if (comma > 0 && comma >= other / 2)
        {
            return (comma, false);
        }

        return other > 0 ? (other, false) : (space, space > 0);
    }

    private static bool At(string text, int index, string token) =>
        index >= 0 && string.CompareOrdinal(text, index, token, 0, token.Length) == 0;

    private static int EndOfLiteral(string text, int start, char quote)
    {
        for (var i = start + 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == quote)
            {
                return i;
            }
        }

        return text.Length;
    }
}
