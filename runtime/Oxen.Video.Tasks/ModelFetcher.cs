using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;

namespace Oxen.Video.Tasks;

/// <summary>One GET of a model object from the hub, with the key and nothing else of the build.</summary>
internal sealed class ModelFetcher : IDisposable
{
    /// <summary>A model object is a few kilobytes; a hub that sends without end is cut here.</summary>
    private const int MaxAnswerBytes = 16 * 1024 * 1024;

    private const int MaxExcerptLength = 300;

    private readonly HttpClient _http;
    private readonly string _prefix;
    private readonly string? _key;

    public ModelFetcher(Uri hub, string? key, TimeSpan timeout)
    {
        // No redirects: the key goes to the hub's own address and nowhere else.
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = timeout, MaxResponseContentBufferSize = MaxAnswerBytes };
        _prefix = hub.GetLeftPart(UriPartial.Path).TrimEnd('/');
        _key = key;
    }

    /// <summary>The model object's URL; <paramref name="id"/> is a valid model id (see <see cref="ModelIds"/>).</summary>
    public string UrlOf(string id) => _prefix + "/api/ai/models/" + Uri.EscapeDataString(id);

    /// <summary>The body of a successful answer; otherwise an exception that says what the hub answered.</summary>
    public string Fetch(string url, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (_key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _key);
        }

        using var response = _http.SendAsync(request, cancellation).GetAwaiter().GetResult();
        var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        if (response.IsSuccessStatusCode)
        {
            return body;
        }

        var reason = "the hub answered " + (int)response.StatusCode + " " + response.ReasonPhrase;
        var excerpt = string.Join(" ", (body ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (excerpt.Length > 0)
        {
            reason += " " + (excerpt.Length > MaxExcerptLength ? excerpt.Substring(0, MaxExcerptLength) + "..." : excerpt);
        }

        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            reason += _key is null ? " (set OXEN_API_KEY)" : " (check OXEN_API_KEY)";
        }
        else if ((int)response.StatusCode is >= 300 and < 400)
        {
            reason += " (a redirect to " + response.Headers.Location + " is not followed)";
        }

        throw new HttpRequestException(reason);
    }

    /// <summary>An exception and its inner ones in one line, without repeating a message.</summary>
    public static string Describe(Exception e)
    {
        if (e is OperationCanceledException)
        {
            return "no answer in time";
        }

        var text = e.Message;
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (text.IndexOf(inner.Message, StringComparison.Ordinal) < 0)
            {
                text += ": " + inner.Message;
            }
        }

        return text;
    }

    public void Dispose() => _http.Dispose();
}
