namespace Oxen.Video;

/// <summary>
/// The one rule for result URLs the hub sends: a relative URL (<c>/files/v.mp4</c>) is resolved against the API's
/// base address, and only <c>http</c>/<c>https</c> are ever downloaded (a <c>file:</c>, <c>ftp:</c> or
/// <c>javascript:</c> URL is refused).
/// </summary>
internal static class OxenResultUrl
{
    /// <summary>Parses a URL as the hub wrote it; relative ones are resolved against <paramref name="baseAddress"/>.</summary>
    public static Uri? Parse(string? text, Uri baseAddress)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();

        // On Unix "/files/v.mp4" parses as an absolute file: URI, so a leading slash is taken as relative first.
        if (text.StartsWith('/') && Uri.TryCreate(baseAddress, text, out var rooted))
        {
            return rooted;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var absolute))
        {
            return absolute;
        }

        return Uri.TryCreate(text, UriKind.Relative, out var relative) && Uri.TryCreate(baseAddress, relative, out var resolved)
            ? resolved
            : null;
    }

    /// <summary>Throws <see cref="OxenApiException"/> unless <paramref name="url"/> is an absolute http(s) URL.</summary>
    public static Uri EnsureDownloadable(Uri url, string? requestDescription)
    {
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            var scheme = url.IsAbsoluteUri ? url.Scheme : "(relative)";
            throw new OxenApiException(
                200,
                "invalid_result_url",
                $"The result URL's scheme is '{scheme}', not http or https; it was not downloaded ({Show(url)}).",
                null,
                null,
                requestDescription);
        }

        return url;
    }

    /// <summary>The URL without its query (which may hold a presigned signature), cut to a readable length.</summary>
    public static string Show(Uri url)
    {
        var text = url.OriginalString;
        var query = text.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
        {
            text = text[..query];
        }

        return text.Length > 120 ? text[..120] + "…" : text;
    }
}
