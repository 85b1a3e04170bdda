namespace Oxen.Video;

/// <summary>
/// The value of a media field (<c>input_image</c>, <c>input_video</c>, <c>audio_url</c>, ...): a URL the hub can
/// read (<c>http</c>, <c>https</c> or <c>data</c>), or the user's own file, stream or bytes. Before a request is
/// sent, the client turns each local media into a URL the hub can read: a <c>data:</c> URI when it is at most
/// <see cref="OxenClientOptions.MaxDataUriBytes"/>, otherwise an upload to
/// <see cref="OxenClientOptions.MediaRepository"/>; with neither, nothing is sent and the error names the option.
/// </summary>
/// <remarks>
/// A string or a <see cref="System.Uri"/> converts implicitly, so <c>InputImage = "https://…/cat.png"</c> keeps
/// compiling; a URL is sent exactly as written. Nothing is read from disk when a media is made: <c>Validate()</c>
/// checks that a file exists and that its content (sniffed from its first bytes) fits the field.
/// </remarks>
public sealed class OxenMedia
{
    private readonly ReadOnlyMemory<byte> _bytes;
    private int _validatedKind;

    private OxenMedia(OxenMediaSource source, string? url, string? filePath, Stream? stream, ReadOnlyMemory<byte> bytes, string? contentType, string? fileName)
    {
        Source = source;
        Url = url;
        FilePath = filePath;
        Stream = stream;
        _bytes = bytes;
        ContentType = contentType;
        FileName = fileName;
    }

    /// <summary>Where the media comes from.</summary>
    public OxenMediaSource Source { get; }

    /// <summary>Whether the media is on this machine (a file, a stream or bytes) and must become a URL before sending.</summary>
    public bool IsLocal => Source != OxenMediaSource.Url;

    /// <summary>The URL exactly as given (sent as is), for <see cref="OxenMediaSource.Url"/>; otherwise null.</summary>
    public string? Url { get; }

    /// <summary>The full path of the file, for <see cref="OxenMediaSource.File"/>; otherwise null.</summary>
    public string? FilePath { get; }

    /// <summary>The stream, for <see cref="OxenMediaSource.Stream"/>; otherwise null.</summary>
    public Stream? Stream { get; }

    /// <summary>The bytes, for <see cref="OxenMediaSource.Bytes"/>; otherwise empty.</summary>
    public ReadOnlyMemory<byte> Bytes => _bytes;

    /// <summary>The content type given with a stream or bytes (e.g. <c>image/png</c>); files are sniffed instead.</summary>
    public string? ContentType { get; }

    /// <summary>The file name given with a stream or bytes, or the name of the file; used for the uploaded file's extension.</summary>
    public string? FileName { get; }

    /// <summary>
    /// The kind of field this media was last validated for (<c>Validate()</c> notes it), or null. The client
    /// sniffs a local media again when it sends it and refuses content of another kind: a file may change between
    /// validating and sending.
    /// </summary>
    internal OxenMediaKind? ValidatedKind
    {
        get => Volatile.Read(ref _validatedKind) is var kind and not 0 ? (OxenMediaKind)kind : null;
        set => Volatile.Write(ref _validatedKind, (int)(value ?? 0));
    }

    /// <summary>A URL the hub reads itself. It is checked by <c>Validate()</c>: only <c>http</c>, <c>https</c> and <c>data</c> can reach the hub.</summary>
    /// <param name="url">The URL, sent exactly as written.</param>
    public static OxenMedia FromUri(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return new(OxenMediaSource.Url, url, null, null, default, null, null);
    }

    /// <summary>A URL the hub reads itself (its <see cref="Uri.OriginalString"/> is sent).</summary>
    public static OxenMedia FromUri(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return FromUri(url.OriginalString);
    }

