namespace Oxen.Video;

/// <summary>
/// What reading and writing a request's JSON needs to know about media beyond the JSON itself. Generated
/// converters are synchronous and know nothing of the client, so the caller sets a scope for the length of one
/// read or write on its own thread: while parsing, where paths are relative to; while writing, the URL each
/// local media became (or a stand-in, for a cost estimate that only reads other fields).
/// </summary>
internal static class OxenMediaScopes
{
    [ThreadStatic]
    private static string? _baseDirectory;

    [ThreadStatic]
    private static Func<OxenMedia, string, string>? _wireText;

    /// <summary>Parses with text that is not a URL taken as a path under <paramref name="baseDirectory"/>.</summary>
    public static T Read<T>(string? baseDirectory, Func<T> parse)
    {
        var previous = _baseDirectory;
        _baseDirectory = baseDirectory is null ? null : Path.GetFullPath(baseDirectory);
        try
        {
            return parse();
        }
        finally
        {
            _baseDirectory = previous;
        }
    }

    /// <summary>Writes with <paramref name="wireText"/> giving the URL of each local media.</summary>
    public static void Write(Func<OxenMedia, string> wireText, Action write)
    {
        ArgumentNullException.ThrowIfNull(wireText);
        Write((media, _) => wireText(media), write);
    }

    /// <summary>
    /// Writes with <paramref name="wireText"/> giving the URL of each local media from the media and the name of
    /// the field that holds it (so a collecting scope can say which field a problem is in).
    /// </summary>
    public static void Write(Func<OxenMedia, string, string> wireText, Action write)
    {
        var previous = _wireText;
        _wireText = wireText;
        try
        {
            write();
        }
        finally
        {
            _wireText = previous;
        }
    }

    public static OxenMedia FromWire(string text) =>
        _baseDirectory is { } directory && text.Length > 0 && !OxenMedia.LooksLikeUrl(text)
            ? OxenMedia.FromPathOrUri(text, directory)
            : OxenMedia.FromUri(text);

    public static string ToWire(OxenMedia media, string field)
    {
        if (!media.IsLocal)
        {
            return media.Url!;
        }

        return _wireText?.Invoke(media, field) ?? throw new InvalidOperationException(
            $"'{field}' holds a local media ({media}); it becomes a URL only when OxenClient sends the request, so the request cannot be written as JSON before that.");
    }
}
