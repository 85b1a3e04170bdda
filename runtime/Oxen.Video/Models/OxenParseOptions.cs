namespace Oxen.Video.Models;

/// <summary>How <see cref="OxenModelInfo.ParseRequest(ReadOnlySpan{byte}, OxenParseOptions?)"/> reads a body written by a person.</summary>
public sealed class OxenParseOptions
{
    /// <summary>
    /// When set, a media field's text that is not a URL (<c>cat.png</c>, <c>./shots/a.jpg</c>, <c>/tmp/a.png</c>) is a
    /// local file, relative to this folder (a jobs file's folder, the current folder). When null, media fields
    /// hold URLs only.
    /// </summary>
    public string? MediaBaseDirectory { get; init; }
}
