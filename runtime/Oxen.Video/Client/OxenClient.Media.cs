using Oxen.Video.Validation;

namespace Oxen.Video;

/// <summary>Local media made into URLs the hub can read, ahead of a request.</summary>
public sealed partial class OxenClient
{
    /// <summary>
    /// The URL a request would carry for <paramref name="media"/>: a URL media as it is (once checked), a local
    /// one as a <c>data:</c> URI up to <see cref="OxenClientOptions.MaxDataUriBytes"/>, else uploaded to
    /// <see cref="OxenClientOptions.MediaRepository"/> (once per content and client). A batch calls it once per
    /// distinct input and reuses the URL in every request, so a resumed batch never uploads again.
    /// </summary>
    /// <param name="media">The media.</param>
    /// <param name="kind">What the field it is for takes; the content is sniffed and must fit.</param>
    /// <param name="cancellationToken">Stops reading and uploading.</param>
    /// <returns>An <c>http(s)</c> or <c>data:</c> URL.</returns>
    /// <exception cref="OxenMediaException">
    /// It cannot reach the hub: a URL the hub cannot read, content of another kind, too large with no repository
    /// named, or an upload that failed.
    /// </exception>
    public async Task<string> PrepareMediaAsync(
        OxenMedia media, OxenMediaKind kind, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(media);
        ThrowIfDisposed();
        const string field = "media";
        if (OxenValidator.MediaProblem(media, kind) is { } problem)
        {
            throw new OxenMediaException(field, media.ToString(), $"it {problem}");
        }

        return media.IsLocal
            ? await _media.PrepareAsync(media, kind, field, cancellationToken).ConfigureAwait(false)
            : media.Url!;
    }
}
