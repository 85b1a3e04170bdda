using System.Collections.Concurrent;

namespace Oxen.Video;

/// <summary>A generated video: a temporary URL to download, or the MP4 itself when the API sent it inline.</summary>
public sealed class OxenVideo
{
    /// <summary>The suffix of this library's temporary files: <c>.{name}.{guid}.oxen-partial</c> beside the target.</summary>
    public const string TemporarySuffix = ".oxen-partial";

    // Temporary files being written by this process: never "stale", whatever their age.
    private static readonly ConcurrentDictionary<string, byte> ActiveTemporaryFiles = new(StringComparer.Ordinal);

    private readonly OxenPipeline _pipeline;
    private readonly OxenInlineVideo? _spooled;

    internal OxenVideo(OxenPipeline pipeline, string? generationId, string? model, Uri? url, ReadOnlyMemory<byte>? bytes, string? requestDescription, OxenInlineVideo? spooled = null)
    {
        _pipeline = pipeline;
        GenerationId = generationId;
        Model = model;
        Url = url is null ? null : OxenResultUrl.EnsureDownloadable(url, requestDescription);
        Bytes = bytes;
        _spooled = spooled;
    }

    /// <summary>The generation id, or <see langword="null"/> for a synchronous generation.</summary>
    public string? GenerationId { get; }

    /// <summary>The model that made it.</summary>
    public string? Model { get; }

    /// <summary>The result's temporary URL (it expires), when the API gave one; always http or https.</summary>
    public Uri? Url { get; }

    /// <summary>
    /// The cost the hub charged for it (USD, from <c>GET /api/ai/generations/{id}</c>), when the hub gives it;
    /// <see langword="null"/> for a synchronous generation.
    /// </summary>
    public decimal? ChargedCostUsd { get; internal set; }

    /// <summary>
    /// The MP4 itself, when the API sent it inline (<c>b64_json</c>) and it is at most 4 MiB; a larger inline video
    /// is kept in a temporary file (read it with <see cref="SaveAsync"/> or <see cref="OpenReadAsync"/>).
    /// </summary>
    public ReadOnlyMemory<byte>? Bytes { get; }

    /// <summary>
    /// Saves the video to <paramref name="path"/> (its folder is created when missing). The bytes go to a
    /// temporary file beside it (<c>.{name}.{guid}.oxen-partial</c>) that is moved into place at the end, so a
    /// failed or cancelled download never leaves a half-written file; an existing file is replaced. Temporary files
    /// of earlier saves that were killed mid-way are removed from the folder first, once older than
    /// <see cref="OxenClientOptions.DownloadTimeout"/>.
    /// </summary>
    /// <exception cref="OxenApiException">
    /// The result URL answered an error, an HTML or JSON page, or more than
    /// <see cref="OxenClientOptions.MaxDownloadBytes"/>.
    /// </exception>
    public async Task SaveAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var target = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(target) ?? throw new ArgumentException("The path has no folder.", nameof(path));
        Directory.CreateDirectory(folder);
        RemoveStaleTemporaryFiles(folder, _pipeline.Options.DownloadTimeout, _pipeline.Time.GetUtcNow());
        var temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}{TemporarySuffix}");
        ActiveTemporaryFiles[temporary] = 0;
        try
        {
            var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                if (Bytes is { } bytes)
                {
                    await file.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                }
                else if (_spooled is not null)
                {
                    var source = _spooled.OpenRead();
                    await using (source.ConfigureAwait(false))
                    {
                        await source.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
                    }
                }
                else
                {
                    await _pipeline.DownloadToAsync(RequireUrl(), file, cancellationToken).ConfigureAwait(false);
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
        finally
        {
            ActiveTemporaryFiles.TryRemove(temporary, out _);
        }
    }

    /// <summary>
    /// Opens the video for reading: the inline bytes, else the download's body (checked like <see cref="SaveAsync"/>:
    /// reading past <see cref="OxenClientOptions.MaxDownloadBytes"/> fails). The caller disposes it.
    /// </summary>
    public async Task<Stream> OpenReadAsync(CancellationToken cancellationToken = default)
    {
        if (Bytes is { } bytes)
        {
            return new MemoryStream(bytes.ToArray(), writable: false);
        }

        if (_spooled is not null)
        {
            return _spooled.OpenRead();
        }

        return await _pipeline.OpenDownloadStreamAsync(RequireUrl(), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Model ?? "video"} {GenerationId ?? "(sync)"}: {(Bytes is { } b ? $"{b.Length} bytes inline" : _spooled is not null ? $"{_spooled.Length} bytes inline" : OxenResultUrl.Show(Url!))}";

    /// <summary>Removes temporary files of saves that died (a killed process) from <paramref name="folder"/>.</summary>
    internal static void RemoveStaleTemporaryFiles(string folder, TimeSpan age, DateTimeOffset now)
    {
        IEnumerable<string> candidates;
        try
        {
            candidates = Directory.EnumerateFiles(folder, "." + "*" + TemporarySuffix);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (var file in candidates)
        {
            if (ActiveTemporaryFiles.ContainsKey(file))
            {
                continue;
            }

            try
            {
                if (now - File.GetLastWriteTimeUtc(file) > age)
                {
                    File.Delete(file);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Best effort: another process may be using it.
            }
        }
    }

    private Uri RequireUrl() => Url ?? throw new InvalidOperationException("The video has neither bytes nor a URL.");

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the temporary name is unique and hidden, and a later save removes it once stale.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}
