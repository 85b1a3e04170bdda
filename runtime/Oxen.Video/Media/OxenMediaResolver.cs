namespace Oxen.Video;

/// <summary>
/// Turns each local media of a request into a URL the hub can read, in one place of the request flow: a
/// <c>data:</c> URI up to <see cref="OxenClientOptions.MaxDataUriBytes"/>, else an upload to
/// <see cref="OxenClientOptions.MediaRepository"/>. Every media is read (and sniffed, and hashed) before the first
/// HTTP call, so a media that cannot be sent stops the request with nothing sent. One per client.
/// </summary>
internal sealed partial class OxenMediaResolver(OxenPipeline pipeline, OxenMediaRepository? repository)
{
    private readonly OxenMediaUploadCache _cache = new(OxenMediaUploadCache.DefaultCapacity);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Task<string>> _uploading = new(StringComparer.Ordinal);

    /// <summary>How many uploaded contents this client remembers (for tests).</summary>
    internal int CachedUploads => _cache.Count;

    private long MaxDataUriBytes => pipeline.Options.MaxDataUriBytes;

    /// <summary>The URL of each distinct local media of a request (by reference), found with its field.</summary>
    /// <exception cref="OxenMediaException">A media cannot be sent; no generation was enqueued.</exception>
    public async ValueTask<Dictionary<OxenMedia, string>> ResolveAsync(
        IReadOnlyList<(OxenMedia Media, string Field)> found,
        CancellationToken cancellationToken)
    {
        var seen = new HashSet<OxenMedia>(ReferenceEqualityComparer.Instance);
        var distinct = found.Where(f => seen.Add(f.Media)).ToList();
        var contents = new List<OxenLocalMedia>(distinct.Count);
        try
        {
            // All of them first, without HTTP: one that cannot be sent (changed, too large without a repository)
            // stops the request before anything is uploaded or enqueued.
            foreach (var (media, field) in distinct)
            {
                var content = await ReadAsync(media, field, media.ValidatedKind, cancellationToken)
                    .ConfigureAwait(false);
                contents.Add(content);
            }

            var urls = new Dictionary<OxenMedia, string>(ReferenceEqualityComparer.Instance);
            for (var i = 0; i < distinct.Count; i++)
            {
                var (media, field) = distinct[i];
                urls[media] = contents[i].DataUri
                    ?? await UploadAsync(contents[i], field, media, cancellationToken).ConfigureAwait(false);
            }

            return urls;
        }
        finally
        {
            foreach (var content in contents)
            {
                content.Dispose();
            }
        }
    }

    /// <summary>The URL of one local media for a field of <paramref name="kind"/>.</summary>
    /// <exception cref="OxenMediaException">It cannot be sent.</exception>
    public async ValueTask<string> PrepareAsync(
        OxenMedia media, OxenMediaKind kind, string field, CancellationToken cancellationToken)
    {
        using var content = await ReadAsync(media, field, kind, cancellationToken).ConfigureAwait(false);
        return content.DataUri ?? await UploadAsync(content, field, media, cancellationToken).ConfigureAwait(false);
    }

    private static OxenMediaException Fail(string field, OxenMedia media, string reason, Exception? inner = null) =>
        new(field, media.ToString(), reason, inner);

    /// <summary>Too large for a data URI: fine with a repository, else the error that names the options.</summary>
    private void RequireRepository(string field, OxenMedia media, string size)
    {
        if (repository is not null)
        {
            return;
        }

        throw Fail(
            field,
            media,
            $"it holds {size} bytes, over OxenClientOptions.MaxDataUriBytes ({MaxDataUriBytes}), the most sent inline "
            + "as a data: URI, and no repository is named to upload it to. Set OxenClientOptions.MediaRepository (or "
            + $"the environment variable {OxenClientOptions.MediaRepositoryEnvironmentVariable}) to "
            + "\"namespace/repo\", "
            + "a repository the model's provider can read, or give an https URL of the media. Nothing was sent.");
    }
}
