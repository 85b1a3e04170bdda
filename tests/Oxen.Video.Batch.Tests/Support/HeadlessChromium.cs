using System.Diagnostics;

namespace Oxen.Video.Batch.Tests;

/// <summary>Debian's <c>chromium-headless-shell</c>, run as a process: the DOM after load, console lines, a screenshot.</summary>
internal static class HeadlessChromium
{
    public const string InstallCommand = "apt-get update && apt-get install -y chromium-headless-shell";

    public static string? Find()
    {
        foreach (var name in new[] { "chromium-headless-shell", "chromium", "chromium-browser" })
        {
            foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
            {
                var candidate = Path.Combine(folder, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>Loads <paramref name="page"/>; returns the DOM and every console line Chromium logged.</summary>
    public static async Task<(string Dom, IReadOnlyList<string> Console)> DumpDomAsync(string browser, string page)
    {
        var (stdout, stderr) = await RunAsync(browser, "--enable-logging=stderr", "--v=0", "--dump-dom", new Uri(page).AbsoluteUri);
        var console = stderr.Split('\n').Where(l => l.Contains(":CONSOLE", StringComparison.Ordinal) || l.Contains("Uncaught", StringComparison.Ordinal)).ToList();
        return (stdout, console);
    }

    public static async Task<byte[]> ScreenshotAsync(string browser, string page, string png)
    {
        await RunAsync(browser, $"--screenshot={png}", "--window-size=1280,900", new Uri(page).AbsoluteUri);
        return await File.ReadAllBytesAsync(png);
    }

    private static async Task<(string Stdout, string Stderr)> RunAsync(string browser, params string[] arguments)
    {
        var start = new ProcessStartInfo(browser)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--no-sandbox", "--disable-gpu", "--headless", "--user-data-dir=" + Path.Combine(Path.GetTempPath(), "oxen-batch-chromium-" + Guid.NewGuid().ToString("N")) }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{browser} did not finish in 60 s.");
        }

        return (await stdout, await stderr);
    }
}
