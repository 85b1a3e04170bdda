using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace Oxen.Video;

/// <summary>
/// Reads the answer of <c>POST /api/ai/videos/generate</c> as a stream: the value of every <c>b64_json</c> key is
/// decoded on the fly into an <see cref="OxenInlineVideo"/> (never held as one string), and the rest of the JSON
/// (with that value left empty) is parsed as usual. Escapes JSON writers use inside base64 (<c>\/</c>,
/// <c>\n</c>, <c>\u002B</c>) and a <c>data:...;base64,</c> prefix are understood.
/// </summary>
internal sealed class OxenSyncAnswerReader
{
    /// <summary>The most JSON accepted outside <c>b64_json</c> values.</summary>
    public const int MaxStructureBytes = 1024 * 1024;

    private static readonly byte[] B64Key = "b64_json"u8.ToArray();

    private readonly ArrayBufferWriter<byte> _structure = new(1024);
    private readonly byte[] _pending = new byte[16 * 1024];
    private readonly byte[] _decoded = new byte[12 * 1024];
    private readonly byte[] _key = new byte[16];
    private readonly OxenInlineVideo _video;
    private int _pendingCount;
    private int _keyLength;
    private bool _inString;
    private bool _escape;
    private bool _afterString;
    private bool _expectValue;
    private bool _inValue;
    private int _unicodeDigits = -1;
    private int _unicodeValue;
    private bool _decodedAny;

    private OxenSyncAnswerReader(OxenInlineVideo video) => _video = video;

    /// <summary>Reads <paramref name="body"/>; returns the JSON without base64 and whether a b64_json value held bytes.</summary>
    public static async Task<(JsonDocument Document, bool HasInline)> ReadAsync(Stream body, OxenInlineVideo video, CancellationToken cancellationToken)
    {
        var reader = new OxenSyncAnswerReader(video);
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                await reader.FeedAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (reader._inValue)
        {
            throw Invalid("the answer ended inside videos[0].b64_json");
        }

        var document = reader._structure.WrittenCount == 0
            ? JsonDocument.Parse("{}")
            : JsonDocument.Parse(reader._structure.WrittenMemory);
        return (document, video.Length > 0);
    }

    private static OxenApiException Invalid(string what) =>
        new(200, "invalid_response", $"The synchronous answer is not valid: {what}.", null, null, "POST /api/ai/videos/generate");

