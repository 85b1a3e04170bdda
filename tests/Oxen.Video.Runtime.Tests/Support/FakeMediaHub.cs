using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Oxen.Video.Runtime.Tests;

/// <summary>
/// A recording stand-in for the hub, as an <see cref="HttpMessageHandler"/> (no network): the repository file API
/// (HEAD/GET/PUT of files, <c>POST api/repos</c>), the enqueue and the sync endpoint. Every request is recorded,
/// an upload with its multipart parts. <see cref="Fault"/> answers a status instead, for fault tests.
/// </summary>
internal sealed class FakeMediaHub : HttpMessageHandler
{
    public static readonly Uri BaseAddress = new("https://hub.test/");

    private readonly ConcurrentQueue<Recorded> _requests = new();

    /// <summary>Files in the repository, by their API path (<c>api/repos/ns/repo/file/main/...</c>).</summary>
    public ConcurrentDictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

    public bool RepositoryExists { get; set; } = true;

    /// <summary>Called for each request (and its number among those of its method); a status answers it.</summary>
    public Func<Recorded, int, HttpStatusCode?>? Fault { get; set; }

    /// <summary>Called when a PUT arrives, before its content is read (a test may change the file there).</summary>
    public Action? OnPut { get; set; }

    public IReadOnlyList<Recorded> Requests => [.. _requests];

    public IEnumerable<Recorded> Of(HttpMethod method) => Requests.Where(r => r.Method == method);

    /// <summary>The methods and paths in order, e.g. <c>HEAD /api/repos/...</c>.</summary>
    public IReadOnlyList<string> Trace => [.. Requests.Select(r => $"{r.Method} {r.Uri.AbsolutePath}")];

    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath.TrimStart('/');
        if (request.Method == HttpMethod.Put)
        {
            OnPut?.Invoke();
        }

        var recorded = await RecordAsync(request, cancellationToken);
        _requests.Enqueue(recorded);
        var index = Requests.Count(r => r.Method == request.Method) - 1;
        if (Fault?.Invoke(recorded, index) is { } status)
        {
            return Answer(status, "{\"error\": {\"type\": \"fault\", \"message\": \"injected\"}}");
        }

        if (path.StartsWith("api/repos/", StringComparison.Ordinal)
            && path.Contains("/file/", StringComparison.Ordinal))
        {
            if (request.Method == HttpMethod.Head || request.Method == HttpMethod.Get)
            {
                return Files.ContainsKey(path) ? Answer(HttpStatusCode.OK, "") : Answer(HttpStatusCode.NotFound, "");
            }

            if (!RepositoryExists)
            {
                return Answer(HttpStatusCode.NotFound, "{\"error\": {\"type\": \"resource_not_found\"}}");
            }

            Files[path] = recorded.Part("file")!.Bytes;
            return Answer(HttpStatusCode.OK, "{\"commit\": {\"id\": \"c1\"}, \"file\": {\"path\": \"x\"}}");
        }

        if (path == "api/repos" && request.Method == HttpMethod.Post)
        {
            var existed = RepositoryExists;
            RepositoryExists = true;
            return Answer(existed ? HttpStatusCode.Conflict : HttpStatusCode.OK, "{}");
        }

        var succeeded = """{"generation_id": "gen-1", "status": "succeeded", "result_url": "https://cdn.test/v.mp4"}""";
        return (request.Method.Method, path) switch
        {
            // The event stream is not offered: an SSE wait falls back to the safety poll, which finds it done.
            ("GET", "api/ai/queue") => Answer(HttpStatusCode.OK, """{"generations": [], "count": 0}"""),
            ("GET", "api/ai/queue/gen-1") => Answer(HttpStatusCode.OK, succeeded),
            (_, "api/ai/queue") => Answer(
                HttpStatusCode.OK,
                """{"generation_id": "gen-1", "status": "succeeded", "result_url": "https://cdn.test/v.mp4"}"""),
            (_, "api/ai/videos/generate") => Answer(
                HttpStatusCode.OK, """{"videos": [{"url": "https://cdn.test/v.mp4"}]}"""),
            _ => Answer(HttpStatusCode.NotFound, "{}"),
        };
    }

    private static HttpResponseMessage Answer(HttpStatusCode status, string json) => new(status)
    {
        Content = new StringContent(json, Encoding.UTF8, "application/json"),
    };

    private static async Task<Recorded> RecordAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var content = request.Content;
        var parts = new List<Part>();
        byte[]? body = null;
        if (content is MultipartFormDataContent form)
        {
            foreach (var part in form)
            {
                var disposition = part.Headers.ContentDisposition!;
                var declared = part.Headers.ContentLength;
                parts.Add(new Part(
                    disposition.Name!.Trim('"'),
                    disposition.FileName?.Trim('"'),
                    part.Headers.ContentType?.MediaType,
                    declared,
                    part.GetType().Name,
                    await part.ReadAsByteArrayAsync(cancellationToken)));
            }
        }
        else if (content is not null)
        {
            body = await content.ReadAsByteArrayAsync(cancellationToken);
        }

        return new Recorded(
            request.Method,
            request.RequestUri!,
            request.Headers.Authorization?.ToString(),
            content?.Headers.ContentType?.MediaType,
            content?.Headers.ContentLength,
            body,
            parts);
    }

    internal sealed record Recorded(
        HttpMethod Method,
        Uri Uri,
        string? Authorization,
        string? ContentType,
        long? ContentLength,
        byte[]? Body,
        IReadOnlyList<Part> Parts)
    {
        public string Text => Encoding.UTF8.GetString(Body ?? []);

        public Part? Part(string name) => Parts.FirstOrDefault(p => p.Name == name);
    }

    /// <param name="Name">The form field.</param>
    /// <param name="FileName">The file name given, for a file part.</param>
    /// <param name="ContentType">The part's content type.</param>
    /// <param name="DeclaredLength">The part's length as its content computes it (null: not known in advance).</param>
    /// <param name="ContentKind">The type of the part's <see cref="HttpContent"/> (buffered: a byte array).</param>
    /// <param name="Bytes">What the part held.</param>
    internal sealed record Part(
        string Name, string? FileName, string? ContentType, long? DeclaredLength, string ContentKind, byte[] Bytes)
    {
        public string Text => Encoding.UTF8.GetString(Bytes);
    }
}
