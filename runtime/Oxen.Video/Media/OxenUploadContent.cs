using System.Net;
using System.Security.Cryptography;

namespace Oxen.Video;

/// <summary>
/// The body of one upload attempt: the file streamed from disk (never buffered), with a known length, and checked
/// as it goes: a file that is longer, shorter or different (SHA-256) than when it was hashed fails the upload before
/// its last byte is sent, so the hub never stores other content under the hash's name.
/// </summary>
internal sealed class OxenUploadContent : HttpContent
{
    private const int BufferSize = 81920;

    private readonly OxenLocalMedia _media;
    private readonly List<Stream> _opened = [];

    public OxenUploadContent(OxenLocalMedia media)
    {
        _media = media;
        Headers.ContentType = new(media.ContentType);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _media.Length;
        return true;
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        await SerializeToStreamAsync(stream, context, CancellationToken.None).ConfigureAwait(false);

    protected override async Task SerializeToStreamAsync(
        Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var source = Open();
        await using (source.ConfigureAwait(false))
        {
            await source.CopyToAsync(stream, BufferSize, cancellationToken).ConfigureAwait(false);
        }
    }

    // Without these, HttpContent would load the whole file into memory for a reader of the content.
    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult(Open());

    protected override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Open());

    protected override Stream CreateContentReadStream(CancellationToken cancellationToken) => Open();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            lock (_opened)
            {
                foreach (var stream in _opened)
                {
                    stream.Dispose();
                }

                _opened.Clear();
            }
        }

        base.Dispose(disposing);
    }

    private Stream Open()
    {
        var stream = new CheckedStream(_media.OpenFile(), _media);
        lock (_opened)
        {
            _opened.Add(stream);
        }

        return stream;
    }

    /// <summary>Reads the file, hashing what it hands out, and fails at the first sign of a change.</summary>
    private sealed class CheckedStream(FileStream file, OxenLocalMedia media) : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => media.Length;

        public override long Position
        {
            get => _read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer) =>
            Done || buffer.IsEmpty ? 0 : Check(buffer, file.Read(buffer[..Want(buffer.Length)]));

        public override async ValueTask<int> ReadAsync(
            Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (Done || buffer.IsEmpty)
            {
                return 0;
            }

            var read = await file.ReadAsync(buffer[..Want(buffer.Length)], cancellationToken).ConfigureAwait(false);
            return Check(buffer.Span, read);
        }

        public override Task<int> ReadAsync(
            byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                file.Dispose();
                _hash.Dispose();
            }

            base.Dispose(disposing);
        }

        /// <summary>Past the hashed length nothing more is read: what was sent is exactly what was hashed.</summary>
        private bool Done => _read == media.Length;

        private int Want(int length) => (int)Math.Min(length, media.Length - _read);

        private int Check(Span<byte> buffer, int read)
        {
            if (read == 0)
            {
                throw media.ChangedWhileUploading(
                    $"it ended after {_read} of the {media.Length} bytes it had when it was hashed");
            }

            _hash.AppendData(buffer[..read]);
            _read += read;

            // Checked before the last bytes are handed out, so a changed file is never sent whole.
            if (Done && !string.Equals(
                Convert.ToHexStringLower(_hash.GetHashAndReset()), media.Sha256, StringComparison.Ordinal))
            {
                throw media.ChangedWhileUploading("its content is no longer what was hashed");
            }

            return read;
        }
    }
}
