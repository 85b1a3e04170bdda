using Oxen.Video;

namespace Oxen.Cli.Output;

/// <summary>
/// Where <c>--out</c> writes, checked before anything is sent (a bad target is exit 2, nothing paid): a regular
/// file (created or replaced, never anything else) in a folder this process can write, or standard output for
/// <c>--out -</c>.
/// </summary>
internal sealed class OutputTarget
{
    private OutputTarget(string? path) => Path = path;

    /// <summary>The full path, or null for standard output.</summary>
    public string? Path { get; }

    public bool IsStandardOutput => Path is null;

    /// <exception cref="UsageException">The target cannot take the video.</exception>
    public static OutputTarget Check(string? given, string defaultPath)
    {
        if (given == "-")
        {
            return new OutputTarget(null);
        }

        var path = given ?? defaultPath;
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new UsageException("--out is empty; give a file name (e.g. --out video.mp4), or --out - for standard output.");
        }

        string full;
        try
        {
            full = System.IO.Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new UsageException($"--out '{path}' is not a usable path: {ex.Message}");
        }

        switch (FileKind.Of(full))
        {
            case null or "regular file":
                break;
            case "folder":
                throw new UsageException($"--out {path} is a folder; give a file name, e.g. --out {System.IO.Path.Combine(path, "video.mp4")}.");
            case var kind:
                throw new UsageException($"--out {path} is a {kind}, not a regular file; oxen only creates or replaces regular files (for standard output: --out -).");
        }

        CheckFolder(path, System.IO.Path.GetDirectoryName(full)!);
        return new OutputTarget(full);
    }

    /// <summary>Saves the video: into a temporary file moved into place, or to standard output.</summary>
    public async Task WriteAsync(OxenVideo video, Func<Stream> standardOutput, CancellationToken cancellationToken)
    {
        if (Path is not null)
        {
            await video.SaveAsync(Path, cancellationToken).ConfigureAwait(false);
            return;
        }

        var source = await video.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        await using (source.ConfigureAwait(false))
        {
            var target = standardOutput();
            await source.CopyToAsync(target, cancellationToken).ConfigureAwait(false);
            await target.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The folder (or its nearest existing parent, as the save creates the rest) must take a new file.</summary>
    private static void CheckFolder(string given, string folder)
    {
        var existing = folder;
        while (!Directory.Exists(existing))
        {
            if (File.Exists(existing))
            {
                throw new UsageException($"--out {given}: {existing} is a file, not a folder.");
            }

            existing = System.IO.Path.GetDirectoryName(existing) ?? throw new UsageException($"--out {given}: no existing folder on its path.");
        }

        var probe = System.IO.Path.Combine(existing, $".oxen-write-check-{Guid.NewGuid():N}.tmp");
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            throw new UsageException($"--out {given}: this process cannot create a file in {existing} ({(ex is UnauthorizedAccessException ? "permission denied" : "not writable")}).");
        }
    }
}
