using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace Oxen.Cli.Tests;

/// <summary>A hub that answers ids naming paths: <c>schemas pull</c> writes only inside --dir, named by the id asked for.</summary>
public sealed class HostileHubTests : IDisposable
{
    private const string Schema = """{"type": "object", "properties": {"prompt": {"type": "string"}}, "required": ["prompt"]}""";

    private readonly string _root = Directory.CreateTempSubdirectory("oxen-hostile-").FullName;
    private readonly HttpListener _listener = new();
    private readonly string _url;

    public HostileHubTests()
    {
        var port = FreePort();
        _url = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(_url);
        _listener.Start();
        _ = ServeAsync();
    }

    private string Dir => Path.Combine(_root, "a", "b", "dir");

    public void Dispose()
    {
        _listener.Close();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task A_body_id_that_names_a_path_is_written_under_the_requested_id_inside_dir()
    {
        var run = await CliRun.RunAsync(new Dictionary<string, string> { ["OXEN_BASE_URL"] = _url }, "schemas", "pull", "evil-model", "--dir", Dir);

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Equal([Path.Combine(Dir, "evil-model.json")], Directory.GetFiles(_root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_listed_id_that_names_a_path_is_skipped()
    {
        var run = await CliRun.RunAsync(new Dictionary<string, string> { ["OXEN_BASE_URL"] = _url }, "schemas", "pull", "--all-video", "--dir", Dir);

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("skipped", run.Error, StringComparison.Ordinal);
        Assert.Equal([Path.Combine(Dir, "good-model.json")], Directory.GetFiles(_root, "*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("..")]
    [InlineData("a/b")]
    public async Task A_requested_id_that_names_a_path_is_a_usage_error(string id)
    {
        var run = await CliRun.RunAsync(new Dictionary<string, string> { ["OXEN_BASE_URL"] = _url }, "schemas", "pull", id, "--dir", Dir);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is not a model id", run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_root, "*", SearchOption.AllDirectories));
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            var path = context.Request.Url!.AbsolutePath;
            var body = path == "/api/ai/models"
                ? $$"""{"object": "list", "data": [{{Model("../../escaped")}}, {{Model("good-model")}}]}"""
                : Regex.IsMatch(path, "^/api/ai/models/[^/]+$") ? Model("../../escaped") : null;
            context.Response.StatusCode = body is null ? 404 : 200;
            context.Response.ContentType = "application/json";
            var bytes = Encoding.UTF8.GetBytes(body ?? """{"error": {"message": "not found"}}""");
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private static string Model(string id) =>
        $$"""{"id": "{{id}}", "object": "model", "display_name": "x", "endpoint": "/videos/generate", "capabilities": {"input": ["text"], "output": ["video"]}, "request_schema": {{Schema}}}""";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
