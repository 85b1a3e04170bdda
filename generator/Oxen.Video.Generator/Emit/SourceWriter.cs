using System;
using System.Text;

namespace Oxen.Video.Generator.Emit;

/// <summary>Writes indented C# line by line.</summary>
internal sealed class SourceWriter
{
    /// <summary>The widest line written: wider code is wrapped after a comma, wider docs between words.</summary>
    public const int MaxWidth = 160;

    private readonly StringBuilder _builder = new();
    private int _indent;

    public SourceWriter Line(string text = "")
    {
        if (text.Length == 0)
        {
            _builder.Append('\n');
            return this;
        }

        var width = MaxWidth - (_indent * 4);
        var lines = text.Length <= width
            ? [text]
            : text.StartsWith("///", StringComparison.Ordinal)
            ? LineWrap.Doc(text.Substring(3).TrimStart(), width)
            : LineWrap.Code(text, width);
        foreach (var line in lines)
        {
            _builder.Append(' ', _indent * 4).Append(line).Append('\n');
        }

        return this;
    }

    /// <summary>
    /// Writes a doc element (<c>summary</c>, <c>remarks</c>) on its own lines: one line when it fits, otherwise the
    /// tags on their own lines and the text wrapped between words.
    /// </summary>
    public SourceWriter Doc(string tag, string text)
    {
        var oneLine = $"/// <{tag}>{text}</{tag}>";
        if ((_indent * 4) + oneLine.Length <= MaxWidth)
        {
            return Line(oneLine);
        }

        Line($"/// <{tag}>");
        Line("/// " + text);
        return Line($"/// </{tag}>");
    }

    /// <summary>Writes a block of lines (a raw string literal, say) at the current indentation.</summary>
    public SourceWriter Lines(string block)
    {
        foreach (var line in block.Replace("\r\n", "\n").Split('\n'))
        {
            Line(line);
        }

        return this;
    }

    /// <summary>
    /// Writes <paramref name="items"/> separated by ", ", as many to a line as fit in <paramref name="width"/>
    /// characters, one level deeper than the current indentation; the last item ends with <paramref name="end"/>.
    /// Long lists (names, member tables) stay readable at a fraction of the lines.
    /// </summary>
    public SourceWriter Packed(System.Collections.Generic.IReadOnlyList<string> items, string end, int width)
    {
        _indent++;
        var line = new StringBuilder();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i] + (i == items.Count - 1 ? end : ",");
            if (line.Length > 0 && (_indent * 4) + line.Length + 1 + item.Length > width)
            {
                Line(line.ToString());
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : "").Append(item);
        }

        if (line.Length > 0)
        {
            Line(line.ToString());
        }

        _indent--;
        return this;
    }

    public SourceWriter Open(string header)
    {
        Line(header);
        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        _indent--;
        Line("}" + suffix);
        return this;
    }

    public IDisposable Block(string header)
    {
        Open(header);
        return new Closer(this);
    }

    public override string ToString() => _builder.ToString();

    private sealed class Closer(SourceWriter writer) : IDisposable
    {
        public void Dispose() => writer.Close();
    }
}
