using System.Text.Json;
using System.Text.RegularExpressions;
using Oxen.Video;
using Oxen.Video.Testing;
using Xunit;

namespace Oxen.Cli.Tests;

/// <summary>A model oxen was not built with: its schema from --schemas DIR or the hub, the same checks and the exact JSON types.</summary>
public sealed class DynamicModelTests : IAsyncLifetime
{
    private const string Id = "acme-video-v1";
    private const string Schema = """
        {
          "type": "object",
          "properties": {
            "prompt": {"type": "string", "minLength": 1},
            "speed": {"type": "integer", "minimum": 1, "maximum": 4, "default": 1},
            "take": {"type": "string"},
            "seconds": {"enum": ["5", "10"]},
            "frames": {"enum": [24, 48]},
            "strength": {"type": "number", "minimum": 0, "maximum": 1},
            "image_url": {"type": "string", "format": "uri"}
          },
          "required": ["prompt"]
        }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("oxen-dynamic-").FullName;
    private string _schemas = null!;
    private OxenHubEmulator _hub = null!;

    public async Task InitializeAsync()
    {
        _schemas = Directory.CreateDirectory(Path.Combine(_folder, "schemas")).FullName;
        File.WriteAllText(Path.Combine(_schemas, Id + ".json"), Schema);
        _hub = await OxenHubEmulator.StartAsync(new OxenHubEmulatorOptions
        {
            QueuedDelay = TimeSpan.FromMilliseconds(20),
            ProcessingDelay = TimeSpan.FromMilliseconds(50),
        }.AddModel(Id, Schema, "Acme Video 1"));
    }

    public async Task DisposeAsync()
    {
        await _hub.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private Dictionary<string, string> Environment => new() { ["OXEN_BASE_URL"] = _hub.BaseAddress.ToString() };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Valid_values_are_sent_with_the_schema_s_exact_json_types(bool fromFolder)
    {
        string[] where = fromFolder ? ["--schemas", _schemas] : [];
        var run = await CliRun.RunAsync(Environment, ["generate", "--model", Id, .. where, "--prompt", "p", "--speed", "2", "--take", "2", "--seconds", "10", "--frames", "48", "--strength", "0.5", "--out", Path.Combine(_folder, "v.mp4")]);

        Assert.True(run.ExitCode == 0, run.All);
        var id = Regex.Match(run.Output, "Generation id: ([0-9a-f-]{36})").Groups[1].Value;
        using var client = new OxenClient(new OxenClientOptions { BaseAddress = _hub.BaseAddress });
        var echoed = (await client.GetGenerationAsync(id)).Json;
        Assert.Equal(JsonValueKind.Number, echoed.GetProperty("speed").ValueKind);
        Assert.Equal(2, echoed.GetProperty("speed").GetInt32());
        Assert.Equal(JsonValueKind.String, echoed.GetProperty("take").ValueKind);
        Assert.Equal("2", echoed.GetProperty("take").GetString());
        Assert.Equal(JsonValueKind.String, echoed.GetProperty("seconds").ValueKind);
        Assert.Equal(JsonValueKind.Number, echoed.GetProperty("frames").ValueKind);
        Assert.Equal(0.5, echoed.GetProperty("strength").GetDouble());
        Assert.False(echoed.TryGetProperty("image_url", out _));
    }

    [Theory]
    [InlineData("--speed", "9", "--speed 9 is out of range; allowed: at least 1 and at most 4.")]
    [InlineData("--speed", "2.5", "--speed takes an integer; '2.5' is not one.")]
    [InlineData("--seconds", "7", "--seconds 7 is not allowed; allowed: 5, 10.")]
    [InlineData("--strength", "NaN", "--strength takes a finite number; 'NaN' is not one.")]
    [InlineData("--image-url", "not a url", "--image-url \"not a url\" is not a URL the hub can read")]
    [InlineData("--prompt", "", "--prompt has 0 characters")]
    public async Task A_value_the_schema_refuses_is_exit_2_with_nothing_sent(string option, string value, string expected)
    {
        string[] prompt = option == "--prompt" ? [] : ["--prompt", "p"];
        var run = await CliRun.RunAsync(Environment, ["generate", "--model", Id, "--schemas", _schemas, .. prompt, option, value]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Equal(0, _hub.Counters.ApiRequests);
    }

    [Fact]
    public async Task The_hub_s_schema_is_used_when_no_folder_is_given_and_nothing_is_generated_for_a_refused_value()
    {
        var run = await CliRun.RunAsync(Environment, "generate", "--model", Id, "--speed", "2");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--prompt is required.", run.Error, StringComparison.Ordinal);
        Assert.Equal(1, _hub.Counters.Requests("GET", $"/api/ai/models/{Id}"));
        Assert.Equal(0, _hub.Counters.Requests("POST", "*"));
    }

    [Fact]
    public async Task Help_lists_the_parameters_of_a_model_read_at_run_time()
    {
        var run = await CliRun.RunAsync(Environment, "generate", "--model", Id, "--schemas", _schemas, "--help");

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("--speed <integer>", run.Output, StringComparison.Ordinal);
        Assert.Contains("At least 1 and at most 4. Default 1.", run.Output, StringComparison.Ordinal);
        Assert.Contains("--seconds <5|10>", run.Output, StringComparison.Ordinal);
        Assert.Equal(0, _hub.Counters.ApiRequests);
    }

    [Fact]
    public async Task Models_list_and_show_include_models_of_the_folder_and_of_the_hub()
    {
        var fromFolder = await CliRun.RunAsync(new Dictionary<string, string>(), "models", "list", "--schemas", _schemas);
        Assert.True(fromFolder.ExitCode == 0, fromFolder.All);
        Assert.Matches($"(?m)^{Id} +unknown +{Id} \\(not compiled in", fromFolder.Output);

        var fromHub = await CliRun.RunAsync(Environment, "models", "list");
        Assert.True(fromHub.ExitCode == 0, fromHub.All);
        Assert.Matches($"(?m)^{Id} +unknown +Acme Video 1 \\(not compiled in", fromHub.Output);

        var show = await CliRun.RunAsync(Environment, "models", "show", Id);
        Assert.True(show.ExitCode == 0, show.All);
        Assert.Contains("--frames", show.Output, StringComparison.Ordinal);
        Assert.Contains("One of 24, 48.", show.Output, StringComparison.Ordinal);
    }
}