    private async ValueTask FeedAsync(ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
    {
        var i = 0;
        while (i < chunk.Length)
        {
            if (!_inValue)
            {
                i += ScanStructure(chunk.Span[i..]);
                continue;
            }

            i += ScanValue(chunk.Span[i..], out var ended);
            if (_pendingCount == _pending.Length)
            {
                await DecodeAsync(isFinal: false, cancellationToken).ConfigureAwait(false);
            }

            if (ended)
            {
                // The closing quote stays in the chunk: the structure takes it.
                await EndValueAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Copies JSON to the structure, stopping just after the opening quote of a b64_json value.</summary>
    private int ScanStructure(ReadOnlySpan<byte> data)
    {
        for (var i = 0; i < data.Length; i++)
        {
            var b = data[i];
            if (_inString)
            {
                if (_escape)
                {
                    _escape = false;
                    AddKeyByte(0xFF); // An escaped key is never "b64_json" as written.
                }
                else if (b == (byte)'\\')
                {
                    _escape = true;
                }
                else if (b == (byte)'"')
                {
                    _inString = false;
                    _afterString = true;
                }
                else
                {
                    AddKeyByte(b);
                }

                continue;
            }

            switch (b)
            {
                case (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n':
                    break;
                case (byte)'"' when _expectValue:
                    _expectValue = false;
                    AppendStructure(data[..(i + 1)]);
                    _inValue = true;
                    _decodedAny = false;
                    _pendingCount = 0;
                    return i + 1;
                case (byte)'"':
                    _inString = true;
                    _keyLength = 0;
                    _afterString = false;
                    break;
                case (byte)':':
                    _expectValue = _afterString && _keyLength == B64Key.Length && _key.AsSpan(0, _keyLength).SequenceEqual(B64Key);
                    _afterString = false;
                    break;
                default:
                    _afterString = false;
                    _expectValue = false;
                    break;
            }
        }

        AppendStructure(data);
        return data.Length;
    }

    /// <summary>Moves base64 characters to the pending buffer until it is full or the value's closing quote.</summary>
    private int ScanValue(ReadOnlySpan<byte> data, out bool ended)
    {
        ended = false;
        var i = 0;
        for (; i < data.Length && _pendingCount < _pending.Length; i++)
        {
            var b = data[i];
            if (_unicodeDigits >= 0)
            {
                var digit = b switch
                {
                    >= (byte)'0' and <= (byte)'9' => b - '0',
                    >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
                    >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
                    _ => throw Invalid("a broken \\u escape in b64_json"),
                };
                _unicodeValue = (_unicodeValue * 16) + digit;
                if (++_unicodeDigits == 4)
                {
                    _unicodeDigits = -1;
                    AddChar(_unicodeValue <= 0x7F ? (byte)_unicodeValue : throw Invalid("a non-ASCII character in b64_json"));
                }
            }
            else if (_escape)
            {
                _escape = false;
                if (b == (byte)'u')
                {
                    _unicodeDigits = 0;
                    _unicodeValue = 0;
                }
                else if (b is not ((byte)'n' or (byte)'r' or (byte)'t'))
                {
                    AddChar(b); // \/ and \\ stand for themselves; \n and friends are line breaks in long base64.
                }
            }
            else if (b == (byte)'\\')
            {
                _escape = true;
            }
            else if (b == (byte)'"')
            {
                ended = true;
                return i;
            }
            else
            {
                AddChar(b);
            }
        }

        return i;
    }

    private void AddKeyByte(byte b)
    {
        if (_keyLength < _key.Length)
        {
            _key[_keyLength] = b;
        }

        _keyLength++;
    }

    private void AppendStructure(ReadOnlySpan<byte> bytes)
    {
        if (_structure.WrittenCount + bytes.Length > MaxStructureBytes)
        {
            throw Invalid($"more than {MaxStructureBytes} bytes besides b64_json");
        }

        _structure.Write(bytes);
    }

    private void AddChar(byte b)
    {
        if (b is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t')
        {
            return;
        }

        if (b == (byte)',' && !_decodedAny && _pending.AsSpan(0, _pendingCount).StartsWith("data:"u8))
        {
            _pendingCount = 0; // The end of a data: URL's header; the base64 starts here.
            return;
        }

        _pending[_pendingCount++] = b;
    }

    private async ValueTask EndValueAsync(CancellationToken cancellationToken)
    {
        if (_escape || _unicodeDigits >= 0)
        {
            throw Invalid("b64_json ends inside an escape");
        }

        await DecodeAsync(isFinal: true, cancellationToken).ConfigureAwait(false);
        _inValue = false;
    }

    private async ValueTask DecodeAsync(bool isFinal, CancellationToken cancellationToken)
    {
        if (_pendingCount > 0 && !_decodedAny && _pending.AsSpan(0, _pendingCount).StartsWith("data:"u8))
        {
            throw Invalid("b64_json is a data: URL without base64");
        }

        var status = Base64.DecodeFromUtf8(_pending.AsSpan(0, _pendingCount), _decoded, out var consumed, out var written, isFinal);
        if (status == OperationStatus.InvalidData || (isFinal && consumed != _pendingCount))
        {
            throw Invalid("videos[0].b64_json is not base64");
        }

        if (written > 0)
        {
            _decodedAny = true;
            await _video.WriteAsync(_decoded.AsMemory(0, written), cancellationToken).ConfigureAwait(false);
        }

        _pending.AsSpan(consumed, _pendingCount - consumed).CopyTo(_pending);
        _pendingCount -= consumed;
    }
}
