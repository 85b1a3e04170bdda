using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Xunit;

namespace Oxen.Cli.Tests;

/// <summary><c>oxen hub serve --state DIR</c>: a queued id survives Ctrl+C of the client and a restart of the hub.</summary>
public sealed class HubServeTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("oxen-serve-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_queued_generation_is_waited_for_by_id_after_the_hub_restarts()
    {
        var state = Path.Combine(_folder, "state");
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}/";
        var environment = new Dictionary<string, string> { ["OXEN_BASE_URL"] = url };

        // 1. The hub, as 'oxen hub serve --port N --state DIR'.
        using var stopFirst = new CancellationTokenSource();
        var firstOutput = new LiveWriter();
        var first = CliRun.RunAsync(new CliRunOptions(new Dictionary<string, string>()) { Output = firstOutput, CancellationToken = stopFirst.Token }, "hub", "serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--state", state);
        Assert.Contains($"listening on {url}", await firstOutput.WaitForAsync("export OXEN_BASE_URL"), StringComparison.Ordinal);

        // 2. generate --mode queue, then Ctrl+C once the id is printed: exit 130, the id was on screen.
        using var ctrlC = new CancellationTokenSource();
        var generateOutput = new LiveWriter();
        var generating = CliRun.RunAsync(new CliRunOptions(environment) { Output = generateOutput, CancellationToken = ctrlC.Token }, "generate", "--model", "kling-video-v2-6-pro-text-to-video", "--prompt", "p", "--mode", "queue", "--out", Path.Combine(_folder, "never.mp4"));
        var printed = await generateOutput.WaitForAsync("Generation id:");
        await ctrlC.CancelAsync();
        var generate = await generating;
        Assert.Equal(130, generate.ExitCode);
        var id = Regex.Match(printed, "Generation id: ([0-9a-f-]{36})  \\(resume with: oxen generations wait ").Groups[1].Value;
        Assert.NotEmpty(id);

        // 3. Stop the hub (Ctrl+C) and start it again on the same folder.
        await stopFirst.CancelAsync();
        Assert.Equal(0, (await first).ExitCode);
        Assert.True(File.Exists(Path.Combine(state, "generations.json")));
        using var stopSecond = new CancellationTokenSource();
        var secondOutput = new LiveWriter();
        var second = CliRun.RunAsync(new CliRunOptions(new Dictionary<string, string>()) { Output = secondOutput, CancellationToken = stopSecond.Token }, "hub", "serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--state", state);
        await secondOutput.WaitForAsync("export OXEN_BASE_URL");

        // 4. OXEN_BASE_URL=... oxen generations wait <id>
        var path = Path.Combine(_folder, "resumed.mp4");
        var wait = await CliRun.RunAsync(environment, "generations", "wait", id, "--out", path);
        Assert.True(wait.ExitCode == 0, wait.All);
        Assert.Equal(Oxen.Video.Testing.OxenHubEmulator.SampleVideo.ToArray(), File.ReadAllBytes(path));

        await stopSecond.CancelAsync();
        Assert.Equal(0, (await second).ExitCode);
    }

    [Fact]
    public async Task As_its_own_process_SIGTERM_stops_it_cleanly_and_the_state_outlives_it()
    {
        var state = Path.Combine(_folder, "process-state");
        var port = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var environment = new Dictionary<string, string> { ["OXEN_BASE_URL"] = $"http://127.0.0.1:{port}/" };

        string id;
        using (var first = await StartServeAsync(port, state))
        {
            using var client = new Oxen.Video.OxenClient(new Oxen.Video.OxenClientOptions { BaseAddress = new Uri(environment["OXEN_BASE_URL"]) });
            id = (await client.EnqueueAsync(new Oxen.Video.Models.KlingVideoV26ProTextToVideoRequest { Prompt = "p" }))[0].Id;
            await StopWithSigtermAsync(first);
        }

        using var second = await StartServeAsync(port, state);
        var path = Path.Combine(_folder, "after-sigterm.mp4");
        var wait = await CliRun.RunAsync(environment, "generations", "wait", id, "--out", path);
        await StopWithSigtermAsync(second);

        Assert.True(wait.ExitCode == 0, wait.All);
        Assert.True(File.Exists(path));
    }

    private static async Task<System.Diagnostics.Process> StartServeAsync(string port, string state)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "oxen.dll"), "hub", "serve", "--port", port, "--state", state])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = System.Diagnostics.Process.Start(start)!;
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.Contains("export OXEN_BASE_URL", StringComparison.Ordinal))
            {
                return process;
            }
        }

        throw new InvalidOperationException("oxen hub serve ended before listening: " + await process.StandardError.ReadToEndAsync());
    }

    private static async Task StopWithSigtermAsync(System.Diagnostics.Process process)
    {
        using (var kill = System.Diagnostics.Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        var rest = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, process.ExitCode);
        Assert.Contains("Hub emulator stopped.", rest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_process_offline_the_resume_hint_says_the_id_dies_with_the_process()
    {
        var run = await CliRun.RunAsync(new Dictionary<string, string>(), "generate", "--model", "kling-video-v2-6-pro-text-to-video", "--prompt", "p", "--out", Path.Combine(_folder, "offline.mp4"));

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("this id lives only as long as this process", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("resume with", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_port_out_of_range_is_a_usage_error()
    {
        var run = await CliRun.RunAsync(new Dictionary<string, string>(), "hub", "serve", "--port", "70000");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--port must be from 1 to 65535.", run.Error, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
