using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;

namespace Oxen.Video.LoadTests;

/// <summary>The measuring process: warm-up, the SSE headline, SSE and queue at realistic job lengths, the verdict.</summary>
internal static class LoadRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        RunOptions options;
        try
        {
            options = RunOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            await Console.Error.WriteLineAsync("usage: Oxen.Video.LoadTests [--count 1000] [--scale 2] [--deadline-s 240]");
            return 2;
        }

        var output = Console.Out;
        using var watchdog = new Timer(
            _ =>
            {
                Console.Error.WriteLine($"WATCHDOG: the run took longer than {options.Deadline.TotalSeconds:0} s; stopping (exit 2).");
                Environment.Exit(2);
            },
            null,
            options.Deadline,
            Timeout.InfiniteTimeSpan);

        var started = Stopwatch.GetTimestamp();
        output.WriteLine($"Oxen.Video load harness, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm:ss} UTC");
        output.WriteLine($"machine: {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}, "
            + $"{RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC ({GCSettings.LatencyMode}), "
            + $"{(IsOptimized() ? "optimized" : "NOT optimized (use -c Release)")} build");
        output.WriteLine($"traffic: 127.0.0.1 only; the emulator runs in a child process (this exe, emulator mode) behind a tapping TCP relay in that process");

        var findings = new Findings();
        try
        {
            await Scenarios.WarmUpAsync(options, output);
            await Scenarios.SseAsync(options, "SSE", TimeSpan.Zero, maxConnectionsPerServer: null, gated: true, findings, output);
            await Scenarios.SseAsync(options, "SSE, starts paced over 1.5 s", TimeSpan.FromSeconds(1.5), maxConnectionsPerServer: null, gated: false, findings, output);
            await Scenarios.SseAsync(options, "SSE, MaxConnectionsPerServer 32", TimeSpan.Zero, maxConnectionsPerServer: 32, gated: false, findings, output);
            await Scenarios.SseLongJobAsync(options, TimeSpan.FromSeconds(20), findings, output, measureList: false);
            await Scenarios.SseLongJobAsync(options, TimeSpan.FromSeconds(60), findings, output, measureList: true);
            await Scenarios.QueueAsync(options, TimeSpan.FromSeconds(20), findings, output);
            await Scenarios.QueueAsync(options, TimeSpan.FromSeconds(60), findings, output);
        }
        catch (Exception ex)
        {
            await Console.Error.WriteLineAsync($"HARNESS ERROR: {ex}");
            return 2;
        }

        output.WriteLine();
        findings.Print(output);
        output.WriteLine($"(gated rows are the brief's targets; info rows are not gated. Total run {Stopwatch.GetElapsedTime(started).TotalSeconds:0} s.)");
        foreach (var problem in findings.Invalid)
        {
            output.WriteLine($"INVALID MEASUREMENT: {problem}");
        }

        var missed = findings.Missed.ToList();
        foreach (var row in missed)
        {
            output.WriteLine($"TARGET MISSED: {row.Name}: {row.Measured}, target {row.Goal}");
        }

        var code = findings.Invalid.Count > 0 ? 2 : missed.Count > 0 ? 1 : 0;
        output.WriteLine(code switch
        {
            0 => "RESULT: every target met (exit 0)",
            1 => $"RESULT: {missed.Count} target(s) missed (exit 1)",
            _ => "RESULT: the measurement is not valid (exit 2)",
        });
        return code;
    }

    private static bool IsOptimized() =>
        typeof(LoadRun).Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false) is not [DebuggableAttribute { IsJITOptimizerDisabled: true }];
}

/// <summary>Command-line settings.</summary>
internal sealed record RunOptions(int Count, double Scale, TimeSpan Deadline)
{
    /// <summary>The longest any single wait of a run may take.</summary>
    public TimeSpan StepTimeout { get; } = TimeSpan.FromSeconds(90);

    /// <summary>An emulator child stops by itself after this long, whatever happens to the parent.</summary>
    public TimeSpan ChildLifetime => Deadline + TimeSpan.FromSeconds(30);

    public static RunOptions Parse(string[] args)
    {
        var count = 1000;
        var scale = 2.0;
        var deadline = 240.0;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--count" when int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n > 0:
                    count = n;
                    i++;
                    break;
                case "--scale" when double.TryParse(value, CultureInfo.InvariantCulture, out var s) && s >= 1:
                    scale = s;
                    i++;
                    break;
                case "--deadline-s" when double.TryParse(value, CultureInfo.InvariantCulture, out var d) && d > 0:
                    deadline = d;
                    i++;
                    break;
                default:
                    throw new ArgumentException($"Unknown or invalid argument: {args[i]}");
            }
        }

        return new RunOptions(count, scale, TimeSpan.FromSeconds(deadline));
    }
}
