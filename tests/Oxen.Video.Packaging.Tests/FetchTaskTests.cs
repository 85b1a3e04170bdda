using System.Collections;
using Microsoft.Build.Framework;
using Oxen.Video.Tasks;
using Oxen.Video.Testing;

namespace Oxen.Video.Packaging.Tests;

/// <summary>
/// The compiled fetch task (<see cref="OxenFetchModelSchemas"/>) run in this process against hubs that answer well
/// and badly: what it writes, what it refuses, and that the key never reaches the log. The consumer builds in
/// <see cref="PackageTests"/> run the same task from the package through MSBuild.
/// </summary>
public sealed class FetchTaskTests : IDisposable
{
    private const string Kling = "kling-video-v2-6-pro-text-to-video";
    private const string Key = "sk-oxen-test-2f9c81d7e4";
    private readonly string _root = Directory.CreateTempSubdirectory("oxen-fetch-task-").FullName;
    private readonly RecordingBuildEngine _engine = new();

    private string SchemaDirectory => Path.Combine(_root, "oxen-schemas");

    public static TheoryData<string> NotModelIds() =>
    [
        "", " ", "../escape", "..", ".", "a..b", ".hidden", "trailing.", "models/x", "models\\x", "C:x", "x\u0001y", "x\ny", "x\u007Fy", "a b", "é", new string('a', 201),
    ];

