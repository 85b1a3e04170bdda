using System.Text.Json.Nodes;
using Oxen.Video.Testing;
using Xunit;

namespace Oxen.Cli.Tests;

/// <summary><c>oxen schemas pull|diff|check</c> against an emulator that serves the repository's schemas/.</summary>
public sealed class SchemasCommandTests : IAsyncLifetime
{
    private const string Kling = "kling-video-v2-6-pro-text-to-video";

    private readonly string _schemas = Path.Combine(AppContext.BaseDirectory, "schemas");
    private readonly string _folder = Directory.CreateTempSubdirectory("oxen-schemas-").FullName;
    private OxenHubEmulator _hub = null!;

    public async Task InitializeAsync() => _hub = await OxenHubEmulator.StartAsync(new OxenHubEmulatorOptions { SchemaDirectory = _schemas });

    public async Task DisposeAsync()
    {
        await _hub.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private Dictionary<string, string> Environment => new() { ["OXEN_BASE_URL"] = _hub.BaseAddress.ToString() };

    [Fact]
    public async Task Pull_all_video_models_reproduces_the_cached_files_byte_for_byte()
    {
        var run = await CliRun.RunAsync(Environment, "schemas", "pull", "--all-video", "--dir", _folder);

        Assert.True(run.ExitCode == 0, run.All);
        var expected = Directory.GetFiles(_schemas, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, Directory.GetFiles(_folder, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var name in expected)
        {
            Assert.True(
                File.ReadAllText(Path.Combine(_schemas, name!)) == File.ReadAllText(Path.Combine(_folder, name!)),
                $"{name}: the pulled file differs from the cached one.");
        }
    }

    [Fact]
    public async Task Pull_of_an_unknown_model_exits_3_with_the_hub_s_message()
    {
        var run = await CliRun.RunAsync(Environment, "schemas", "pull", "no-such-model", "--dir", _folder);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("Model not found", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_exits_4_on_a_breaking_change_and_5_on_an_additive_one()
    {
        // The cached copy allows a 15 s duration and lacks negative_prompt: live removed a member (breaking)
        // and added an optional property (additive).
        var cached = CachedKling();
        var properties = Properties(cached);
        properties["duration"]!["enum"]!.AsArray().Add(15);
        properties.Remove("negative_prompt");
        WriteCached(cached);

        var run = await CliRun.RunAsync(Environment, "schemas", "diff", Kling, "--dir", _folder);

        Assert.Equal(4, run.ExitCode);
        Assert.Contains("BREAKING  duration: enum member 15 removed", run.Output, StringComparison.Ordinal);
        Assert.Contains("additive  negative_prompt: optional property added", run.Output, StringComparison.Ordinal);

        properties["duration"]!["enum"]!.AsArray().RemoveAt(2);
        WriteCached(cached);
        var additiveOnly = await CliRun.RunAsync(Environment, "schemas", "diff", Kling, "--dir", _folder);
        Assert.True(additiveOnly.ExitCode == 5, additiveOnly.All);
        Assert.Contains(
            "1 model(s) compared: 0 breaking, 0 behavior, 1 additive, 0 cosmetic change(s).",
            additiveOnly.Output,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_exits_5_on_a_changed_default_and_0_on_a_changed_description()
    {
        var cached = CachedKling();
        Properties(cached)["duration"]!["default"] = 10;
        WriteCached(cached);

        var behavior = await CliRun.RunAsync(Environment, "schemas", "diff", Kling, "--dir", _folder);

        Assert.True(behavior.ExitCode == 5, behavior.All);
        Assert.Contains("behavior  duration: default changed from 10 to 5", behavior.Output, StringComparison.Ordinal);

        Properties(cached)["duration"]!["default"] = 5;
        Properties(cached)["duration"]!["description"] = "Seconds";
        WriteCached(cached);
        var cosmetic = await CliRun.RunAsync(Environment, "schemas", "diff", Kling, "--dir", _folder);

        Assert.True(cosmetic.ExitCode == 0, cosmetic.All);
        Assert.Contains(
            "cosmetic  duration: description changed from Seconds to Video duration in seconds",
            cosmetic.Output,
            StringComparison.Ordinal);
        Assert.Contains("0 breaking, 0 behavior, 0 additive, 1 cosmetic", cosmetic.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_json_gives_one_object_per_run_with_each_change_classed()
    {
        // The cached copy takes any duration 5..20; live takes 5 or 10 only.
        var cached = CachedKling();
        Properties(cached)["duration"] = JsonNode.Parse("""
            {"default": 5, "description": "Video duration in seconds", "minimum": 5, "maximum": 20,
             "type": "integer", "x-order": 3}
            """);
        WriteCached(cached);

        var run = await CliRun.RunAsync(Environment, "schemas", "diff", Kling, "--dir", _folder, "--json");

        Assert.True(run.ExitCode == 4, run.All);
        var report = JsonNode.Parse(run.Output)!.AsObject();
        Assert.Equal(["models", "summary", "exitCode"], report.Select(p => p.Key));
        var model = Assert.Single(report["models"]!.AsArray())!;
        Assert.Equal(Kling, (string?)model["id"]);
        var change = Assert.Single(model["changes"]!.AsArray())!.AsObject();
        Assert.Equal(["path", "class", "description", "before", "after"], change.Select(p => p.Key));
        Assert.Equal("duration", (string?)change["path"]);
        Assert.Equal("breaking", (string?)change["class"]);
        Assert.Equal("5..20", (string?)change["before"]);
        Assert.Equal("{5, 10}", (string?)change["after"]);
        Assert.Equal(
            "5..20 replaced by enum {5, 10}: 6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 no longer accepted",
            (string?)change["description"]);
        Assert.Equal(
            """{"models":1,"breaking":1,"behavior":0,"additive":0,"cosmetic":0}""",
            report["summary"]!.ToJsonString());
        Assert.Equal(4, (int)report["exitCode"]!);
    }

    [Fact]
    public async Task Diff_help_documents_the_exit_code_of_each_class()
    {
        var run = await CliRun.RunAsync(Environment, "schemas", "diff", "--help");

        var help = string.Join(' ', run.Output.Split((char[])['\n', ' '], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(
            "Exit 4 when any is breaking, 5 when behavior or additive ones remain, 0 when none or only cosmetic",
            help,
            StringComparison.Ordinal);
        Assert.Contains("--json", help, StringComparison.Ordinal);
    }

    private JsonNode CachedKling() => JsonNode.Parse(File.ReadAllText(Path.Combine(_schemas, Kling + ".json")))!;

    private static JsonObject Properties(JsonNode model) => model["request_schema"]!["properties"]!.AsObject();

    private void WriteCached(JsonNode model) =>
        File.WriteAllText(Path.Combine(_folder, Kling + ".json"), model.ToJsonString());

    [Theory]
    [InlineData("[]", "not array")]
    [InlineData("{\"request_schema\": ", "is not a schema file")]
    [InlineData("{\"name\": \"x\", \"json_request_schema\": \"{oops\"}", "json_request_schema is not JSON")]
    public async Task Diff_names_a_cached_file_that_is_not_a_schema_and_exits_2(string content, string fragment)
    {
        File.WriteAllText(Path.Combine(_folder, Kling + ".json"), content);

        var run = await CliRun.RunAsync(Environment, "schemas", "diff", Kling, "--dir", _folder);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{Kling}.json is not a schema file", run.Error, StringComparison.Ordinal);
        Assert.Contains(fragment, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_reports_what_the_generator_reports_with_file_and_line()
    {
        File.Copy(Path.Combine(_schemas, Kling + ".json"), Path.Combine(_folder, Kling + ".json"));
        File.WriteAllText(Path.Combine(_folder, "broken.json"), "{\n  \"type\": \"object\",\n  \"properties\": {\"code\": {\"type\": \"string\", \"pattern\": \"^a\"},}\n}");
        File.WriteAllText(Path.Combine(_folder, "pattern.json"), "{\"type\": \"object\", \"properties\": {\"code\": {\"type\": \"string\", \"pattern\": \"^a\"}}}");

        var run = await CliRun.RunAsync(Environment, "schemas", "check", "--dir", _folder);

        Assert.Equal(4, run.ExitCode);
        Assert.Contains("broken.json(3,62): error OXEN001", run.Output, StringComparison.Ordinal);
        Assert.Contains("pattern.json(1,62): warning OXEN008", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Kling, run.Output, StringComparison.Ordinal);
        Assert.Contains("3 file(s) checked, 2 with findings.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_passes_on_the_repository_schemas()
    {
        var run = await CliRun.RunAsync(Environment, "schemas", "check", "--dir", _schemas);

        Assert.True(run.ExitCode == 0, run.All);
    }

    [Fact]
    public void The_default_folder_is_the_one_of_the_build_integration()
    {
        // One default for 'oxen schemas ...' and OxenSchemaDirectory, so 'oxen schemas check' works in a consumer app.
        var targets = File.ReadAllText(Path.Combine(RepositoryRoot(), "runtime", "Oxen.Video", "build", "Oxen.Video.targets"));
        var msbuildDefault = System.Text.RegularExpressions.Regex.Match(targets, "<OxenSchemaDirectory Condition=\"[^\"]*\">([^<]+)</OxenSchemaDirectory>").Groups[1].Value;

        Assert.Equal(Cli.SchemaFolders.Default, msbuildDefault);
    }

    [Fact]
    public async Task Check_without_dir_reads_the_default_folder_of_a_consumer_app()
    {
        // As a process in the app's folder: the working directory is the process's own.
        var app = Directory.CreateDirectory(Path.Combine(_folder, "consumer-app")).FullName;
        Directory.CreateDirectory(Path.Combine(app, "oxen-schemas"));
        File.Copy(Path.Combine(_schemas, Kling + ".json"), Path.Combine(app, "oxen-schemas", Kling + ".json"));
        var start = new System.Diagnostics.ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "oxen.dll"), "schemas", "check"])
        {
            WorkingDirectory = app,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, output + error);
        Assert.Contains("1 file(s) checked, 0 with findings.", output, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Codegen.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("No Codegen.sln above " + AppContext.BaseDirectory);
    }
}
