using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Oxen.Video.Validation;

/// <summary>The checks of media fields: what can reach the hub, and what fits the field.</summary>
public static partial class OxenValidator
{
    /// <summary>The largest local file or stream a media field takes: 2 GiB.</summary>
    public const long MaxMediaFileBytes = 2L * 1024 * 1024 * 1024;

    /// <summary>The largest <c>data:</c> URI given as a URL (its decoded bytes): 64 MiB.</summary>
    public const long MaxDataUriDecodedBytes = 64L * 1024 * 1024;

    private static readonly ConcurrentDictionary<string, Regex> ReferencePatterns = new(StringComparer.Ordinal);

    /// <summary>
    /// A media field: a URL must be <c>http</c>, <c>https</c> or a <c>data:</c> URI that decodes to
    /// <paramref name="kind"/>; a local file must exist, be readable and hold <paramref name="kind"/> (sniffed from
    /// its first bytes); a stream's content type, and bytes' content, must fit. Null (unset) passes.
    /// </summary>
    public static void Media(List<OxenValidationError> errors, string path, OxenMedia? value, OxenMediaKind kind)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value is null)
        {
            return;
        }

        // Noted for the send, which sniffs the content again (a file may change after this check).
        value.ValidatedKind = kind;
        if (MediaProblem(value, kind) is not { } problem)
        {
            return;
        }

        var shown = value.Source switch
        {
            OxenMediaSource.Url => FormatString(value.Url!),
            OxenMediaSource.File => FormatString(value.FilePath!),
            _ => value.ToString(),
        };
        errors.Add(new(path, shown, $"{shown} {problem}"));
    }

    /// <summary>A list of media: <c>minItems</c>/<c>maxItems</c>, then each item as <see cref="Media"/>; a null item is missing.</summary>
    public static void MediaItems(
        List<OxenValidationError> errors,
        string path,
        IReadOnlyList<OxenMedia?>? items,
        OxenMediaKind kind,
        int minItems = 0,
        int maxItems = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (items is null)
        {
            return;
        }

        if (minItems != 0 || maxItems != int.MaxValue)
        {
            ItemCount(errors, path, items.Count, minItems, maxItems);
        }

        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            if (items[i] is not { } item)
            {
                Required(errors, itemPath, null);
                continue;
            }

            Media(errors, itemPath, item, kind);
        }
    }

    /// <summary>
    /// <c>x-media-references</c>: each token of <paramref name="pattern"/> in the prompt (<c>image {n}</c> matches
    /// <c>@Image1</c>, <c>@image 2</c>) must name one of the <paramref name="count"/> items of
    /// <paramref name="field"/>. Null (unset) passes.
    /// </summary>
    /// <param name="errors">Where problems go.</param>
    /// <param name="path">The prompt's path.</param>
    /// <param name="prompt">The prompt.</param>
    /// <param name="pattern">The group's pattern, e.g. <c>image {n}</c>.</param>
    /// <param name="field">The media field the tokens refer to, e.g. <c>input_image</c>.</param>
    /// <param name="count">How many items that field holds (1 for a set single media, 0 when unset).</param>
    public static void MediaReferences(List<OxenValidationError> errors, string path, string? prompt, string pattern, string field, int count)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(field);
        if (prompt is null || ReferencePattern(pattern) is not { } regex)
        {
            return;
        }

        foreach (Match match in regex.Matches(prompt))
        {
            var token = match.Value;
            var n = int.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : int.MaxValue;
            if (n >= 1 && n <= count)
            {
                continue;
            }

            var first = Token(pattern, 1);
            var allowed = count switch
            {
                0 => $"none until {field} is set",
                1 => first,
                _ => $"{first} to {Token(pattern, count)}",
            };
            var has = count == 0 ? $"{field} is not set" : $"{field} has {count} item{(count == 1 ? "" : "s")}";
            errors.Add(new(path, FormatString(token), $"{FormatString(token)} refers to item {match.Groups["n"].Value} of {field}, but {has}; allowed: {allowed}."));
        }
    }

    /// <summary>Why <paramref name="media"/> cannot go into a field of <paramref name="kind"/>, or null when it can.</summary>
    internal static string? MediaProblem(OxenMedia media, OxenMediaKind kind) => media.Source switch
    {
        OxenMediaSource.Url => UrlProblem(media.Url!, kind),
        OxenMediaSource.File => FileProblem(media.FilePath!, kind),
        OxenMediaSource.Stream => ContentTypeProblem(media.ContentType, kind, "is a stream of"),
        _ => BytesProblem(media, kind),
    };

    private static string? UrlProblem(string url, OxenMediaKind kind)
    {
        var allowed = $"allowed: an http, https or data: URL of {OxenMediaTypes.Noun(kind)}, or a local file (OxenMedia.FromFile)";
        if (url.Length == 0)
        {
            return $"is empty; {allowed}.";
        }

        if (!OxenMedia.LooksLikeUrl(url))
        {
            return $"is not a URL the hub can read (a relative path or no scheme); {allowed}.";
        }

        var scheme = url[..url.IndexOf(':', StringComparison.Ordinal)].ToLowerInvariant();
        switch (scheme)
        {
            case "http" or "https":
                return System.Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.Host.Length > 0 && IsAbsoluteUri(url)
                    ? null
                    : $"is not a valid {scheme} URL; {allowed}.";
            case "data":
                return DataUriProblem(url, kind);
            case "file":
                return $"is a file: URL, which the hub cannot read (it runs elsewhere); give the path itself (OxenMedia.FromFile) and the client sends the file; {allowed}.";
            default:
                return $"has the scheme '{scheme}', which cannot reach the hub; {allowed}.";
        }
    }

    private static string? DataUriProblem(string url, OxenMediaKind kind)
    {
        var comma = url.IndexOf(',', StringComparison.Ordinal);
        var shape = $"allowed: data:<{KindWord(kind)}/type>;base64,<data> holding {OxenMediaTypes.Noun(kind)} ({OxenMediaTypes.Formats(kind)})";
        if (comma < 0)
        {
            return $"is a data: URI without a comma before its data; {shape}.";
        }

        var header = url.AsSpan(5, comma - 5);
        if (!header.EndsWith(";base64", StringComparison.OrdinalIgnoreCase))
        {
            return $"is a data: URI that is not base64; {shape}.";
        }

        var mediaType = header[..^";base64".Length].ToString().Split(';', 2)[0];
        if (OxenMediaTypes.KindOf(mediaType) != kind)
        {
            var declared = mediaType.Length == 0 ? "no media type" : $"the media type '{mediaType}'";
            return $"is a data: URI with {declared}, which does not fit this field; {shape}.";
        }

        var data = url.AsSpan(comma + 1);
        if (!Base64.IsValid(data, out var length))
        {
            return $"is a data: URI whose base64 does not decode; {shape}.";
        }

        if (length == 0)
        {
            return $"is an empty data: URI (0 bytes); {shape}.";
        }

        if (length > MaxDataUriDecodedBytes)
        {
            return $"is a data: URI of {length} bytes, over {MaxDataUriDecodedBytes} bytes; give a local file (OxenMedia.FromFile) or an http(s) URL instead.";
        }

        // The first bytes tell what the data is, whatever the header says.
        var head = data[..Math.Min(data.Length, 88)];
        var bytes = new byte[66];
        if (!Convert.TryFromBase64Chars(head[..(head.Length / 4 * 4)], bytes, out var written))
        {
            return $"is a data: URI whose base64 does not decode; {shape}.";
        }

        return SniffedProblem(bytes.AsSpan(0, written), kind, $"is a data: URI declaring {mediaType}, but holding");
    }

    private static string? FileProblem(string path, OxenMediaKind kind)
    {
        var what = $"allowed: a readable file holding {OxenMediaTypes.Noun(kind)} ({OxenMediaTypes.Formats(kind)})";
        try
        {
            if (Directory.Exists(path))
            {
                return $"is a folder, not a file; {what}.";
            }

            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return $"does not exist; {what}.";
            }

            if (info.Length == 0)
            {
                return $"is empty (0 bytes); {what}.";
            }

            if (info.Length > MaxMediaFileBytes)
            {
                return $"has {info.Length} bytes, over {MaxMediaFileBytes}; {what}.";
            }

            var extension = System.IO.Path.GetExtension(path);
            var lead = extension.Length == 0 ? "holds" : $"is named {extension} but holds";
            return TypeProblem(OxenMediaTypes.SniffFile(path), kind, lead);
        }
        catch (UnauthorizedAccessException)
        {
            return $"cannot be read (permission denied); {what}.";
        }
        catch (IOException ex)
        {
            return $"cannot be read ({ex.Message}); {what}.";
        }
    }

    private static string? BytesProblem(OxenMedia media, OxenMediaKind kind)
    {
        var bytes = media.Bytes.Span;
        if (bytes.IsEmpty)
        {
            return $"is empty (0 bytes); allowed: {OxenMediaTypes.Noun(kind)} ({OxenMediaTypes.Formats(kind)}).";
        }

        if (media.ContentType is not null && ContentTypeProblem(media.ContentType, kind, "are bytes of") is { } declared)
        {
            return declared;
        }

        return SniffedProblem(bytes[..Math.Min(bytes.Length, OxenMediaTypes.SniffLength)], kind, "are bytes holding");
    }

    private static string? ContentTypeProblem(string? contentType, OxenMediaKind kind, string lead) =>
        OxenMediaTypes.KindOf(contentType) == kind
            ? null
            : $"{lead} {contentType ?? "no content type"}, which does not fit this field; allowed: {OxenMediaTypes.Noun(kind)} ({OxenMediaTypes.Formats(kind)}).";

    private static string? SniffedProblem(ReadOnlySpan<byte> header, OxenMediaKind kind, string lead) =>
        TypeProblem(OxenMediaTypes.Sniff(header), kind, lead);

    private static string? TypeProblem(string? sniffed, OxenMediaKind kind, string lead)
    {
        if (OxenMediaTypes.KindOf(sniffed) == kind)
        {
            return null;
        }

        var found = sniffed is null ? "no format this client knows" : sniffed;
        return $"{lead} {found}; allowed: {OxenMediaTypes.Noun(kind)} ({OxenMediaTypes.Formats(kind)}).";
    }

    private static string KindWord(OxenMediaKind kind) => kind switch
    {
        OxenMediaKind.Image => "image",
        OxenMediaKind.Video => "video",
        _ => "audio",
    };

    /// <summary><c>image {n}</c> → <c>@image\s*(?&lt;n&gt;\d+)</c>, case-insensitive; null for a pattern without <c>{n}</c>.</summary>
    private static Regex? ReferencePattern(string pattern)
    {
        if (!pattern.Contains("{n}", StringComparison.Ordinal))
        {
            return null;
        }

        return ReferencePatterns.GetOrAdd(pattern, static p =>
        {
            var words = p.Replace("{n}", " {n} ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var parts = words.Select(w => w == "{n}" ? @"(?<n>\d+)" : Regex.Escape(w));
            return new Regex("@" + string.Join(@"\s*", parts) + @"\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        });
    }

    /// <summary>The token for item <paramref name="n"/>: <c>image {n}</c> → <c>@Image1</c>.</summary>
    private static string Token(string pattern, int n)
    {
        var words = pattern.Replace("{n}", n.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return "@" + string.Concat(words.Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
    }
}