    [Theory]
    [MemberData(nameof(NotModelIds))]
    public async Task An_id_that_is_not_a_model_id_is_refused_before_it_becomes_a_path_or_a_url(string id)
    {
        await using var hub = new StubHub(200, "{}");

        var ok = Run(hub.BaseAddress, null, id, Kling);

        Assert.False(ok);
        var error = Assert.Single(_engine.Errors);
        Assert.Equal("OXEN010", error.Code);
        Assert.Equal("/consumer/App.csproj", error.File);
        Assert.Contains($"The OxenModel '{Display(id)}' is not a model id: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("allowed: letters, digits, '-', '_' and '.'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(error.Message!, c => char.IsControl(c));

        // The valid id beside it is still fetched; the invalid one made no request and wrote nothing.
        Assert.Equal($"GET /api/ai/models/{Kling} HTTP/1.1", Assert.Single(hub.Requests).Split("\r\n")[0]);
        Assert.Equal([Kling + ".json"], Directory.GetFiles(SchemaDirectory).Select(Path.GetFileName));
        Assert.Equal(["oxen-schemas"], Directory.GetFileSystemEntries(_root).Select(Path.GetFileName));
    }

    [Fact]
    public async Task The_model_object_is_written_normalized_once_then_found_up_to_date_with_the_key_sent()
    {
        await using var hub = await OxenHubEmulator.StartAsync(new OxenHubEmulatorOptions
        {
            SchemaDirectory = Path.GetDirectoryName(PackagesFixture.KlingSchemaIn(PackagesFixture.FindRepoRoot())),
            ApiKey = Key,
        });
        var cached = Path.Combine(SchemaDirectory, Kling + ".json");

        Assert.True(Run(hub.BaseAddress, Key, Kling), string.Join('\n', _engine.AllText));
        Assert.Equal(
            await File.ReadAllBytesAsync(PackagesFixture.KlingSchemaIn(PackagesFixture.FindRepoRoot())),
            await File.ReadAllBytesAsync(cached));
        Assert.Contains(_engine.Messages, m => m.Message!.StartsWith($"Oxen: fetched {cached} from ", StringComparison.Ordinal));
        var written = File.GetLastWriteTimeUtc(cached);

        // Present: no request at all, unless a refresh is asked for, which finds it unchanged.
        Assert.True(Run(hub.BaseAddress, Key, Kling), string.Join('\n', _engine.AllText));
        Assert.Equal(1, hub.Counters.Requests("GET", $"/api/ai/models/{Kling}"));
        Assert.True(Run(hub.BaseAddress, Key, refresh: true, Kling), string.Join('\n', _engine.AllText));
        Assert.Contains(_engine.Messages, m => m.Message == $"Oxen: {cached} is up to date.");
        Assert.Equal(written, File.GetLastWriteTimeUtc(cached));
        Assert.Equal(2, hub.Counters.Requests("GET", $"/api/ai/models/{Kling}"));
        Assert.Equal([Kling + ".json"], Directory.GetFiles(SchemaDirectory).Select(Path.GetFileName));
        Assert.DoesNotContain(_engine.AllText, t => t.Contains(Key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_id_that_names_an_existing_file_outside_the_folder_is_refused_before_the_file_is_looked_at()
    {
        await using var hub = new StubHub(200, "{}");
        await File.WriteAllTextAsync(Path.Combine(_root, "secret.json"), "{}");

        Assert.False(Run(hub.BaseAddress, null, "../secret"));

        Assert.Contains("The OxenModel '../secret' is not a model id: it contains a path separator '/'", Assert.Single(_engine.Errors).Message, StringComparison.Ordinal);
        Assert.Empty(hub.Requests);
    }

    [Fact]
    public async Task A_hub_that_echoes_the_key_in_its_error_never_gets_it_into_the_log()
    {
        await using var hub = new StubHub(401, $"invalid credentials: Bearer {Key}");

        Assert.False(Run(hub.BaseAddress, Key, Kling));

        Assert.Contains($"Authorization: Bearer {Key}\r\n", Assert.Single(hub.Requests), StringComparison.Ordinal);
        var error = Assert.Single(_engine.Errors);
        Assert.Equal("OXEN010", error.Code);
        Assert.Contains($"the hub answered 401 Unauthorized invalid credentials: Bearer *** (check OXEN_API_KEY)", error.Message, StringComparison.Ordinal);
        Assert.Contains($"Fetch it with: oxen schemas pull {Kling} --dir {SchemaDirectory}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_engine.AllText, t => t.Contains(Key, StringComparison.Ordinal));
        Assert.False(Directory.Exists(SchemaDirectory));
    }

    [Fact]
    public async Task A_redirect_is_not_followed_so_the_key_goes_to_no_other_host()
    {
        await using var elsewhere = new StubHub(200, "{}");
        await using var hub = new StubHub(302, string.Empty, $"Location: {elsewhere.BaseAddress}steal");

        Assert.False(Run(hub.BaseAddress, Key, Kling));

        Assert.Empty(elsewhere.Requests);
        var error = Assert.Single(_engine.Errors);
        Assert.Contains($"the hub answered 302 Found (a redirect to {elsewhere.BaseAddress}steal is not followed)", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(SchemaDirectory));
    }

    [Theory]
    [InlineData("<html><body>Bad gateway</body></html>", "the answer is not JSON (")]
    [InlineData("{\"request_schema\": {\"type\": \"object\"", "the answer is not JSON (")]
    [InlineData("[1, 2]", "the answer is not a JSON object")]
    public async Task An_answer_that_is_not_a_model_object_fails_with_OXEN010_and_writes_nothing(string body, string reason)
    {
        await using var hub = new StubHub(200, body);

        Assert.False(Run(hub.BaseAddress, null, Kling));

        var error = Assert.Single(_engine.Errors);
        Assert.Equal("OXEN010", error.Code);
        Assert.Contains($"The schema of model '{Kling}' is not in {SchemaDirectory} and could not be fetched: GET {hub.BaseAddress}api/ai/models/{Kling} failed: {reason}", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(SchemaDirectory));
    }

    [Theory]
    [InlineData("ftp://hub.example/")]
    [InlineData("hub.oxen.ai")]
    [InlineData("")]
    public void A_base_address_that_is_not_http_fails_with_OXEN010_for_each_model(string baseUrl)
    {
        var task = NewTask(null, Kling, "flux-3-video");
        task.BaseUrl = baseUrl;

        Assert.False(task.Execute());

        Assert.Equal(2, _engine.Errors.Count);
        Assert.All(_engine.Errors, e => Assert.Contains($"the base address '{baseUrl}' (OxenBaseUrl, OXEN_BASE_URL) is not an absolute http(s) URI", e.Message, StringComparison.Ordinal));
        Assert.False(Directory.Exists(SchemaDirectory));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string Display(string id) =>
        string.Concat(id.Select(c => c is >= ' ' and < '\u007F' ? c.ToString() : $"\\u{(int)c:X4}"));

    private bool Run(Uri hub, string? key, params string[] ids) => Run(hub, key, refresh: false, ids);

    private bool Run(Uri hub, string? key, bool refresh, params string[] ids)
    {
        var task = NewTask(key, ids);
        task.BaseUrl = hub.ToString();
        task.Refresh = refresh;
        return task.Execute();
    }

    private OxenFetchModelSchemas NewTask(string? key, params string[] ids) => new()
    {
        BuildEngine = _engine,
        Models = [.. ids.Select(id => new ModelItem(id))],
        SchemaDirectory = SchemaDirectory,
        ProjectFile = "/consumer/App.csproj",
        TimeoutSeconds = 30,
        ReadEnvironment = name => name == "OXEN_API_KEY" ? key : null,
    };

    /// <summary>An item as MSBuild would pass it, without MSBuild's checks on the item spec (an empty one included).</summary>
    private sealed class ModelItem(string id) : ITaskItem
    {
        public string ItemSpec { get; set; } = id;

        public ICollection MetadataNames => Array.Empty<string>();

        public int MetadataCount => 0;

        public string GetMetadata(string metadataName) => string.Empty;

        public void SetMetadata(string metadataName, string metadataValue) => throw new NotSupportedException();

        public void RemoveMetadata(string metadataName) => throw new NotSupportedException();

        public void CopyMetadataTo(ITaskItem destinationItem) => throw new NotSupportedException();

        public IDictionary CloneCustomMetadata() => new Hashtable();
    }
}
