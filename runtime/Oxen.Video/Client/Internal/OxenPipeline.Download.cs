using System.Net.Http.Headers;

namespace Oxen.Video;

/// <summary>
/// Result downloads: redirects followed by hand (the key sent only to the API's own origin), only http(s), no
/// HTML or JSON page taken for a video, and never more than <see cref="OxenClientOptions.MaxDownloadBytes"/>.
/// </summary>
internal sealed partial class OxenPipeline
{
    private const int MaxRedirects = 10;

    public async Task DownloadToAsync(Uri url, Stream destination, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.DownloadTimeout);
        try
        {
            var body = await OpenDownloadStreamAsync(url, timeout.Token).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                await body.CopyToAsync(destination, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The download of {OxenResultUrl.Show(url)} took longer than {Options.DownloadTimeout}.", ex);
        }
    }

    /// <summary>Opens the checked body of a result: a video-like content type, within the size limit.</summary>
    public async Task<Stream> OpenDownloadStreamAsync(Uri url, CancellationToken cancellationToken)
    {
        var response = await OpenDownloadAsync(url, cancellationToken).ConfigureAwait(false);
        try
        {
            var description = OxenCalls.Download(this, response.RequestMessage?.RequestUri ?? url).Description;
            var status = (int)response.StatusCode;
            var limit = Options.MaxDownloadBytes;
            if (response.Content.Headers.ContentLength is { } length && length > limit)
            {
                throw TooLarge(status, $"announces {length} bytes (Content-Length)", limit, description);
            }

            if (IsPageNotVideo(response.Content.Headers.ContentType))
            {
                var excerpt = await ReadErrorBodyAsync(response, cancellationToken).ConfigureAwait(false);
                throw new OxenApiException(
                    status,
                    "not_a_video",
                    $"The result URL answered {response.Content.Headers.ContentType!.MediaType}, not a video; nothing was saved.",
                    Redact(excerpt),
                    null,
                    description);
            }

            // Disposing the content stream releases the connection; the response holds nothing else.
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return new OxenLimitedStream(body, limit, read => TooLarge(status, $"sent more than {limit} bytes", limit, description));
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    public static OxenApiException TooLarge(int status, string what, long limit, string? description) =>
        new(status, "result_too_large", $"The result {what}, over MaxDownloadBytes ({limit} bytes); it was not saved.", null, null, description);

    private static bool IsPageNotVideo(MediaTypeHeaderValue? contentType)
    {
        var type = contentType?.MediaType;
        if (string.IsNullOrEmpty(type))
        {
            return false;
        }

        return type.Equals("text/html", StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/xhtml+xml", StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type.Equals("text/json", StringComparison.OrdinalIgnoreCase)
            || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    private async Task<HttpResponseMessage> OpenDownloadAsync(Uri url, CancellationToken cancellationToken)
    {
        var current = OxenResultUrl.EnsureDownloadable(url, null);
        for (var hop = 0; hop <= MaxRedirects; hop++)
        {
            // Per hop: the core adds the key only when this hop's origin is the API's.
            var response = await SendWithRetriesAsync(_downloadHttp, OxenCalls.Download(this, current), HttpCompletionOption.ResponseHeadersRead, followRedirects: true, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            var location = response.Headers.Location!;
            response.Dispose();
            var next = location.IsAbsoluteUri ? location : new Uri(current, location);
            if (current.Scheme == Uri.UriSchemeHttps && next.Scheme != Uri.UriSchemeHttps)
            {
                throw new OxenApiException(
                    (int)response.StatusCode, "insecure_redirect", $"Refused a redirect from https to {next.Scheme}.", null, null, OxenCalls.Download(this, current).Description);
            }

            current = OxenResultUrl.EnsureDownloadable(next, OxenCalls.Download(this, current).Description);
        }

        throw new OxenApiException(310, "too_many_redirects", $"More than {MaxRedirects} redirects.", null, null, OxenCalls.Download(this, url).Description);
    }
}
