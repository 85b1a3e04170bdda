namespace Oxen.Video.Generator.Tests.Infrastructure;

internal static class TextPositions
{
    /// <summary>The 1-based line and column of the first occurrence of <paramref name="marker"/>.</summary>
    public static (int Line, int Column) Find(string text, string marker)
    {
        var index = text.IndexOf(marker, StringComparison.Ordinal);
        if (index < 0)
        {
            throw new ArgumentException($"'{marker}' is not in the text.", nameof(marker));
        }

        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, index - lineStart + 1);
    }
}
