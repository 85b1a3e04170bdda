namespace Oxen.Video;

/// <summary>What a media field of a model takes, from its name or <c>renderType</c> in the schema.</summary>
public enum OxenMediaKind
{
    /// <summary>An image (JPEG, PNG, GIF or WebP).</summary>
    Image = 1,

    /// <summary>A video (MP4, MOV or WebM).</summary>
    Video = 2,

    /// <summary>An audio track (MP3, WAV, M4A/AAC or OGG).</summary>
    Audio = 3,
}

/// <summary>Where an <see cref="OxenMedia"/> comes from.</summary>
public enum OxenMediaSource
{
    /// <summary>A URL the hub reads itself: <c>http</c>, <c>https</c> or <c>data</c>.</summary>
    Url = 1,

    /// <summary>A file on this machine, read when the request is sent.</summary>
    File = 2,

    /// <summary>A stream, read once when the request is sent.</summary>
    Stream = 3,

    /// <summary>Bytes in memory.</summary>
    Bytes = 4,
}
