namespace Oxen.Video;

/// <summary>Result downloads: redirects followed by hand, the key sent only to the API's own origin.</summary>
public sealed partial class OxenClient
{
    private const int MaxRedirects = 10;

    internal async Task DownloadToAsync(Uri url, Stream destination, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.DownloadTimeout);
        try
        {
            using var response = await OpenDownloadAsync(url, timeout.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                await body.CopyToAsync(destination, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The download of {url.GetLeftPart(UriPartial.Path)} took longer than {_options.DownloadTimeout}.", ex);
        }
    }

    internal async Task<Stream> OpenDownloadStreamAsync(Uri url, CancellationToken cancellationToken)
    {
        var response = await OpenDownloadAsync(url, cancellationToken).ConfigureAwait(false);
        try
        {
            // Disposing the content stream releases the connection; the response holds nothing else.
            return await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private async Task<HttpResponseMessage> OpenDownloadAsync(Uri url, CancellationToken cancellationToken)
    {
        var current = url;
        for (var hop = 0; hop <= MaxRedirects; hop++)
        {
            // Per hop: the core adds the key only when this hop's origin is the API's.
            var response = await SendWithRetriesAsync(_downloadHttp, DownloadCall(current), HttpCompletionOption.ResponseHeadersRead, followRedirects: true, cancellationToken).ConfigureAwait(false);
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
                    (int)response.StatusCode, "insecure_redirect", $"Refused a redirect from https to {next.Scheme}.", null, null, DownloadCall(current).Description);
            }

            current = next;
        }

        throw new OxenApiException(310, "too_many_redirects", $"More than {MaxRedirects} redirects.", null, null, DownloadCall(url).Description);
    }
}
