using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using Oxen.Video.Validation;

namespace Oxen.Video;

/// <summary>Reading a local media at send time: bounded, sniffed again, hashed, a stream spooled when large.</summary>
internal sealed partial class OxenMediaResolver
{
    private const int ChunkSize = 81920;

    private ValueTask<OxenLocalMedia> ReadAsync(
        OxenMedia media, string field, OxenMediaKind? kind, CancellationToken cancellationToken) =>
        media.Source switch
        {
            OxenMediaSource.File => ReadFileAsync(media, field, kind, cancellationToken),
            OxenMediaSource.Stream => ReadStreamAsync(media, field, kind, cancellationToken),
            OxenMediaSource.Bytes => ValueTask.FromResult(ReadBytes(media, field, kind)),
            _ => throw new InvalidOperationException($"'{field}' holds a URL, which is sent as it is."),
        };

    private async ValueTask<OxenLocalMedia> ReadFileAsync(
        OxenMedia media, string field, OxenMediaKind? kind, CancellationToken cancellationToken)
    {
        var path = media.FilePath!;
        FileStream file;
        try
        {
            file = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.Open,
                Access = FileAccess.Read,
                Share = FileShare.ReadWrite | FileShare.Delete,
                Options = FileOptions.SequentialScan | FileOptions.Asynchronous,
                BufferSize = 0,
            });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var problem = Directory.Exists(path) ? "it is a folder, not a file"
                : !System.IO.File.Exists(path) ? "it does not exist (any more)"
                : $"it cannot be read ({ex.Message})";
            throw Fail(field, media, $"{problem}. Nothing was sent.", ex);
        }

        await using (file.ConfigureAwait(false))
        {
            try
            {
                return await ReadOpenFileAsync(file, media, field, kind, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw Fail(field, media, $"it cannot be read ({ex.Message}). Nothing was sent.", ex);
            }
        }
    }

    private async ValueTask<OxenLocalMedia> ReadOpenFileAsync(
        FileStream file, OxenMedia media, string field, OxenMediaKind? kind, CancellationToken cancellationToken)
    {
        var path = media.FilePath!;
        var length = file.Length;
        var lastWrite = System.IO.File.GetLastWriteTimeUtc(path);
        if (length == 0)
        {
            throw Fail(field, media, "it is empty (0 bytes), so it changed after it was validated. Nothing was sent.");
        }

        if (length > OxenValidator.MaxMediaFileBytes)
        {
            throw Fail(
                field,
                media,
                $"it holds {length} bytes, over the {OxenValidator.MaxMediaFileBytes} a media may have. "
                + "Nothing was sent.");
        }

        OxenMediaException Changed() => Fail(field, media, "it changed while it was being read. Nothing was sent.");
        if (length <= MaxDataUriBytes)
        {
            var bytes = GC.AllocateUninitializedArray<byte>((int)length);
            var read = await file.ReadAtLeastAsync(bytes, bytes.Length, throwOnEndOfStream: false, cancellationToken)
                .ConfigureAwait(false);
            if (read != length || await file.ReadAsync(new byte[1], cancellationToken).ConfigureAwait(false) != 0)
            {
                throw Changed();
            }

            var inlineType = Sniffed(field, media, kind, bytes);
            return OxenLocalMedia.Inline(inlineType, length, ToDataUri(inlineType, bytes));
        }

        RequireRepository(field, media, length.ToString(CultureInfo.InvariantCulture));
        var header = new byte[OxenMediaTypes.SniffLength];
        var headerLength = await file
            .ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken)
            .ConfigureAwait(false);
        var type = Sniffed(field, media, kind, header.AsSpan(0, headerLength));
        file.Position = 0;
        var (sha, hashed) = await HashAsync(file, default, null, cancellationToken).ConfigureAwait(false);
        if (sha is null || hashed != length
            || System.IO.File.GetLastWriteTimeUtc(path) != lastWrite || new FileInfo(path).Length != length)
        {
            throw Changed();
        }

        return OxenLocalMedia.File(type, length, sha, path, lastWrite, deleteFile: false);
    }

    private async ValueTask<OxenLocalMedia> ReadStreamAsync(
        OxenMedia media, string field, OxenMediaKind? kind, CancellationToken cancellationToken)
    {
        var stream = media.Stream!;
        try
        {
            // At most one byte past the data URI limit is held in memory; a larger stream is spooled to disk.
            var known = stream.CanSeek ? stream.Length - stream.Position : -1;
            var wanted = known > MaxDataUriBytes
                ? OxenMediaTypes.SniffLength
                : Math.Max(
                    OxenMediaTypes.SniffLength,
                    (int)Math.Min(MaxDataUriBytes + 1, known < 0 ? long.MaxValue : known + 1));
            var (head, count) = await ReadUpToAsync(stream, wanted, cancellationToken).ConfigureAwait(false);
            if (count == 0)
            {
                throw Fail(
                    field, media,
                    "it is empty (0 bytes from its position): a stream is read once, when its request is sent. "
                    + "Nothing was sent.");
            }

            var type = Sniffed(field, media, kind, head.AsSpan(0, Math.Min(count, OxenMediaTypes.SniffLength)));
            if (count <= MaxDataUriBytes && count < wanted)
            {
                return OxenLocalMedia.Inline(type, count, ToDataUri(type, head.AsMemory(0, count)));
            }

            var size = known >= 0 ? known.ToString(CultureInfo.InvariantCulture) : $"more than {MaxDataUriBytes}";
            RequireRepository(field, media, size);
            return await SpoolAsync(stream, head.AsMemory(0, count), type, field, media, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or NotSupportedException or ObjectDisposedException)
        {
            throw Fail(field, media, $"it cannot be read ({ex.Message}). Nothing was sent.", ex);
        }
    }

    /// <summary>
    /// Copies a large stream to a temporary file while hashing it, so each upload attempt can read it again.
    /// </summary>
    private static async ValueTask<OxenLocalMedia> SpoolAsync(
        Stream stream,
        ReadOnlyMemory<byte> head,
        string type,
        string field,
        OxenMedia media,
        CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"oxen-media-{Guid.NewGuid():N}.part");
        var kept = false;
        try
        {
            string? sha;
            long length;
            var spool = new FileStream(
                path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0, FileOptions.Asynchronous);
            await using (spool.ConfigureAwait(false))
            {
                (sha, length) = await HashAsync(stream, head, spool, cancellationToken).ConfigureAwait(false);
            }

            if (sha is null)
            {
                throw Fail(
                    field, media,
                    $"it holds more than the {OxenValidator.MaxMediaFileBytes} bytes a media may have. "
                    + "Nothing was sent.");
            }

            kept = true;
            var written = System.IO.File.GetLastWriteTimeUtc(path);
            return OxenLocalMedia.File(type, length, sha, path, written, deleteFile: true);
        }
        finally
        {
            if (!kept)
            {
                System.IO.File.Delete(path);
            }
        }
    }

    private OxenLocalMedia ReadBytes(OxenMedia media, string field, OxenMediaKind? kind)
    {
        var bytes = media.Bytes;
        if (bytes.IsEmpty)
        {
            throw Fail(field, media, "it is empty (0 bytes). Nothing was sent.");
        }

        var type = Sniffed(field, media, kind, bytes.Span[..Math.Min(bytes.Length, OxenMediaTypes.SniffLength)]);
        if (bytes.Length <= MaxDataUriBytes)
        {
            return OxenLocalMedia.Inline(type, bytes.Length, ToDataUri(type, bytes));
        }

        RequireRepository(field, media, bytes.Length.ToString(CultureInfo.InvariantCulture));
        return OxenLocalMedia.Memory(type, bytes, Convert.ToHexStringLower(SHA256.HashData(bytes.Span)));
    }

    /// <summary>The content type sniffed from the first bytes, which must fit the field (of a known kind).</summary>
    private static string Sniffed(string field, OxenMedia media, OxenMediaKind? kind, ReadOnlySpan<byte> header)
    {
        var sniffed = OxenMediaTypes.Sniff(header);
        if (sniffed is not null && (kind is null || OxenMediaTypes.KindOf(sniffed) == kind))
        {
            return sniffed;
        }

        var found = sniffed ?? "no format this client knows";
        var allowed = kind is { } k
            ? $"{OxenMediaTypes.Noun(k)} ({OxenMediaTypes.Formats(k)})"
            : "an image, a video or an audio file of a format this client knows";
        throw Fail(
            field,
            media,
            $"it holds {found} when it is sent; allowed: {allowed}. The content is sniffed again at sending, since a "
            + "file may change after Validate(). Nothing was sent.");
    }

    /// <summary>Reads until <paramref name="wanted"/> bytes or the end, growing a buffer (never past that).</summary>
    private static async ValueTask<(byte[] Buffer, int Count)> ReadUpToAsync(
        Stream stream, int wanted, CancellationToken cancellationToken)
    {
        var buffer = new byte[Math.Min(wanted, ChunkSize)];
        var count = 0;
        while (count < wanted)
        {
            if (count == buffer.Length)
            {
                Array.Resize(ref buffer, (int)Math.Min(wanted, buffer.Length * 2L));
            }

            var read = await stream.ReadAsync(buffer.AsMemory(count), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            count += read;
        }

        return (buffer, count);
    }

    /// <summary>
    /// Hashes <paramref name="head"/> then the rest of <paramref name="source"/>, copying both to
    /// <paramref name="copy"/> when given; a null hash when it holds more than a media may.
    /// </summary>
    private static async ValueTask<(string? Sha256, long Length)> HashAsync(
        Stream source, ReadOnlyMemory<byte> head, Stream? copy, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(head.Span);
        if (copy is not null)
        {
            await copy.WriteAsync(head, cancellationToken).ConfigureAwait(false);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            long total = head.Length;
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, ChunkSize), cancellationToken)
                .ConfigureAwait(false)) > 0)
            {
                total += read;
                if (total > OxenValidator.MaxMediaFileBytes)
                {
                    return (null, total);
                }

                hash.AppendData(buffer, 0, read);
                if (copy is not null)
                {
                    await copy.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }
            }

            return (Convert.ToHexStringLower(hash.GetHashAndReset()), total);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
