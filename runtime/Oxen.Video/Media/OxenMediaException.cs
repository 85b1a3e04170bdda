namespace Oxen.Video;

/// <summary>
/// A local media (a file, a stream or bytes) could not be made into a URL the hub can read: it changed since it was
/// validated, it is too large to send inline and no repository is named, or its upload failed. When it is thrown
/// by a generation or an enqueue, nothing was enqueued (nor billed).
/// </summary>
public sealed class OxenMediaException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="field">The request field that holds the media, e.g. <c>input_image</c>.</param>
    /// <param name="media">What the media is, e.g. <c>file /home/me/cat.png</c>.</param>
    /// <param name="reason">Why it cannot be sent, and what to do, as a sentence.</param>
    /// <param name="innerException">The failure underneath (an API error, an I/O error), when there is one.</param>
    public OxenMediaException(string field, string media, string reason, Exception? innerException = null)
        : base($"The media in '{field}' ({media}) cannot be sent: {reason}", innerException)
    {
        Field = field;
        Media = media;
        Reason = reason;
    }

    /// <summary>The request field that holds the media, e.g. <c>input_image</c>.</summary>
    public string Field { get; }

    /// <summary>What the media is, e.g. <c>file /home/me/cat.png</c> or <c>stream (video/mp4)</c>.</summary>
    public string Media { get; }

    /// <summary>Why it cannot be sent, and what to do.</summary>
    public string Reason { get; }
}
