using Oxen.Video.Testing;

namespace Oxen.Video.Packaging.Tests;

/// <summary>A fresh console app outside the repository on the Oxen.Video package, run against the emulator.</summary>
public sealed class ConsoleAppTests(ITestOutputHelper log) : PackagesTest(log)
{
    private const string Kling = PackagesFixture.Kling;

    private const string KlingProgram = """
        using Oxen.Video;
        using Oxen.Video.Models;

        var request = new KlingVideoV26ProTextToVideoRequest
        {
            Prompt = "A surfer paddles into a wave at dawn",
            AspectRatio = KlingVideoV26ProTextToVideoAspectRatio.Ratio9x16,
            Duration = KlingVideoV26ProTextToVideoDuration.Seconds10,
            CfgScale = 0.5,
        };
        using var client = new OxenClient();
        var video = await client.GenerateVideoAsync(request);
        await video.SaveAsync(args[0]);
        Console.WriteLine($"Saved {new FileInfo(args[0]).Length} bytes from {client.BaseAddress}");
        """;

    [Fact]
    public async Task A_fresh_console_app_on_the_package_generates_its_request_type_and_saves_the_emulator_s_video()
    {
        var schemas = Directory.CreateDirectory(Path.Combine(Packages.Root, "emulator-schemas")).FullName;
        File.Copy(Packages.KlingSchema, Path.Combine(schemas, Kling + ".json"), overwrite: true);
        await using var hub = await OxenHubEmulator.StartAsync(new OxenHubEmulatorOptions { SchemaDirectory = schemas });
        var app = new Consumer(Packages, "KlingApp", """    <OxenSchema Include="kling.json" />""", KlingProgram);
        File.Copy(Packages.KlingSchema, Path.Combine(app.Directory, "kling.json"));

        var build = await app.BuildAsync();
        Log.WriteLine($"build: {build.Elapsed.TotalSeconds:0.0} s");
        Assert.True(build.ExitCode == 0, build.ToString());

        var video = Path.Combine(app.Directory, "surfer.mp4");
        var run = await app.RunAsync(hub.BaseAddress.ToString(), video);
        Log.WriteLine($"run: {run.Elapsed.TotalSeconds:0.0} s");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(hub.Video.ToArray(), await File.ReadAllBytesAsync(video));
        Assert.Equal(1, hub.Counters.EnqueuedGenerations);
    }
}
