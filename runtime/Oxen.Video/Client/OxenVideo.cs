namespace Oxen.Video;

/// <summary>A generated video: a temporary URL to download, or the MP4 bytes themselves.</summary>
public sealed class OxenVideo
{
    private readonly OxenClient _client;

    internal OxenVideo(OxenClient client, string? generationId, string? model, Uri? url, ReadOnlyMemory<byte>? bytes)
    {
        _client = client;
        GenerationId = generationId;
        Model = model;
        Url = url;
        Bytes = bytes;
    }

    /// <summary>The generation id, or <see langword="null"/> for a synchronous generation.</summary>
    public string? GenerationId { get; }

    /// <summary>The model that made it.</summary>
    public string? Model { get; }

    /// <summary>The result's temporary URL (it expires), when the API gave one.</summary>
    public Uri? Url { get; }

    /// <summary>The MP4 itself, when the API sent it inline (<c>b64_json</c>).</summary>
    public ReadOnlyMemory<byte>? Bytes { get; }

    /// <summary>
    /// Saves the video to <paramref name="path"/> (its folder is created when missing). The bytes go to a
    /// temporary file beside it that is moved into place at the end, so a failed download never leaves a
    /// half-written file; an existing file is replaced.
    /// </summary>
    public async Task SaveAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var target = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(target) ?? throw new ArgumentException("The path has no folder.", nameof(path));
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                if (Bytes is { } bytes)
                {
                    await file.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await _client.DownloadToAsync(RequireUrl(), file, cancellationToken).ConfigureAwait(false);
                }

                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            File.Move(temporary, target, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>Opens the video for reading: the bytes when inline, else the download's body. The caller disposes it.</summary>
    public async Task<Stream> OpenReadAsync(CancellationToken cancellationToken = default)
    {
        if (Bytes is { } bytes)
        {
            return new MemoryStream(bytes.ToArray(), writable: false);
        }

        return await _client.OpenDownloadStreamAsync(RequireUrl(), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Model ?? "video"} {GenerationId ?? "(sync)"}: {(Bytes is { } b ? $"{b.Length} bytes inline" : Url?.GetLeftPart(UriPartial.Path))}";

    private Uri RequireUrl() => Url ?? throw new InvalidOperationException("The video has neither bytes nor a URL.");

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the temporary name is unique and hidden.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}
