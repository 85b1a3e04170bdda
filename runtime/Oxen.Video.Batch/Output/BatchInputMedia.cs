using System.Text.Json;

namespace Oxen.Video.Batch;

/// <summary>An input image or video of a line, shown beside its output in <c>report.html</c>.</summary>
/// <param name="Field">The request field, e.g. <c>input_image</c>.</param>
/// <param name="Link">A link relative to the report (a local file) or a small <c>data:</c> URI.</param>
/// <param name="IsVideo">A video (a player) rather than an image (a thumbnail).</param>
internal sealed record BatchInputMedia(string Field, string Link, bool IsVideo)
{
    // A data URI is put in the page as it is: past this size the page would grow by the input's weight per line.
    private const int MaxInlineDataUriLength = 256 * 1024;

    /// <summary>
    /// The line's inputs the report can show without fetching anything from elsewhere: local files (paths as the
    /// jobs file wrote them, relative to its folder) and small data URIs, whose first bytes say image or video.
    /// A URL of another host is left as text: the page loads nothing from the network.
    /// </summary>
    public static IReadOnlyList<BatchInputMedia> Of(BatchJournalRow row, string? inputDirectory, string reportDirectory)
    {
        var found = new List<BatchInputMedia>();
        using var body = JsonDocument.Parse(row.Body);
        foreach (var property in body.RootElement.EnumerateObject())
        {
            var values = property.Value.ValueKind switch
            {
                JsonValueKind.String => [property.Value],
                JsonValueKind.Array => property.Value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).ToList(),
                _ => new List<JsonElement>(),
            };
            foreach (var value in values)
            {
                if (Describe(property.Name, value.GetString()!, inputDirectory, reportDirectory) is { } media)
                {
                    found.Add(media);
                }
            }
        }

        return found;
    }

    private static BatchInputMedia? Describe(string field, string text, string? inputDirectory, string reportDirectory)
    {
        if (field is "model" or "prompt" or "negative_prompt" || text.Length == 0)
        {
            return null;
        }

        if (text.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            var isImage = text.StartsWith("data:image/", StringComparison.OrdinalIgnoreCase);
            var isVideo = text.StartsWith("data:video/", StringComparison.OrdinalIgnoreCase);
            return (isImage || isVideo) && text.Length <= MaxInlineDataUriLength ? new(field, text, isVideo) : null;
        }

        if (inputDirectory is null || text.Contains("://", StringComparison.Ordinal) || text.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            return null;
        }

        var path = Path.GetFullPath(Path.Combine(inputDirectory, text));
        var kind = KindOf(path);
        if (kind is null)
        {
            return null;
        }

        var relative = Path.GetRelativePath(reportDirectory, path).Replace(Path.DirectorySeparatorChar, '/');
        return new(field, relative, kind == OxenMediaKind.Video);
    }

    /// <summary>Image or video by the file's first bytes; null for anything else or a file that cannot be read.</summary>
    private static OxenMediaKind? KindOf(string path)
    {
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            return OxenMediaTypes.KindOf(OxenMediaTypes.SniffFile(path)) is { } kind and not OxenMediaKind.Audio ? kind : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
