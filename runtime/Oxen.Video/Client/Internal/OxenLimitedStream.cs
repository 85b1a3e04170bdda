namespace Oxen.Video;

/// <summary>
/// A read-only pass-through that fails once more than a limit has been read: a body that passes
/// <see cref="OxenClientOptions.MaxDownloadBytes"/> is cut there, whatever its <c>Content-Length</c> said.
/// </summary>
internal sealed class OxenLimitedStream(Stream inner, long limit, Func<long, Exception> tooLarge) : OxenReadObserverStream(inner)
{
    private long _read;

    protected override int OnRead(int read)
    {
        _read += read;
        if (_read > limit)
        {
            throw tooLarge(_read);
        }

        return read;
    }
}