    /// <summary>A file on this machine; a relative path is taken from the current folder now.</summary>
    /// <param name="path">The file's path.</param>
    public static OxenMedia FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        return new(OxenMediaSource.File, null, full, null, default, null, System.IO.Path.GetFileName(full));
    }

    /// <summary>A stream, read once (from its current position) when the request is sent; the caller keeps it open until then and disposes it.</summary>
    /// <param name="stream">A readable stream.</param>
    /// <param name="contentType">Its content type, e.g. <c>image/png</c>: it must fit the field.</param>
    /// <param name="fileName">A name for the uploaded file (its extension is used), when known.</param>
    public static OxenMedia FromStream(Stream stream, string contentType, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        if (!stream.CanRead)
        {
            throw new ArgumentException("The stream cannot be read.", nameof(stream));
        }

        return new(OxenMediaSource.Stream, null, null, stream, default, contentType.Trim(), fileName);
    }

    /// <summary>Bytes in memory; their content type is sniffed from the first bytes when not given.</summary>
    /// <param name="bytes">The media's bytes (not copied: do not change them before the request is sent).</param>
    /// <param name="contentType">Their content type, e.g. <c>image/png</c>; sniffed when null.</param>
    /// <param name="fileName">A name for the uploaded file (its extension is used), when known.</param>
    public static OxenMedia FromBytes(ReadOnlyMemory<byte> bytes, string? contentType = null, string? fileName = null) =>
        new(OxenMediaSource.Bytes, null, null, null, bytes, string.IsNullOrWhiteSpace(contentType) ? null : contentType.Trim(), fileName);

    /// <summary>
    /// What a person typed (the command line, a jobs file): an absolute URI with a scheme is a URL (checked like any
    /// URL: <c>file:</c> and <c>ftp:</c> are refused), anything else is a path, relative to
    /// <paramref name="baseDirectory"/> (else the current folder). <c>/tmp/cat.png</c> and <c>C:\cat.png</c> are paths.
    /// </summary>
    public static OxenMedia FromPathOrUri(string text, string? baseDirectory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        if (LooksLikeUrl(text))
        {
            return FromUri(text);
        }

        var path = baseDirectory is null ? text : System.IO.Path.Combine(baseDirectory, text);
        return FromFile(path);
    }

    /// <summary>A URL media, from its text; <see langword="null"/> stays null.</summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(url))]
    public static implicit operator OxenMedia?(string? url) => url is null ? null : FromUri(url);

    /// <summary>A URL media; <see langword="null"/> stays null.</summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(url))]
    public static implicit operator OxenMedia?(Uri? url) => url is null ? null : FromUri(url);

    /// <summary>The URL (a <c>data:</c> URI shortened, a query hidden), or what the local media is.</summary>
    public override string ToString() => Source switch
    {
        OxenMediaSource.Url => Describe(Url!),
        OxenMediaSource.File => $"file {FilePath}",
        OxenMediaSource.Stream => $"stream ({ContentType}{(FileName is null ? "" : ", " + FileName)})",
        _ => $"{_bytes.Length} bytes{(ContentType is null ? "" : " of " + ContentType)}",
    };

    /// <summary>
    /// Whether typed text names a URL rather than a path: a scheme of two or more characters (so <c>C:\x</c> is a
    /// path) followed by <c>:</c>, and no leading slash (on Unix <c>/tmp/x</c> would parse as a <c>file:</c> URI).
    /// </summary>
    internal static bool LooksLikeUrl(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 2 || !char.IsAsciiLetter(text[0]))
        {
            return false;
        }

        for (var i = 1; i < colon; i++)
        {
            var c = text[i];
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static string Describe(string url)
    {
        if (url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            var comma = url.IndexOf(',', StringComparison.Ordinal);
            var header = comma < 0 ? url[..Math.Min(url.Length, 40)] : url[..comma];
            return $"{header},… ({url.Length} characters)";
        }

        var query = url.IndexOf('?', StringComparison.Ordinal);
        var shown = query < 0 ? url : url[..query] + "?…";
        return shown.Length > 120 ? shown[..120] + "…" : shown;
    }
}
