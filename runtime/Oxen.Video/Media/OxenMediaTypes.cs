namespace Oxen.Video;

/// <summary>
/// The media formats the client knows, told apart by their first bytes (never by a file's name): the one rule the
/// client's checks, its uploads and the hub emulator share.
/// </summary>
public static class OxenMediaTypes
{
    /// <summary>How many leading bytes <see cref="Sniff"/> needs at most.</summary>
    public const int SniffLength = 64;

    /// <summary>
    /// The content type of media from its first bytes (at least <see cref="SniffLength"/> when the media is that
    /// long): <c>image/jpeg</c>, <c>image/png</c>, <c>image/gif</c>, <c>image/webp</c>, <c>video/mp4</c>,
    /// <c>video/quicktime</c>, <c>video/webm</c>, <c>audio/mpeg</c>, <c>audio/wav</c>, <c>audio/mp4</c>,
    /// <c>audio/aac</c> or <c>audio/ogg</c>; <see langword="null"/> for anything else (text, a truncated header).
    /// </summary>
    public static string? Sniff(ReadOnlySpan<byte> header)
    {
        return SniffHeader(header);
    }

    /// <summary>
    /// The content type of a file from its first <see cref="SniffLength"/> bytes (<see cref="Sniff"/>), read
    /// without locking it against writers; <see langword="null"/> for a format this library does not know.
    /// </summary>
    /// <exception cref="IOException">The file cannot be read (missing, a folder, a symlink loop...).</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be read (permission denied).</exception>
    public static string? SniffFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Span<byte> header = stackalloc byte[SniffLength];
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.None);
        var read = file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        return SniffHeader(header[..read]);
    }

    private static string? SniffHeader(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }

        if (header.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }

        if (header.StartsWith("GIF87a"u8) || header.StartsWith("GIF89a"u8))
        {
            return "image/gif";
        }

        if (header.Length >= 12 && header.StartsWith("RIFF"u8))
        {
            var form = header.Slice(8, 4);
            return form.SequenceEqual("WEBP"u8) ? "image/webp" : form.SequenceEqual("WAVE"u8) ? "audio/wav" : null;
        }

        if (header.Length >= 12 && header.Slice(4, 4).SequenceEqual("ftyp"u8))
        {
            return IsoBaseMediaType(header);
        }

        if (header.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]))
        {
            // EBML: WebM (and Matroska) video; the doc type follows within the header.
            return header.IndexOf("webm"u8) >= 0 || header.IndexOf("matroska"u8) >= 0 ? "video/webm" : null;
        }

        if (header.StartsWith("OggS"u8))
        {
            return "audio/ogg";
        }

        if (header.StartsWith("ID3"u8))
        {
            return "audio/mpeg";
        }

        if (header.Length >= 2 && header[0] == 0xFF)
        {
            // An MPEG audio frame (sync 11 bits set): layer bits 01 are ADTS AAC (0xF0 | protection), others MP3.
            var second = header[1];
            if ((second & 0xF6) == 0xF0)
            {
                return "audio/aac";
            }

            if ((second & 0xE0) == 0xE0 && (second & 0x06) != 0)
            {
                return "audio/mpeg";
            }
        }

        return null;
    }

    /// <summary>The kind of a content type (<c>image/…</c>, <c>video/…</c>, <c>audio/…</c>), or null for others.</summary>
    public static OxenMediaKind? KindOf(string? contentType)
    {
        var type = contentType?.Split(';', 2)[0].Trim();
        if (string.IsNullOrEmpty(type))
        {
            return null;
        }

        return type.StartsWith("image/", StringComparison.OrdinalIgnoreCase) ? OxenMediaKind.Image
            : type.StartsWith("video/", StringComparison.OrdinalIgnoreCase) ? OxenMediaKind.Video
            : type.StartsWith("audio/", StringComparison.OrdinalIgnoreCase) ? OxenMediaKind.Audio
            : null;
    }

    /// <summary>The formats known for <paramref name="kind"/>, for messages: <c>JPEG, PNG, GIF or WebP</c>.</summary>
    public static string Formats(OxenMediaKind kind) => kind switch
    {
        OxenMediaKind.Image => "JPEG, PNG, GIF or WebP",
        OxenMediaKind.Video => "MP4, MOV or WebM",
        OxenMediaKind.Audio => "MP3, WAV, M4A/AAC or OGG",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown media kind."),
    };

    /// <summary>The word for a kind in messages: <c>an image</c>, <c>a video</c>, <c>an audio file</c>.</summary>
    public static string Noun(OxenMediaKind kind) => kind switch
    {
        OxenMediaKind.Image => "an image",
        OxenMediaKind.Video => "a video",
        OxenMediaKind.Audio => "an audio file",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown media kind."),
    };

    /// <summary>The usual file extension of a known content type (<c>.png</c>), or <c>.bin</c>.</summary>
    public static string ExtensionOf(string? contentType) => contentType?.Split(';', 2)[0].Trim().ToLowerInvariant() switch
    {
        "image/jpeg" => ".jpg",
        "image/png" => ".png",
        "image/gif" => ".gif",
        "image/webp" => ".webp",
        "video/mp4" => ".mp4",
        "video/quicktime" => ".mov",
        "video/webm" => ".webm",
        "audio/mpeg" => ".mp3",
        "audio/wav" or "audio/x-wav" or "audio/wave" => ".wav",
        "audio/mp4" or "audio/x-m4a" => ".m4a",
        "audio/aac" => ".aac",
        "audio/ogg" => ".ogg",
        _ => ".bin",
    };

    /// <summary>An ISO base media file (MP4, MOV, M4A) by its major brand.</summary>
    private static string IsoBaseMediaType(ReadOnlySpan<byte> header)
    {
        var brand = header.Slice(8, 4);
        if (brand.SequenceEqual("qt  "u8))
        {
            return "video/quicktime";
        }

        if (brand.SequenceEqual("M4A "u8) || brand.SequenceEqual("M4B "u8) || brand.SequenceEqual("M4P "u8))
        {
            return "audio/mp4";
        }

        return "video/mp4";
    }
}
