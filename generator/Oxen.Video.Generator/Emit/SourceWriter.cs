using System;
using System.Text;

namespace Oxen.Video.Generator.Emit;

/// <summary>Writes indented C# line by line.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', _indent * 4);
        }

        _builder.Append(text).Append('\n');
        return this;
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
