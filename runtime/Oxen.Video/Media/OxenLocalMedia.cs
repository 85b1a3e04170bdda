namespace Oxen.Video;

/// <summary>
/// What a local media was found to hold when its request was sent: a <c>data:</c> URI, or content to upload (a
/// file, a spooled copy of a stream, or bytes) with its SHA-256, length and sniffed type.
/// </summary>
internal sealed class OxenLocalMedia : IDisposable
{
    private readonly string? _path;
    private readonly DateTime _lastWriteUtc;
    private readonly bool _deleteFile;
    private readonly ReadOnlyMemory<byte> _memory;
    private volatile bool _changed;

    private OxenLocalMedia(
        string contentType,
        long length,
        string? dataUri,
        string? sha256,
        string? path,
        DateTime lastWriteUtc,
        bool deleteFile,
        ReadOnlyMemory<byte> memory)
    {
        ContentType = contentType;
        Length = length;
        DataUri = dataUri;
        Sha256 = sha256;
        _path = path;
        _lastWriteUtc = lastWriteUtc;
        _deleteFile = deleteFile;
        _memory = memory;
    }

    /// <summary>The sniffed content type, e.g. <c>image/png</c>.</summary>
    public string ContentType { get; }

    public long Length { get; }

    /// <summary>The URI to send, when the content is sent inline; null when it is uploaded.</summary>
    public string? DataUri { get; }

    /// <summary>The SHA-256 (lower-case hex) of content to upload; null for a data URI.</summary>
    public string? Sha256 { get; }

    /// <summary>Set when an upload saw the file change; every later attempt then fails at once.</summary>
    public bool Changed => _changed;

    public static OxenLocalMedia Inline(string contentType, long length, string dataUri) =>
        new(contentType, length, dataUri, null, null, default, false, default);

    public static OxenLocalMedia File(
        string contentType, long length, string sha256, string path, DateTime lastWriteUtc, bool deleteFile) =>
        new(contentType, length, null, sha256, path, lastWriteUtc, deleteFile, default);

    public static OxenLocalMedia Memory(string contentType, ReadOnlyMemory<byte> bytes, string sha256) =>
        new(contentType, bytes.Length, null, sha256, null, default, false, bytes);

    /// <summary>A fresh body for one upload attempt (each retry gets its own).</summary>
    /// <exception cref="IOException">The file changed since it was hashed.</exception>
    public HttpContent CreateContent()
    {
        if (_path is null)
        {
            return new ReadOnlyMemoryContent(_memory) { Headers = { ContentType = new(ContentType) } };
        }

        // Checked before each attempt: a retry never sends a file that changed during an earlier one.
        if (_changed)
        {
            throw new IOException("It changed while it was being uploaded.");
        }

        var info = new FileInfo(_path);
        if (!info.Exists || info.Length != Length || info.LastWriteTimeUtc != _lastWriteUtc)
        {
            throw ChangedWhileUploading(info.Exists
                ? $"it has {info.Length} bytes, last written {info.LastWriteTimeUtc:O}, not the {Length} bytes "
                    + $"of {_lastWriteUtc:O} it had when it was hashed"
                : "it no longer exists");
        }

        return new OxenUploadContent(this);
    }

    public FileStream OpenFile() => new(_path!, new FileStreamOptions
    {
        Mode = FileMode.Open,
        Access = FileAccess.Read,
        Share = FileShare.ReadWrite | FileShare.Delete,
        Options = FileOptions.SequentialScan | FileOptions.Asynchronous,
        BufferSize = 0,
    });

    public IOException ChangedWhileUploading(string what)
    {
        _changed = true;
        return new IOException($"It changed after it was hashed: {what}.");
    }

    public void Dispose()
    {
        if (_deleteFile && _path is not null)
        {
            try
            {
                System.IO.File.Delete(_path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A temporary copy of a stream; the temp folder's cleaning removes it otherwise.
            }
        }
    }
}
