using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Oxen.Video.Models;

namespace Oxen.Video.Runtime.Tests;

/// <summary>
/// Local media in the request flow: a data URI when small, a content-addressed upload when large, and nothing sent
/// at all when a media cannot be. Against a recording fake hub (no network, no sleeps: retries wait 0 ms).
/// </summary>
public sealed class MediaResolutionTests : IDisposable
{
    private const string Key = "oxk_test_MEDIA_SECRET_4e1d";
    private const string Repo = "my-team/video-inputs";
    private const string FilePrefix = "api/repos/my-team/video-inputs/file/main/oxen-video-inputs/";
    private const StringComparison O = StringComparison.Ordinal;

    private readonly string _folder = Directory.CreateTempSubdirectory("oxen-media-send-").FullName;
    private readonly FakeMediaHub _hub = new();
    private readonly CapturingLoggerProvider _logs = new();
    private readonly List<OxenClient> _clients = [];

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        _hub.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData(OxenGenerationMode.Queue, "/api/ai/queue")]
    [InlineData(OxenGenerationMode.Sync, "/api/ai/videos/generate")]
    [InlineData(OxenGenerationMode.Sse, "/api/ai/queue")]
    public async Task A_small_png_file_goes_on_the_wire_as_its_exact_data_uri(OxenGenerationMode mode, string endpoint)
    {
        var png = Png(300);
        var path = Write("cat with spaces é.png", png);
        var client = Client(o =>
        {
            o.MaxDataUriBytes = OxenClientOptions.DefaultMaxDataUriBytes;
            o.PollInitialInterval = TimeSpan.FromMilliseconds(10);
            o.PollMaxInterval = TimeSpan.FromMilliseconds(20);
        });

        await client.GenerateVideoAsync(new MediaRequest { Media = OxenMedia.FromFile(path) }, mode).Within();

        var sent = Assert.Single(_hub.Of(HttpMethod.Post));
        Assert.Equal(endpoint, sent.Uri.AbsolutePath);
        var expected = "data:image/png;base64," + Convert.ToBase64String(png);
        Assert.Equal(expected, Json(sent).GetProperty("input_image").GetString());
    }

    [Fact]
    public async Task Too_large_for_a_data_uri_and_no_repository_is_an_error_naming_the_option_and_nothing_is_sent()
    {
        var path = Write("big.png", Png(5000));
        var client = Client();

        var request = new MediaRequest { Media = OxenMedia.FromFile(path) };

        var error = await Assert.ThrowsAsync<OxenMediaException>(
            () => client.GenerateVideoAsync(request, OxenGenerationMode.Sse)).Within();

        Assert.Empty(_hub.Requests); // not even the event stream
        Assert.Equal("input_image", error.Field);
        Assert.Equal($"file {path}", error.Media);
        Assert.Contains("5000 bytes, over OxenClientOptions.MaxDataUriBytes (1024)", error.Message, O);
        Assert.Contains("OxenClientOptions.MediaRepository", error.Message, O);
        Assert.Contains("OXEN_MEDIA_REPO", error.Message, O);
    }

    [Fact]
    public async Task A_large_file_is_uploaded_content_addressed_then_its_url_is_enqueued()
    {
        var png = Png(5000);
        var sha = Convert.ToHexStringLower(SHA256.HashData(png));
        var path = Write("big.png", png);
        var client = Client(o => o.MediaRepository = Repo);

        await client.EnqueueAsync(new MediaRequest { Media = OxenMedia.FromFile(path) }).Within();

        var file = FilePrefix + sha + ".png";
        Assert.Equal(["HEAD /" + file, "PUT /" + file, "POST /api/ai/queue"], _hub.Trace);
        var put = _hub.Of(HttpMethod.Put).Single();
        Assert.Equal("multipart/form-data", put.ContentType);
        Assert.Equal(["file", "message", "name", "email"], put.Parts.Select(p => p.Name));
        var part = put.Part("file")!;
        Assert.Equal(png, part.Bytes);
        Assert.Equal(sha + ".png", part.FileName);
        Assert.Equal("image/png", part.ContentType);
        Assert.Contains("oxen-video-inputs/" + sha + ".png", put.Part("message")!.Text, O);
        Assert.All(_hub.Requests, r =>
        {
            Assert.Equal(FakeMediaHub.BaseAddress.Host, r.Uri.Host);
            Assert.Equal("Bearer " + Key, r.Authorization);
        });
        var enqueued = Json(_hub.Of(HttpMethod.Post).Single()).GetProperty("input_image").GetString();
        Assert.Equal("https://hub.test/" + file, enqueued);
        var logged = $"oxen-video-inputs/{sha}.png (5000 bytes): uploaded";
        Assert.Contains(_logs.Lines, l => l.EventId == 20 && l.Text.Contains(logged, O));
        Assert.DoesNotContain(Key, _logs.AllText, O);
    }

    [Fact]
    public async Task The_upload_streams_the_file_with_a_known_length_instead_of_buffering_it()
    {
        var path = Write("big.png", Png(200_000));
        var client = Client(o => o.MediaRepository = Repo);

        await client.EnqueueAsync(new MediaRequest { Media = OxenMedia.FromFile(path) }).Within();

        var put = _hub.Of(HttpMethod.Put).Single();
        var part = put.Part("file")!;
        Assert.Equal("OxenUploadContent", part.ContentKind); // read from disk per attempt, never a byte array
        Assert.Equal(200_000, part.DeclaredLength);
        Assert.NotNull(put.ContentLength); // a Content-Length, not a chunked body
        Assert.True(put.ContentLength > 200_000);
    }

    [Fact]
    public async Task The_same_content_is_uploaded_once_per_client_and_found_already_there_by_another()
    {
        var path = Write("big.png", Png(5000));
        var first = Client(o => o.MediaRepository = Repo);

        await first.EnqueueAsync(new MediaRequest { Media = OxenMedia.FromFile(path) }).Within();
        await first.EnqueueAsync(new MediaRequest { Media = OxenMedia.FromFile(path) }).Within();
        var second = Client(o => o.MediaRepository = Repo);
        await second.EnqueueAsync(new MediaRequest { Media = OxenMedia.FromFile(path) }).Within();

        Assert.Single(_hub.Of(HttpMethod.Put));
        Assert.Equal(2, _hub.Of(HttpMethod.Head).Count()); // the second client asks once, and finds it
        var urls = _hub.Of(HttpMethod.Post).Select(r => Json(r).GetProperty("input_image").GetString()).Distinct();
        Assert.Single(urls);
        Assert.Contains(_logs.Lines, l => l.EventId == 20 && l.Text.Contains("already in the repository", O));
    }

    [Fact]
    public async Task The_same_content_sent_by_eight_requests_at_once_is_uploaded_once()
    {
        // Whatever the timing, the content must go up once: a request that starts while the upload runs joins it,
        // and one that starts after finds it in the cache. (Without joining, each would HEAD, find 404 and PUT.)
        var path = Write("big.png", Png(5000));
        var client = Client(o => o.MediaRepository = Repo);
        using var gate = new SemaphoreSlim(0);
        var putStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _hub.OnPut = () =>
        {
            putStarted.TrySetResult();
            gate.Wait(Wait.Default);
        };

        var sends = Enumerable.Range(0, 8)
            .Select(_ => Task.Run(() => client.EnqueueAsync(new MediaRequest { Media = OxenMedia.FromFile(path) })))
            .ToList();
        await Task.WhenAny(putStarted.Task, Task.WhenAll(sends)).Within();
        gate.Release(8);
        await Task.WhenAll(sends).Within();

        Assert.Single(_hub.Of(HttpMethod.Put));
        Assert.Equal(8, _hub.Of(HttpMethod.Post).Count());
    }

    [Fact]
    public async Task A_missing_repository_is_created_and_409_counts_as_there()
    {
        var path = Write("big.png", Png(5000));
        // No repository at the first PUT; by the time the client asks to create it, someone else has (409).
        _hub.RepositoryExists = false;
        _hub.OnPut = () => _hub.RepositoryExists = _hub.Of(HttpMethod.Put).Any();
        _hub.Fault = (r, _) => r.Uri.AbsolutePath == "/api/repos" ? HttpStatusCode.Conflict : null;
        var client = Client(o => o.MediaRepository = Repo);
        var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

        await client.EnqueueAsync(new MediaRequest { Media = OxenMedia.FromFile(path) }).Within();

        var file = "/" + FilePrefix + sha + ".png";
        Assert.Equal(
            ["HEAD " + file, "PUT " + file, "POST /api/repos", "PUT " + file, "POST /api/ai/queue"], _hub.Trace);
        var create = Json(_hub.Requests[2]);
        Assert.Equal("my-team", create.GetProperty("namespace").GetString());
        Assert.Equal("video-inputs", create.GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(create.GetProperty("user").GetProperty("email").GetString()));
        Assert.True(create.TryGetProperty("description", out _));
    }

    [Fact]
    public async Task A_hub_that_refuses_head_is_asked_with_a_get()
    {
        var path = Write("big.png", Png(5000));
        _hub.Fault = (r, _) => r.Method == HttpMethod.Head ? HttpStatusCode.MethodNotAllowed : null;
        var client = Client(o => o.MediaRepository = Repo);

        await client.EnqueueAsync(new MediaRequest { Media = OxenMedia.FromFile(path) }).Within();

        Assert.Equal(["HEAD", "GET", "PUT", "POST"], _hub.Requests.Select(r => r.Method.Method));
    }

    [Fact]
    public void The_upload_cache_is_bounded_and_keeps_the_most_recently_used()
    {
        var cache = new OxenMediaUploadCache(capacity: 2);

        cache.Add("a", "https://x/a");
        cache.Add("b", "https://x/b");
        Assert.True(cache.TryGet("a", out _)); // a is now the most recent
        cache.Add("c", "https://x/c");

        Assert.Equal(2, cache.Count);
        Assert.False(cache.TryGet("b", out _));
        Assert.True(cache.TryGet("a", out var a));
        Assert.Equal("https://x/a", a);
        Assert.True(cache.TryGet("c", out _));
    }

    [Fact]
    public async Task A_put_answered_500_is_repeated_with_the_whole_file_again()
    {
        var png = Png(5000);
        var path = Write("big.png", png);
        _hub.Fault = (r, n) => r.Method == HttpMethod.Put && n == 0 ? HttpStatusCode.InternalServerError : null;
        var client = Client(o => o.MediaRepository = Repo);

        await client.EnqueueAsync(new MediaRequest { Media = OxenMedia.FromFile(path) }).Within();

        var puts = _hub.Of(HttpMethod.Put).ToList();
        Assert.Equal(2, puts.Count);
        Assert.All(puts, p => Assert.Equal(png, p.Part("file")!.Bytes));
        Assert.Single(_hub.Of(HttpMethod.Post));
    }

    [Fact]
    public async Task An_upload_failing_after_the_retries_names_the_field_and_the_file_and_nothing_is_enqueued()
    {
        var path = Write("big.png", Png(5000));
        _hub.Fault = (r, _) => r.Method == HttpMethod.Put ? HttpStatusCode.BadGateway : null;
        var client = Client(o => o.MediaRepository = Repo);

        var error = await Assert.ThrowsAsync<OxenMediaException>(
            () => client.EnqueueAsync(new MediaRequest { Media = OxenMedia.FromFile(path) })).Within();

        Assert.Equal(3, _hub.Of(HttpMethod.Put).Count()); // MaxRetries 2
        Assert.Empty(_hub.Of(HttpMethod.Post));
        Assert.Contains("'input_image'", error.Message, O);
        Assert.Contains(path, error.Message, O);
        Assert.IsType<OxenApiException>(error.InnerException);
        Assert.DoesNotContain(Key, error.ToString(), O);
    }

    [Fact]
    public async Task A_put_answered_413_is_a_clear_error_and_nothing_is_enqueued()
    {
        var path = Write("big.png", Png(5000));
        _hub.Fault = (r, _) => r.Method == HttpMethod.Put ? HttpStatusCode.RequestEntityTooLarge : null;
        var client = Client(o => o.MediaRepository = Repo);

        var error = await Assert.ThrowsAsync<OxenMediaException>(
            () => client.EnqueueAsync(new MediaRequest { Media = OxenMedia.FromFile(path) })).Within();

        Assert.Single(_hub.Of(HttpMethod.Put)); // a 413 is not repeated
        Assert.Empty(_hub.Of(HttpMethod.Post));
        Assert.Contains("upload of 5000 bytes", error.Reason, O);
        Assert.Contains("HTTP 413", error.Reason, O);
        Assert.Contains("https URL", error.Reason, O);
    }

    [Theory]
    [InlineData("jpeg", "holds image/jpeg when it is sent; allowed: a video")]
    [InlineData("empty", "it is empty (0 bytes)")]
    public async Task A_file_changed_after_validation_is_refused_and_nothing_is_sent(string change, string expected)
    {
        var path = Write("clip.mp4", Mp4(600));
        var request = new MediaRequest("input_video", OxenMediaKind.Video) { Media = OxenMedia.FromFile(path) };
        var client = Client(o => o.MaxDataUriBytes = OxenClientOptions.DefaultMaxDataUriBytes);
        Assert.True(request.Validate().IsValid);

        // The first write of the send (finding its media) comes after EnsureValid: the file changes in between.
        request.BeforeWrite = () =>
        {
            File.WriteAllBytes(path, change == "jpeg" ? Jpeg(600) : []);
            request.BeforeWrite = null;
        };
        var error = await Assert.ThrowsAsync<OxenMediaException>(
            () => client.GenerateVideoAsync(request, OxenGenerationMode.Queue)).Within();

        Assert.Empty(_hub.Requests);
        Assert.Equal("input_video", error.Field);
        Assert.Contains(expected, error.Reason, O);
    }

    [Fact]
    public async Task A_file_changed_during_its_upload_is_never_sent_whole_and_nothing_is_enqueued()
    {
        var path = Write("big.png", Png(300_000));
        _hub.OnPut = () =>
        {
            // Same length, same time stamp granularity aside: only the hash can tell.
            using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
            file.Position = 299_000;
            file.Write(new byte[100]);
        };
        var client = Client(o => o.MediaRepository = Repo);

        var error = await Assert.ThrowsAsync<OxenMediaException>(
            () => client.EnqueueAsync(new MediaRequest { Media = OxenMedia.FromFile(path) })).Within();

        Assert.Contains("changed while it was being uploaded", error.Reason, O);
        Assert.Empty(_hub.Files);
        Assert.Empty(_hub.Of(HttpMethod.Post));
    }

    [Fact]
    public async Task A_non_seekable_stream_over_the_limit_needs_a_repository_and_is_spooled_to_upload()
    {
        var png = Png(50_000);
        var without = Client();
        var pipe = OxenMedia.FromStream(new ForwardOnlyStream(png), "image/png", "cat.png");
        var refused = await Assert.ThrowsAsync<OxenMediaException>(
            () => without.EnqueueAsync(new MediaRequest { Media = pipe })).Within();
        Assert.Contains("more than 1024 bytes", refused.Reason, O);
        Assert.Empty(_hub.Requests);
        var spoolsBefore = Spools();

        var client = Client(o => o.MediaRepository = Repo);
        var again = OxenMedia.FromStream(new ForwardOnlyStream(png), "image/png");
        await client.EnqueueAsync(new MediaRequest { Media = again }).Within();

        Assert.Equal(png, _hub.Of(HttpMethod.Put).Single().Part("file")!.Bytes);
        Assert.Equal(spoolsBefore, Spools()); // the temporary copy is gone
    }

    [Fact]
    public async Task A_list_of_two_files_with_the_same_content_uploads_once()
    {
        var png = Png(5000);
        var a = Write("a.png", png);
        var b = Write("b.png", png);
        var client = Client(o => o.MediaRepository = Repo);

        await client.EnqueueAsync(new MediaRequest { Items = [OxenMedia.FromFile(a), OxenMedia.FromFile(b)] }).Within();

        Assert.Single(_hub.Of(HttpMethod.Put));
        var body = Json(_hub.Of(HttpMethod.Post).Single());
        var items = body.GetProperty("input_images").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal(items[0], items[1]);
        Assert.StartsWith("https://hub.test/" + FilePrefix, items[0], O);
    }

    [Fact]
    public void A_request_holding_local_media_is_priced_without_reading_it()
    {
        var missing = Path.Combine(_folder, "not-yet-there.png");
        var pricing = new OxenModelPricing("per_video_output_second", 0.07, 0.14, null);
        var info = JsonRequest.Info(MediaRequest.Model, pricing, ("duration", "5"));
        var request = new MediaRequest
        {
            Media = OxenMedia.FromFile(missing),
            Items = [OxenMedia.FromBytes(Png(20))],
            ModelInfo = info,
        };

        var estimate = request.EstimateCost();

        Assert.Equal(0.35m, estimate!.TotalUsd);
        Assert.Throws<InvalidOperationException>(() => request.ToJson()); // outside a send, a local media has no URL
    }

    [Fact]
    public async Task PrepareMediaAsync_gives_the_url_a_request_would_carry()
    {
        var client = Client(o => o.MediaRepository = Repo);
        var small = Png(100);
        var large = Write("big.png", Png(5000));

        var inline = await client.PrepareMediaAsync(OxenMedia.FromBytes(small), OxenMediaKind.Image).Within();
        var uploaded = await client.PrepareMediaAsync(OxenMedia.FromFile(large), OxenMediaKind.Image).Within();
        var again = await client.PrepareMediaAsync(OxenMedia.FromFile(large), OxenMediaKind.Image).Within();
        var url = await client.PrepareMediaAsync("https://example.com/a.png", OxenMediaKind.Image).Within();
        var wrongKind = await Assert.ThrowsAsync<OxenMediaException>(
            () => client.PrepareMediaAsync(OxenMedia.FromFile(large), OxenMediaKind.Video)).Within();
        var ftp = await Assert.ThrowsAsync<OxenMediaException>(
            () => client.PrepareMediaAsync("ftp://x/a.png", OxenMediaKind.Image)).Within();

        Assert.Equal("data:image/png;base64," + Convert.ToBase64String(small), inline);
        Assert.StartsWith("https://hub.test/" + FilePrefix, uploaded, O);
        Assert.Equal(uploaded, again);
        Assert.Equal("https://example.com/a.png", url);
        Assert.Single(_hub.Of(HttpMethod.Put));
        Assert.Contains("image/png", wrongKind.Reason, O);
        Assert.Contains("'ftp'", ftp.Reason, O);
    }

    [Theory]
    [InlineData("video-inputs")]
    [InlineData("a/b/c")]
    [InlineData("/repo")]
    [InlineData("ns/")]
    [InlineData("my team/repo")]
    [InlineData("ns/../x")]
    public void A_badly_named_repository_is_refused_when_the_client_is_made(string repository)
    {
        var error = Assert.Throws<ArgumentException>(() => Client(o => o.MediaRepository = repository));

        Assert.Contains("OxenClientOptions.MediaRepository", error.Message, O);
        Assert.Contains("\"namespace/repo\"", error.Message, O);
    }

    [Fact]
    public void Media_options_out_of_range_are_refused_when_the_client_is_made()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Client(o => o.MaxDataUriBytes = 65L * 1024 * 1024));
        Assert.Throws<ArgumentOutOfRangeException>(() => Client(o => o.MaxDataUriBytes = -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Client(o => o.MediaUploadTimeout = TimeSpan.Zero));
        var folder = Assert.Throws<ArgumentException>(() => Client(o => o.MediaFolder = "../up"));
        var branch = Assert.Throws<ArgumentException>(() => Client(o => o.MediaBranch = " "));
        Assert.Contains("MediaFolder", folder.Message, O);
        Assert.Contains("MediaBranch", branch.Message, O);
    }

    internal static byte[] Png(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        byte[] header = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
        header.CopyTo(bytes, 0);
        return bytes;
    }

    private static byte[] Mp4(int length)
    {
        var bytes = new byte[length];
        "\0\0\0\u0018ftypisom"u8.CopyTo(bytes);
        return bytes;
    }

    private static byte[] Jpeg(int length)
    {
        var bytes = new byte[length];
        byte[] header = [0xFF, 0xD8, 0xFF, 0xE0];
        header.CopyTo(bytes, 0);
        return bytes;
    }

    private static JsonElement Json(FakeMediaHub.Recorded request) => JsonDocument.Parse(request.Body!).RootElement;

    private static int Spools() => Directory.GetFiles(Path.GetTempPath(), "oxen-media-*.part").Length;

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private OxenClient Client(Action<OxenClientOptions>? configure = null)
    {
        var options = new OxenClientOptions
        {
            ApiKey = Key,
            BaseAddress = FakeMediaHub.BaseAddress,
            MaxRetries = 2,
            RetryBaseDelay = TimeSpan.Zero,
            MaxRetryDelay = TimeSpan.Zero,
            FetchChargedCost = false,
            MaxDataUriBytes = 1024,
        };
        configure?.Invoke(options);
        var http = new HttpClient(_hub, disposeHandler: false);
        var client = new OxenClient(http, options, _logs.CreateLogger<OxenClient>());
        _clients.Add(client);
        return client;
    }

    /// <summary>A stream that can only be read forward (a pipe, standard input).</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) =>
            _inner.Read(buffer, offset, Math.Min(count, 1000));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
