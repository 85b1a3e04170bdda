using Oxen.Video;
using Oxen.Video.Models;
using Oxen.Video.Testing;
using Xunit;

namespace Oxen.Cli.Tests;

/// <summary>The oxen command line end to end over HTTP: against its own in-process emulator or one the test starts.</summary>
public sealed class CliTests : IAsyncLifetime
{
    private const string Kling = "kling-video-v2-6-pro-text-to-video";
    private const string SecretKey = "oxk_cli_SECRET_51f0a2";

    private readonly string _folder = Directory.CreateTempSubdirectory("oxen-cli-").FullName;
    private OxenHubEmulator _hub = null!;

    public async Task InitializeAsync()
    {
        var options = new OxenHubEmulatorOptions
        {
            SchemaDirectory = Path.Combine(AppContext.BaseDirectory, "schemas"),
            ApiKey = SecretKey,
            QueuedDelay = TimeSpan.FromMilliseconds(20),
            ProcessingDelay = TimeSpan.FromMilliseconds(50),
            SyncDelay = TimeSpan.FromMilliseconds(50),
        };
        _hub = await OxenHubEmulator.StartAsync(options);
    }

    public async Task DisposeAsync()
    {
        await _hub.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private Dictionary<string, string> HubEnvironment(string key = SecretKey) => new()
    {
        ["OXEN_BASE_URL"] = _hub.BaseAddress.ToString(),
        ["OXEN_API_KEY"] = key,
    };

    [Fact]
    public async Task Without_key_or_base_url_it_runs_offline_against_its_own_emulator()
    {
        var path = Path.Combine(_folder, "offline.mp4");
        var run = await CliRun.RunAsync(new Dictionary<string, string>(), "generate", "--model", Kling, "--prompt", "a surfer", "--duration", "10", "--out", path);

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("local hub emulator", run.Output, StringComparison.Ordinal);
        Assert.Matches("Generation id: [0-9a-f-]{36}", run.Output);
        Assert.Contains($"Saved {path}", run.Output, StringComparison.Ordinal);
        Assert.Equal("ftyp", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(path), 4, 4));
        // 10 s at Kling 2.6 Pro's $0.07/s: estimated before sending, charged as the hub reports it after.
        Assert.Contains("Estimated cost: $0.70 (10 s (duration)", run.Output, StringComparison.Ordinal);
        Assert.Contains("Charged: $0.70.", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sync")]
    [InlineData("queue")]
    [InlineData("sse")]
    public async Task Every_mode_saves_the_video(string mode)
    {
        var path = Path.Combine(_folder, mode + ".mp4");
        var run = await CliRun.RunAsync(HubEnvironment(), "generate", "--model", Kling, "--prompt", "a surfer", "--aspect-ratio", "9:16", "--generate-audio", "true", "--mode", mode, "--out", path);

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Equal(_hub.Video.ToArray(), await File.ReadAllBytesAsync(path));
    }

    [Theory]
    [InlineData("--duration", "7", "allowed: 5, 10")]
    [InlineData("--cfg-scale", "11", "at most 10")]
    [InlineData("--speed", "2", "unknown option --speed for 'oxen generate'")]
    [InlineData("--cfg-scale", "high", "--cfg-scale takes a finite number; 'high' is not one.")]
    public async Task A_bad_value_or_unknown_parameter_exits_2_listing_what_is_allowed_and_sends_nothing(string option, string value, string expected)
    {
        var run = await CliRun.RunAsync(HubEnvironment(), "generate", "--model", Kling, "--prompt", "p", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Equal(0, _hub.Counters.ApiRequests);
    }

    [Fact]
    public async Task A_missing_required_parameter_exits_2()
    {
        var run = await CliRun.RunAsync(HubEnvironment(), "generate", "--model", Kling, "--duration", "5");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--prompt is required.", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("required property", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, _hub.Counters.ApiRequests);
    }

    [Theory]
    [InlineData("auto", System.Text.Json.JsonValueKind.String)]
    [InlineData("12", System.Text.Json.JsonValueKind.Number)]
    public async Task Mixed_type_enums_send_the_schema_s_json_type(string value, System.Text.Json.JsonValueKind expected)
    {
        var run = await CliRun.RunAsync(HubEnvironment(), "generate", "--model", "bytedance-seedance-2-5-text-to-video", "--prompt", "p", "--duration", value, "--out", Path.Combine(_folder, value + ".mp4"));
        Assert.True(run.ExitCode == 0, run.All);

        // The queue echoes the parameters it received: the hub saw "auto" as a string and 12 as a number.
        var id = System.Text.RegularExpressions.Regex.Match(run.Output, "Generation id: ([0-9a-f-]{36})").Groups[1].Value;
        using var client = new OxenClient(new OxenClientOptions { BaseAddress = _hub.BaseAddress, ApiKey = SecretKey });
        var echoed = (await client.GetGenerationAsync(id)).Json.GetProperty("duration");
        Assert.Equal(expected, echoed.ValueKind);
        Assert.Equal(value, echoed.ToString());
    }

    [Fact]
    public async Task A_failed_generation_exits_1_with_its_message()
    {
        _hub.Faults.FailNextGenerations("Insufficient credits");
        var run = await CliRun.RunAsync(HubEnvironment(), "generate", "--model", Kling, "--prompt", "p", "--out", Path.Combine(_folder, "x.mp4"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Insufficient credits", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_api_error_exits_3_and_never_prints_the_key()
    {
        const string wrongKey = "oxk_cli_WRONG_7d1e";
        var run = await CliRun.RunAsync(HubEnvironment(wrongKey), "generate", "--model", Kling, "--prompt", "p");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("401", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongKey, run.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generations_commands_work_from_a_saved_id()
    {
        using var client = new OxenClient(new OxenClientOptions { BaseAddress = _hub.BaseAddress, ApiKey = SecretKey, PollInitialInterval = TimeSpan.FromMilliseconds(20) });
        var operation = (await client.EnqueueAsync(new KlingVideoV26ProTextToVideoRequest { Prompt = "p" }))[0];
        var path = Path.Combine(_folder, "resumed.mp4");

        var wait = await CliRun.RunAsync(HubEnvironment(), "generations", "wait", operation.Id, "--out", path);
        Assert.True(wait.ExitCode == 0, wait.All);
        Assert.True(File.Exists(path));

        var status = await CliRun.RunAsync(HubEnvironment(), "generations", "status", operation.Id);
        Assert.True(status.ExitCode == 0, status.All);
        Assert.Contains("succeeded", status.Output, StringComparison.OrdinalIgnoreCase);

        var missing = await CliRun.RunAsync(HubEnvironment(), "generations", "status", "no-such-id");
        Assert.Equal(3, missing.ExitCode);
    }

    [Fact]
    public async Task Models_list_and_show_come_from_the_generated_registry()
    {
        var list = await CliRun.RunAsync(new Dictionary<string, string>(), "models", "list");
        Assert.Equal(0, list.ExitCode);
        Assert.Contains($"{OxenModels.All.Count} models.", list.Output, StringComparison.Ordinal);
        Assert.Matches($"(?m)^{Kling} +\\$[0-9.]+/s.* +Kling 2.6 Pro - Text to Video$", list.Output);
        Assert.StartsWith("ID ", list.Output, StringComparison.Ordinal);
        Assert.Contains("PRICE", list.Output.Split('\n')[0], StringComparison.Ordinal);
        Assert.Equal(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "schemas"), "*.json").Length, OxenModels.All.Count);

        var show = await CliRun.RunAsync(new Dictionary<string, string>(), "models", "show", Kling);
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("--cfg-scale", show.Output, StringComparison.Ordinal);
        Assert.Contains("One of 9:16, 16:9, 1:1. Default 16:9.", show.Output, StringComparison.Ordinal);
        Assert.Matches("price \\$[0-9.]+/s", show.Output);

        var unknown = await CliRun.RunAsync(new Dictionary<string, string>(), "models", "show", "nope");
        Assert.Equal(2, unknown.ExitCode);
    }

    [Fact]
    public async Task On_a_terminal_models_are_tables_and_waiting_shows_a_live_status()
    {
        var terminal = new CliRunOptions(HubEnvironment()) { Interactive = true };
        var list = await CliRun.RunAsync(terminal, "models", "list");
        Assert.Equal(0, list.ExitCode);
        Assert.StartsWith("╭", list.Output, StringComparison.Ordinal);
        Assert.Contains("│ Id ", list.Output, StringComparison.Ordinal);
        Assert.Contains("│ Price ", list.Output, StringComparison.Ordinal);

        var path = Path.Combine(_folder, "terminal.mp4");
        var run = await CliRun.RunAsync(terminal, "generate", "--model", Kling, "--prompt", "p", "--out", path);
        Assert.True(run.ExitCode == 0, run.All);
        Assert.Matches("Generation id: [0-9a-f-]{36}", run.Output);
        Assert.True(File.Exists(path));
    }
}
