using Xunit;

namespace Oxen.Cli.Tests;

/// <summary>System.CommandLine parsing: help everywhere, usage errors (exit 2, nothing sent), suggestions, completion.</summary>
public sealed class ParsingTests : HubTestBase
{
    [Theory]
    [InlineData("--help")]
    [InlineData("generate --help")]
    [InlineData("generate --model kling-video-v2-6-pro-text-to-video --help")]
    [InlineData("generate --model kling-video-v2-6-pro-text-to-video --prompt p --help")]
    [InlineData("models list --help")]
    [InlineData("models show --help")]
    [InlineData("generations status abc --help")]
    [InlineData("generations wait abc --help")]
    [InlineData("generations cancel abc --help")]
    [InlineData("schemas pull --help")]
    [InlineData("schemas diff --help")]
    [InlineData("schemas check --help")]
    [InlineData("hub serve --help")]
    public async Task Help_works_on_every_command_and_runs_nothing(string line)
    {
        var run = await CliRun.RunAsync(HubEnvironment(), line.Split(' '));

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("Usage:", run.Output, StringComparison.Ordinal);
        Assert.Equal(0, Hub.Counters.ApiRequests);
    }

    [Fact]
    public async Task Model_help_lists_each_parameter_with_type_allowed_values_range_and_default()
    {
        var run = await CliRun.RunAsync(HubEnvironment(), "generate", "--model", Kling, "--help");

        var lines = run.Output.Split('\n');
        string Line(string flag) => Assert.Single(lines, l => l.TrimStart().StartsWith(flag + " ", StringComparison.Ordinal));
        Assert.Contains("<9:16|16:9|1:1>", Line("--aspect-ratio"), StringComparison.Ordinal);
        Assert.Contains("One of 9:16, 16:9, 1:1. Default 16:9.", Line("--aspect-ratio"), StringComparison.Ordinal);
        Assert.Contains("At least 0 and at most 10. Default 0.5.", Line("--cfg-scale"), StringComparison.Ordinal);
        Assert.Contains("One of 5, 10. Default 5.", Line("--duration"), StringComparison.Ordinal);
        Assert.Contains("true or false. Default false.", Line("--generate-audio"), StringComparison.Ordinal);
        Assert.Contains("Required.", Line("--prompt"), StringComparison.Ordinal);
        Assert.DoesNotContain("Default", Line("--prompt"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Root_help_documents_exit_codes_and_completion()
    {
        var run = await CliRun.RunAsync(HubEnvironment(), "--help");

        Assert.Contains("0 done, 1 generation failed, 2 usage or validation error (nothing was sent), 3 API or network error (or --timeout), 4 schemas diff/check findings", run.Output, StringComparison.Ordinal);
        Assert.Contains("dotnet-suggest", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("models list --bogus", "unknown option --bogus for 'oxen models list'")]
    [InlineData("generate --model kling-video-v2-6-pro-text-to-video --prompt --duration 10", "--prompt needs a value, but the next word is the option --duration.")]
    [InlineData("generate --model kling-video-v2-6-pro-text-to-video --duration 10 --prompt", "--prompt needs a value.")]
    [InlineData("generate --model kling-video-v2-6-pro-text-to-video --prompt p --cfg-scale NaN", "--cfg-scale takes a finite number; 'NaN' is not one.")]
    [InlineData("generate --model kling-video-v2-6-pro-text-to-video --prompt p --cfg-scale Infinity", "--cfg-scale takes a finite number; 'Infinity' is not one.")]
    [InlineData("generate --model kling-video-v2-6-pro-text-to-video --prompt p --cfg-scale 1e400", "--cfg-scale takes a finite number; '1e400' is not one.")]
    [InlineData("generate --model kling-video-v2-6-pro-text-to-video --prompt p --cfg-scale 11", "--cfg-scale 11 is out of range")]
    [InlineData("generate --model kling-video-v2-6-pro-text-to-video --prompt p --duration 7", "--duration 7 is not allowed; allowed: 5, 10.")]
    [InlineData("generate --model kling-video-v2-6-pro-text-to-video --duration 5", "--prompt is required.")]
    [InlineData("generate --model kling-video-v2-6-pro-text-to-video --prompt a --prompt b", "--prompt is given 2 times; give it once.")]
    [InlineData("generate --model kling-video-v2-6-pro-text-to-video --prompt p --mode fast", "--mode")]
    [InlineData("generate --model kling-video-v2-6-pro-text-to-video --prompt p --timeout 5x", "--timeout 5x is not a duration")]
    [InlineData("generate --prompt p", "--model is required")]
    [InlineData("generate --model no-such-model --prompt p", "unknown model 'no-such-model'")]
    [InlineData("models", "'oxen models' needs a command: list, show.")]
    [InlineData("genrate", "unknown command 'genrate' for 'oxen'; did you mean generate?")]
    public async Task A_usage_error_exits_2_naming_the_flag_and_sends_nothing(string line, string expected)
    {
        var run = await CliRun.RunAsync(HubEnvironment(), line.Split(' '));

        Assert.True(run.ExitCode == 2, run.All);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.All, StringComparison.Ordinal);
        Assert.Equal(0, Hub.Counters.Requests("POST", "*"));
        Assert.Equal(Hub.Counters.Requests("GET", "/api/ai/models/*"), Hub.Counters.ApiRequests);
    }

    [Theory]
    [InlineData("generate --model kling-2-6-pro --prompt p", "did you mean kling-video-v2-6-pro-text-to-video")]
    [InlineData("generate --model kling-video-v2-6-pro-text-to-vide --prompt p", "did you mean kling-video-v2-6-pro-text-to-video?")]
    [InlineData("generate --model kling-video-v2-6-pro-text-to-video --promt p", "unknown option --promt for 'oxen generate'; did you mean --prompt?")]
    [InlineData("models show kling-video-v2-6-pro-txt-to-video", "did you mean kling-video-v2-6-pro-text-to-video")]
    public async Task An_unknown_model_or_option_names_the_nearest(string line, string expected)
    {
        var run = await CliRun.RunAsync(HubEnvironment(), line.Split(' '));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);

        // An id oxen was not built with is looked up on the hub (GET, free); nothing is generated.
        Assert.Equal(0, Hub.Counters.Requests("POST", "*"));
    }

    [Fact]
    public async Task Model_ids_match_case_insensitively()
    {
        var run = await CliRun.RunAsync(HubEnvironment(), "generate", "--model", Kling.ToUpperInvariant(), "--prompt", "p", "--out", Path.Combine(Folder, "upper.mp4"));

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Equal(1, Hub.Counters.EnqueuedGenerations);
        Assert.Equal(0, (await CliRun.RunAsync(HubEnvironment(), "models", "show", Kling.ToUpperInvariant())).ExitCode);
    }

    [Theory]
    [InlineData("oxen generate --model kling-video-v2-6-pro-text-to-video --aspect-ratio ", new[] { "16:9", "1:1", "9:16" })]
    [InlineData("oxen generate --model kling-video-v2-6-pro-text-to-video --duration ", new[] { "10", "5" })]
    [InlineData("oxen generate --model kling-video-v2-6-pro-t", new[] { "kling-video-v2-6-pro-text-to-video" })]
    [InlineData("oxen models show kling-video-v2-6-pro-", new[] { "kling-video-v2-6-pro-image-to-video", "kling-video-v2-6-pro-text-to-video" })]
    public async Task Completion_offers_model_ids_and_the_chosen_model_s_allowed_values(string line, string[] expected)
    {
        var run = await CliRun.RunAsync(HubEnvironment(), $"[suggest:{line.Length}]", line);

        Assert.True(run.ExitCode == 0, run.All);
        foreach (var value in expected)
        {
            Assert.Contains(value, run.Output.Split('\n', StringSplitOptions.TrimEntries));
        }

        Assert.Equal(0, Hub.Counters.ApiRequests);
    }
}
