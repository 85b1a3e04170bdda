using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Oxen.Video.Testing;

namespace Oxen.Video.Runtime.Tests;

/// <summary>The emulator's repository file API, over real HTTP: create, upload, download, limits and faults.</summary>
public sealed class EmulatorRepositoryTests
{
    /// <summary>A PNG's signature and some bytes: what the sniffer reads.</summary>
    internal static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[120]];

    [Fact]
    public async Task Create_answers_200_with_the_repository_then_409_for_the_same_name()
    {
        await using var h = await Harness.StartAsync();
        using var http = Http(h);

        using var created = await CreateAsync(http, "alice", "inputs");
        using var again = await CreateAsync(http, "alice", "inputs");

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        using var body = await JsonOf(created);
        Assert.Equal("alice", body.RootElement.GetProperty("namespace").GetString());
        Assert.Equal("inputs", body.RootElement.GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("alice/inputs", await Text(again), StringComparison.Ordinal);
        Assert.Equal(1, h.Hub.Counters.RepositoriesCreated);
    }

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("[1]", "must be a JSON object")]
    [InlineData("""{"name":"r","user":{"name":"a","email":"a@b"}}""", "namespace: is required")]
    [InlineData("""{"namespace":"a/b","name":"r","user":{"name":"a","email":"a@b"}}""", "'a/b' is not a name")]
    [InlineData("""{"namespace":"a","name":"r","name":"s","user":{"name":"a","email":"a@b"}}""", "not valid JSON")]
    [InlineData("""{"namespace":"a","name":"r"}""", "user: is required")]
    [InlineData("""{"namespace":"a","name":"r","user":{"name":"a"}}""", "user.email: is required")]
    public async Task A_malformed_create_body_is_400_naming_the_problem(string json, string expected)
    {
        await using var h = await Harness.StartAsync();
        using var http = Http(h);

        using var answer = await http.PostAsync("api/repos", Json(json));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        using var body = await JsonOf(answer);
        Assert.Contains(expected, Detail(body), StringComparison.Ordinal);
        Assert.Equal(0, h.Hub.Counters.RepositoriesCreated);
    }

    [Fact]
    public async Task A_create_body_that_is_not_json_is_415()
    {
        await using var h = await Harness.StartAsync();
        using var http = Http(h);

        var text = new StringContent(CreateJson("a", "r"), Encoding.UTF8, "text/plain");

        using var answer = await http.PostAsync("api/repos", text);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, answer.StatusCode);
        Assert.Contains("application/json", await Text(answer), StringComparison.Ordinal);
        Assert.Equal(0, h.Hub.Counters.RepositoriesCreated);
    }

    [Fact]
    public async Task A_put_file_comes_back_the_same_from_get_with_its_sniffed_type()
    {
        await using var h = await Harness.StartAsync();
        using var http = Http(h);
        (await CreateAsync(http, "alice", "inputs")).Dispose();

        using var put = await UploadAsync(http, "api/repos/alice/inputs/file/main/media/cat.png", Png);
        using var get = await http.GetAsync("api/repos/alice/inputs/file/main/media/cat.png");

        Assert.True(put.StatusCode == HttpStatusCode.OK, await Text(put));
        using var answer = await JsonOf(put);
        Assert.False(string.IsNullOrEmpty(answer.RootElement.GetProperty("commit").GetProperty("id").GetString()));
        var file = answer.RootElement.GetProperty("file");
        Assert.Equal("media/cat.png", file.GetProperty("path").GetString());
        Assert.Equal(Png.Length, file.GetProperty("size").GetInt64());
        Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(Png)), file.GetProperty("hash").GetString());
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal("image/png", get.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Png, await get.Content.ReadAsByteArrayAsync());
        Assert.Equal(1, h.Hub.Counters.Uploads);
    }

    [Fact]
    public async Task Several_file_parts_go_into_the_folder_the_path_names_under_their_own_names()
    {
        await using var h = await Harness.StartAsync();
        using var http = Http(h);
        (await CreateAsync(http, "alice", "inputs")).Dispose();
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, .. new byte[60]];
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Png), "file", "çat 1.png" },
            { new ByteArrayContent(jpeg), "file", "dog.jpg" },
            { new StringContent("Add two"), "message" },
            { new StringContent("Oxen Tests"), "name" },
            { new StringContent("tests@example.com"), "email" },
        };

        using var put = await http.PutAsync("api/repos/alice/inputs/file/main/media", form);
        using var cat = await http.GetAsync("api/repos/alice/inputs/file/main/media/%C3%A7at%201.png");
        using var dog = await http.GetAsync("api/repos/alice/inputs/file/main/media/dog.jpg");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(Png, await cat.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/jpeg", dog.Content.Headers.ContentType!.MediaType);
        Assert.Equal(1, h.Hub.Counters.Uploads);
    }

    [Fact]
    public async Task A_large_upload_streams_past_kestrels_default_body_limit_and_comes_back_whole()
    {
        await using var h = await Harness.StartAsync();
        using var http = Http(h);
        (await CreateAsync(http, "alice", "inputs")).Dispose();
        var video = new byte[40 * 1024 * 1024];
        OxenHubEmulator.SampleVideo.Span.CopyTo(video);

        using var put = await UploadAsync(http, "api/repos/alice/inputs/file/main/big.mp4", video);
        using var get = await http.GetAsync("api/repos/alice/inputs/file/main/big.mp4");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("video/mp4", get.Content.Headers.ContentType!.MediaType);
        Assert.Equal(SHA256.HashData(video), SHA256.HashData(await get.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task Head_is_200_with_the_length_for_a_stored_file_and_404_for_a_missing_one()
    {
        await using var h = await Harness.StartAsync();
        using var http = Http(h);
        (await CreateAsync(http, "alice", "inputs")).Dispose();
        (await UploadAsync(http, "api/repos/alice/inputs/file/main/cat.png", Png)).Dispose();

        using var present = await http.SendAsync(new(HttpMethod.Head, "api/repos/alice/inputs/file/main/cat.png"));
        using var absent = await http.SendAsync(new(HttpMethod.Head, "api/repos/alice/inputs/file/main/dog.png"));
        using var otherBranch = await http.GetAsync("api/repos/alice/inputs/file/dev/cat.png");

        Assert.Equal(HttpStatusCode.OK, present.StatusCode);
        Assert.Equal(Png.Length, present.Content.Headers.ContentLength);
        Assert.Empty(await present.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, absent.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherBranch.StatusCode);
    }

    [Fact]
    public async Task A_put_to_a_missing_repository_is_404_and_stores_nothing()
    {
        await using var h = await Harness.StartAsync();
        using var http = Http(h);

        using var put = await UploadAsync(http, "api/repos/alice/nowhere/file/main/cat.png", Png);

        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        Assert.Contains("Repository not found: alice/nowhere", await Text(put), StringComparison.Ordinal);
        Assert.Equal(0, h.Hub.Counters.Uploads);
    }

    [Fact]
    public async Task A_put_that_is_not_multipart_is_415()
    {
        await using var h = await Harness.StartAsync();
        using var http = Http(h);
        (await CreateAsync(http, "alice", "inputs")).Dispose();
        var raw = new ByteArrayContent(Png);
        raw.Headers.ContentType = new MediaTypeHeaderValue("image/png");

        using var put = await http.PutAsync("api/repos/alice/inputs/file/main/cat.png", raw);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, put.StatusCode);
        Assert.Contains("multipart/form-data", await Text(put), StringComparison.Ordinal);
        Assert.Equal(0, h.Hub.Counters.Uploads);
    }

    [Fact]
    public async Task A_put_without_the_commit_fields_is_400_naming_them()
    {
        await using var h = await Harness.StartAsync();
        using var http = Http(h);
        (await CreateAsync(http, "alice", "inputs")).Dispose();
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Png), "file", "cat.png" } };

        using var put = await http.PutAsync("api/repos/alice/inputs/file/main/cat.png", form);

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Contains("message, name, email: are required", await Text(put), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_over_the_per_file_limit_is_413_and_stores_nothing()
    {
        await using var h = await Harness.StartAsync(o => o.MaxRepositoryFileBytes = 1024);
        using var http = Http(h);
        (await CreateAsync(http, "alice", "inputs")).Dispose();

        byte[] big = [.. Png, .. new byte[2 * 1024 * 1024]];

        using var put = await UploadAsync(http, "api/repos/alice/inputs/file/main/big.png", big);
        using var get = await http.GetAsync("api/repos/alice/inputs/file/main/big.png");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, put.StatusCode);
        Assert.Contains("MaxRepositoryFileBytes", await Text(put), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(0, h.Hub.Counters.Uploads);
    }

    [Fact]
    public async Task An_upload_past_the_total_limit_is_413_while_a_replacement_of_the_same_path_fits()
    {
        await using var h = await Harness.StartAsync(o => o.MaxRepositoryBytes = 3000);
        using var http = Http(h);
        (await CreateAsync(http, "alice", "inputs")).Dispose();
        byte[] file = [.. Png, .. new byte[1800]];

        using var first = await UploadAsync(http, "api/repos/alice/inputs/file/main/a.png", file);
        using var second = await UploadAsync(http, "api/repos/alice/inputs/file/main/b.png", file);
        using var replaced = await UploadAsync(http, "api/repos/alice/inputs/file/main/a.png", file);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, second.StatusCode);
        Assert.Contains("MaxRepositoryBytes", await Text(second), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(2, h.Hub.Counters.Uploads);
    }

    [Fact]
    public async Task Injected_500s_and_413_answer_before_anything_is_stored_then_uploads_work_again()
    {
        await using var h = await Harness.StartAsync();
        using var http = Http(h);
        (await CreateAsync(http, "alice", "inputs")).Dispose();
        h.Hub.Faults.FailUploads(count: 2);

        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var put = await UploadAsync(http, "api/repos/alice/inputs/file/main/cat.png", Png);
            codes.Add(put.StatusCode);
        }

        h.Hub.Faults.RefuseUploadsAsTooLarge();
        using var refused = await UploadAsync(http, "api/repos/alice/inputs/file/main/dog.png", Png);
        using var dog = await http.GetAsync("api/repos/alice/inputs/file/main/dog.png");

        Assert.Equal([HttpStatusCode.InternalServerError, HttpStatusCode.InternalServerError, HttpStatusCode.OK],
            codes);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, dog.StatusCode);
        Assert.Equal(1, h.Hub.Counters.Uploads);
        Assert.Equal(4, h.Hub.Counters.Requests("PUT", "/api/repos/*"));
    }

    [Fact]
    public async Task An_injected_409_on_create_still_leaves_a_repository_to_upload_into()
    {
        await using var h = await Harness.StartAsync();
        using var http = Http(h);
        h.Hub.Faults.ConflictOnRepositoryCreate();

        using var conflict = await CreateAsync(http, "alice", "inputs");
        using var put = await UploadAsync(http, "api/repos/alice/inputs/file/main/cat.png", Png);

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(0, h.Hub.Counters.RepositoriesCreated);
    }

    [Fact]
    public async Task Every_repository_route_answers_401_without_the_key()
    {
        await using var h = await Harness.StartAsync();
        using var http = new HttpClient { BaseAddress = h.Hub.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "wrong");

        using var create = await CreateAsync(http, "alice", "inputs");
        using var put = await UploadAsync(http, "api/repos/alice/inputs/file/main/cat.png", Png);
        using var get = await http.GetAsync("api/repos/alice/inputs/file/main/cat.png");

        Assert.Equal(HttpStatusCode.Unauthorized, create.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, put.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, get.StatusCode);
        Assert.Equal(0, h.Hub.Counters.RepositoriesCreated);
    }

    [Fact]
    public async Task A_queued_generation_with_a_png_data_uri_in_an_image_field_succeeds()
    {
        await using var h = await Harness.StartAsync(AddMediaModel);
        using var http = Http(h);

        var generation = await RunQueuedAsync(h, http, new() { ["input_image"] = DataUri("image/png", Png) });

        Assert.Equal("succeeded", generation.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, generation.GetProperty("error_message").ValueKind);
    }

    [Fact]
    public async Task A_data_uri_of_a_few_megabytes_is_read_whole_not_refused_as_a_long_uri()
    {
        await using var h = await Harness.StartAsync(AddMediaModel);
        using var http = Http(h);
        byte[] large = [.. Png, .. new byte[3 * 1024 * 1024]];

        var generation = await RunQueuedAsync(h, http, new() { ["input_image"] = DataUri("image/png", large) });

        var status = generation.GetProperty("status").GetString();
        Assert.True(status == "succeeded", generation.GetProperty("error_message").ToString());
    }

    [Theory]
    [InlineData("text", "input_image: the data: URI holds text or a format the hub does not read, not an image")]
    [InlineData("mp4", "input_image: the data: URI holds video/mp4, not an image; allowed: an image (JPEG, PNG")]
    [InlineData("empty", "input_image: the data: URI is empty (0 bytes)")]
    [InlineData("bad-base64", "input_image: the data: URI's base64 does not decode.")]
    [InlineData("missing-file", "input_image: {hub}api/repos/alice/inputs/file/main/missing.png answered 404")]
    [InlineData("file-url", "input_image: file:///tmp/cat.png has the scheme 'file', which the hub cannot download")]
    public async Task A_queued_generation_whose_input_is_not_readable_media_of_its_kind_fails_naming_the_field(
        string input, string expected)
    {
        await using var h = await Harness.StartAsync(AddMediaModel);
        using var http = Http(h);
        (await CreateAsync(http, "alice", "inputs")).Dispose();
        var value = input switch
        {
            "text" => DataUri("image/png", Encoding.UTF8.GetBytes("just some words, not a picture")),
            "mp4" => DataUri("image/png", OxenHubEmulator.SampleVideo.ToArray()),
            "empty" => "data:image/png;base64,",
            "bad-base64" => "data:image/png;base64,@@@@",
            "missing-file" => new Uri(h.Hub.BaseAddress, "api/repos/alice/inputs/file/main/missing.png").ToString(),
            _ => "file:///tmp/cat.png",
        };

        var generation = await RunQueuedAsync(h, http, new() { ["input_image"] = value });

        Assert.Equal("failed", generation.GetProperty("status").GetString());
        var message = generation.GetProperty("error_message").GetString()!;
        var hub = h.Hub.BaseAddress.ToString();
        Assert.Contains(expected.Replace("{hub}", hub, StringComparison.Ordinal), message, StringComparison.Ordinal);
        Assert.DoesNotContain("base64,", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_repository_file_is_read_as_an_input_and_a_bad_list_item_is_named_by_its_index()
    {
        await using var h = await Harness.StartAsync(AddMediaModel);
        using var http = Http(h);
        (await CreateAsync(http, "alice", "inputs")).Dispose();
        (await UploadAsync(http, "api/repos/alice/inputs/file/main/media/cat 1.png", Png)).Dispose();
        var url = new Uri(h.Hub.BaseAddress, "api/repos/alice/inputs/file/main/media/cat%201.png").ToString();

        var good = await RunQueuedAsync(h, http, new()
        {
            ["input_image"] = url,
            ["reference_images"] = new JsonArray(url),
        });
        var bad = await RunQueuedAsync(h, http, new()
        {
            ["reference_images"] = new JsonArray(url, DataUri("image/png", OxenHubEmulator.SampleVideo.ToArray())),
        });

        Assert.Equal("succeeded", good.GetProperty("status").GetString());
        Assert.Equal("failed", bad.GetProperty("status").GetString());
        var message = bad.GetProperty("error_message").GetString()!;
        Assert.Contains("reference_images[1]: the data: URI holds video/mp4", message, StringComparison.Ordinal);
        Assert.DoesNotContain("reference_images[0]", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_audio_field_given_an_image_from_the_repository_fails()
    {
        await using var h = await Harness.StartAsync(AddMediaModel);
        using var http = Http(h);
        (await CreateAsync(http, "alice", "inputs")).Dispose();
        (await UploadAsync(http, "api/repos/alice/inputs/file/main/voice.mp3", Png)).Dispose();
        var url = new Uri(h.Hub.BaseAddress, "api/repos/alice/inputs/file/main/voice.mp3").ToString();

        var generation = await RunQueuedAsync(h, http, new() { ["audio_url"] = url });

        Assert.Equal("failed", generation.GetProperty("status").GetString());
        Assert.Contains("audio_url: the repository file alice/inputs/main/voice.mp3 holds image/png, not an audio file",
            generation.GetProperty("error_message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_hosts_answer_what_ExternalMedia_says_and_are_readable_when_it_is_unset()
    {
        var served = new Dictionary<string, byte[]> { ["https://example.com/cat.png"] = Png };
        await using var configured = await Harness.StartAsync(o =>
        {
            AddMediaModel(o);
            o.ExternalMedia = url => served.TryGetValue(url.ToString(), out var bytes) ? bytes : null;
        });
        await using var unset = await Harness.StartAsync(AddMediaModel);
        using var http = Http(configured);
        using var unsetHttp = Http(unset);

        var cat = await RunQueuedAsync(configured, http, new() { ["input_image"] = "https://example.com/cat.png" });
        var gone = await RunQueuedAsync(configured, http, new() { ["input_image"] = "https://example.com/gone.png" });
        var assumed = await RunQueuedAsync(unset, unsetHttp, new()
        {
            ["input_image"] = "https://example.com/gone.png",
        });

        Assert.Equal("succeeded", cat.GetProperty("status").GetString());
        Assert.Equal("failed", gone.GetProperty("status").GetString());
        Assert.Contains("input_image: https://example.com/gone.png could not be downloaded",
            gone.GetProperty("error_message").GetString(), StringComparison.Ordinal);
        Assert.Equal("succeeded", assumed.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_sync_generation_with_an_unreadable_input_fails_naming_the_field()
    {
        await using var h = await Harness.StartAsync(AddMediaModel);
        using var http = Http(h);
        var body = MediaBody(new() { ["input_image"] = DataUri("image/png", Encoding.UTF8.GetBytes("plain text")) });

        using var answer = await http.PostAsync("api/ai/videos/generate", Json(body));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.StatusCode);
        using var error = await JsonOf(answer);
        Assert.Contains("input_image: the data: URI holds text", Detail(error), StringComparison.Ordinal);
        Assert.Equal(0, h.Hub.Counters.SyncGenerations);
    }

    [Theory]
    [InlineData("api/ai/queue")]
    [InlineData("api/ai/videos/generate")]
    public async Task A_generation_body_that_is_not_json_is_415_and_creates_nothing(string endpoint)
    {
        await using var h = await Harness.StartAsync();
        using var http = Http(h);
        var json = $$"""{"model": "{{TestRequest.Kling}}", "prompt": "a fox"}""";
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent(json, Encoding.UTF8, "text/plain"),
        };
        request.Headers.Add("Origin", "http://evil.example");

        using var answer = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, answer.StatusCode);
        Assert.Contains("application/json", await Text(answer), StringComparison.Ordinal);
        Assert.Equal(0, h.Hub.Counters.EnqueuedGenerations);
        Assert.Equal(0, h.Hub.Counters.SyncGenerations);
    }

    [Theory]
    [InlineData("api/ai/queue")]
    [InlineData("api/ai/videos/generate")]
    public async Task A_generation_body_with_a_repeated_property_is_400_naming_it(string endpoint)
    {
        await using var h = await Harness.StartAsync();
        using var http = Http(h);
        var json = $$"""{"model": "{{TestRequest.Kling}}", "prompt": "a", "prompt": "b"}""";

        using var answer = await http.PostAsync(endpoint, Json(json));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        using var error = await JsonOf(answer);
        Assert.Contains("'prompt'", Detail(error), StringComparison.Ordinal);
        Assert.Equal(0, h.Hub.Counters.EnqueuedGenerations);
    }

    internal static HttpClient Http(Harness h)
    {
        var http = new HttpClient { BaseAddress = h.Hub.BaseAddress, Timeout = Wait.Default };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Harness.ApiKey);
        return http;
    }

    internal static Task<HttpResponseMessage> CreateAsync(HttpClient http, string owner, string name) =>
        http.PostAsync("api/repos", Json(CreateJson(owner, name)));

    internal static async Task<HttpResponseMessage> UploadAsync(HttpClient http, string path, byte[] bytes)
    {
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(bytes), "file", Path.GetFileName(path) },
            { new StringContent("Add an input"), "message" },
            { new StringContent("Oxen Tests"), "name" },
            { new StringContent("tests@example.com"), "email" },
        };
        return await http.PutAsync(path, form);
    }

    private const string MediaModel = "acme-image-to-video";

    private const string MediaSchema = """
        {"type": "object", "required": ["prompt"],
         "properties": {
           "prompt": {"type": "string"},
           "input_image": {"type": "string", "format": "uri"},
           "reference_images": {"type": "array", "items": {"type": "string", "format": "uri"}},
           "audio_url": {"type": "string", "format": "uri"}
         }}
        """;

    private static void AddMediaModel(OxenHubEmulatorOptions options) => options.AddModel(MediaModel, MediaSchema);

    private static string DataUri(string type, byte[] bytes) => $"data:{type};base64,{Convert.ToBase64String(bytes)}";

    private static string MediaBody(JsonObject inputs)
    {
        inputs["model"] = MediaModel;
        inputs["prompt"] = "the cat walks";
        return inputs.ToJsonString();
    }

    /// <summary>Enqueues, waits for the end (bounded), and gives the hub's view of the generation.</summary>
    private static async Task<JsonElement> RunQueuedAsync(Harness h, HttpClient http, JsonObject inputs)
    {
        using var answer = await http.PostAsync("api/ai/queue", Json(MediaBody(inputs)));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        using var queued = await JsonOf(answer);
        var id = queued.RootElement.GetProperty("generations")[0].GetProperty("generation_id").GetString()!;
        await Wait.UntilAsync(() => h.Hub.GetStatus(id) is "succeeded" or "failed");
        using var status = await JsonOf(await http.GetAsync($"api/ai/queue/{id}"));
        return status.RootElement.Clone();
    }

    private static string CreateJson(string owner, string name) => $$"""
        {"namespace": "{{owner}}", "name": "{{name}}", "description": "inputs",
         "user": {"name": "Oxen Tests", "email": "tests@example.com"} }
        """;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static Task<string> Text(HttpResponseMessage answer) => answer.Content.ReadAsStringAsync();

    private static string? Detail(JsonDocument error) =>
        error.RootElement.GetProperty("error").GetProperty("detail").GetString();

    private static async Task<JsonDocument> JsonOf(HttpResponseMessage answer) =>
        JsonDocument.Parse(await Text(answer));
}
