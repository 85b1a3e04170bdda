namespace Oxen.Video;

/// <summary>A read-only pass-through stream that reports every read that returns data (keep-alives included).</summary>
internal sealed class OxenActivityStream(Stream inner, Action onActivity) : OxenReadObserverStream(inner)
{
    protected override int OnRead(int read)
    {
        if (read > 0)
        {
            onActivity();
        }

        return read;
    }
}
