namespace Oxen.Video;

/// <summary>
/// The decoded bytes of an inline (<c>b64_json</c>) video: kept in memory while small, spilled to a temporary file
/// (deleted when closed, or when the process ends) once larger, so a huge answer never sits in memory.
/// </summary>
internal sealed class OxenInlineVideo
{
    /// <summary>Videos up to this size stay in memory (<see cref="OxenVideo.Bytes"/>).</summary>
    public const int MemoryLimit = 4 * 1024 * 1024;

    private readonly long _maxBytes;
    private readonly Func<long, Exception> _tooLarge;
    private MemoryStream? _memory = new();
    private FileStream? _file;

    public OxenInlineVideo(long maxBytes, Func<long, Exception> tooLarge)
    {
        _maxBytes = maxBytes;
        _tooLarge = tooLarge;
    }

    public long Length { get; private set; }

    /// <summary>The temporary file, once spilled.</summary>
    public string? FilePath => _file?.Name;

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        if (Length + bytes.Length > _maxBytes)
        {
            throw _tooLarge(Length + bytes.Length);
        }

        Length += bytes.Length;
        if (_memory is not null && _memory.Length + bytes.Length <= MemoryLimit)
        {
            _memory.Write(bytes.Span);
            return;
        }

        if (_file is null)
        {
            var path = Path.Combine(Path.GetTempPath(), $".oxen-inline-{Guid.NewGuid():N}{OxenVideo.TemporarySuffix}");
            _file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read | FileShare.Delete, 81920, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
            if (_memory is { Length: > 0 })
            {
                await _file.WriteAsync(_memory.GetBuffer().AsMemory(0, (int)_memory.Length), cancellationToken).ConfigureAwait(false);
            }

            _memory = null;
        }

        await _file.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends writing: the bytes when they stayed in memory, else null (read <see cref="FilePath"/>).</summary>
    public async ValueTask<byte[]?> CompleteAsync(CancellationToken cancellationToken)
    {
        if (_file is not null)
        {
            await _file.FlushAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }

        return _memory!.ToArray();
    }

    /// <summary>Opens the spilled file for reading (its own position; the file stays until this object is closed).</summary>
    public Stream OpenRead() =>
        new FileStream(FilePath!, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);

    /// <summary>Deletes the spilled file (on failure; a finished one lives as long as its video).</summary>
    public void Discard()
    {
        _file?.Dispose();
        _file = null;
        _memory = null;
    }
}
