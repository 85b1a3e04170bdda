using System.Security.Cryptography;

namespace Oxen.Video.Testing;

/// <summary>
/// A stored file's bytes, in chunks: a 200 MB upload never needs one array of its size (nor the copy a growing
/// <see cref="MemoryStream"/> makes), and serving it streams chunk by chunk.
/// </summary>
internal sealed class EmulatorBlob
{
    private readonly byte[][] _chunks;

    private EmulatorBlob(byte[][] chunks, long length, string sha256)
    {
        _chunks = chunks;
        Length = length;
        Sha256 = sha256;
    }

    public long Length { get; }

    /// <summary>The SHA-256 of the bytes, lower-case hex.</summary>
    public string Sha256 { get; }

    /// <summary>
    /// The first bytes, for sniffing: every chunk but the last is full, so the first holds at least
    /// <see cref="OxenMediaTypes.SniffLength"/> bytes whenever the file does.
    /// </summary>
    public ReadOnlySpan<byte> Head => _chunks.Length == 0
        ? []
        : _chunks[0].AsSpan(0, Math.Min(_chunks[0].Length, OxenMediaTypes.SniffLength));

    public static EmulatorBlob FromBytes(ReadOnlySpan<byte> bytes) =>
        new(bytes.IsEmpty ? [] : [bytes.ToArray()], bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)));

    public async Task CopyToAsync(Stream destination, CancellationToken cancellationToken)
    {
        foreach (var chunk in _chunks)
        {
            await destination.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads a stream into a blob, hashing on the way, bounded by a caller's limit.</summary>
    internal sealed class Builder : IDisposable
    {
        private const int ChunkSize = 256 * 1024;
        private readonly List<byte[]> _chunks = [];
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private byte[]? _current;
        private int _used;

        public long Length { get; private set; }

        /// <summary>
        /// Copies <paramref name="source"/> to its end; returns false as soon as it holds more than
        /// <paramref name="limit"/> bytes (the rest is not read, so an oversized upload costs at most the limit).
        /// </summary>
        public async Task<bool> ReadAsync(Stream source, long limit, CancellationToken cancellationToken)
        {
            while (true)
            {
                if (_current is null || _used == _current.Length)
                {
                    Flush();
                    _current = new byte[ChunkSize];
                }

                var read = await source.ReadAsync(_current.AsMemory(_used), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return true;
                }

                _hash.AppendData(_current, _used, read);
                _used += read;
                Length += read;
                if (Length > limit)
                {
                    return false;
                }
            }
        }

        public EmulatorBlob Build()
        {
            if (_current is not null && _used > 0)
            {
                // The last chunk trimmed to its bytes: a 1 KB file keeps 1 KB, not a whole chunk.
                _chunks.Add(_used == _current.Length ? _current : _current.AsSpan(0, _used).ToArray());
            }

            _current = null;
            return new EmulatorBlob([.. _chunks], Length, Convert.ToHexStringLower(_hash.GetHashAndReset()));
        }

        public void Dispose() => _hash.Dispose();

        private void Flush()
        {
            if (_current is not null)
            {
                _chunks.Add(_current);
            }

            _used = 0;
        }
    }
}
