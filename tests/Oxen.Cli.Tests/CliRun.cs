using Microsoft.Extensions.Logging.Abstractions;

namespace Oxen.Cli.Tests;

/// <summary>Runs the command line in-process with its own environment and captured output.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error, byte[] StandardOutputBytes)
{
    public string All => Output + Error;

    public static Task<CliRun> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunAsync(new CliRunOptions(environment), args);

    public static async Task<CliRun> RunAsync(CliRunOptions options, params string[] args)
    {
        var output = options.Output ?? new LiveWriter();
        var error = new LiveWriter();
        var bytes = new MemoryStream();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, options.CancellationToken);
        var context = new CliContext(output, error, name => options.Environment.GetValueOrDefault(name), NullLoggerFactory.Instance, options.Interactive, stop.Token)
        {
            OpenStandardOutput = () => bytes,
            OpenStandardInput = () => new MemoryStream(options.StandardInput ?? []),
            WorkingDirectory = options.WorkingDirectory ?? Directory.GetCurrentDirectory(),
            Time = options.Time ?? TimeProvider.System,
        };
        var exitCode = await OxenCli.RunAsync(args, context);
        return new CliRun(exitCode, output.ToString(), error.ToString(), bytes.ToArray());
    }
}

/// <summary>How a run is set up: its environment, and optionally a live output, a stop signal and a clock.</summary>
internal sealed record CliRunOptions(IReadOnlyDictionary<string, string> Environment)
{
    public LiveWriter? Output { get; init; }

    public CancellationToken CancellationToken { get; init; }

    public TimeProvider? Time { get; init; }

    /// <summary>What standard input holds (empty when null).</summary>
    public byte[]? StandardInput { get; init; }

    /// <summary>The folder relative media paths are read from (the process's when null).</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>As on a terminal: Spectre.Console tables and the live status line.</summary>
    public bool Interactive { get; init; }
}

/// <summary>Captured output that a test can wait on while the command still runs.</summary>
internal sealed class LiveWriter : StringWriter
{
    private readonly Lock _gate = new();
    private readonly List<(string Text, TaskCompletionSource<string> Seen)> _waiters = [];

    public override void Write(char value)
    {
        lock (_gate)
        {
            base.Write(value);
            if (value == '\n')
            {
                Signal();
            }
        }
    }

    public override void Write(string? value)
    {
        lock (_gate)
        {
            base.Write(value);
            Signal();
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        lock (_gate)
        {
            base.Write(buffer, index, count);
            Signal();
        }
    }

    public override string ToString()
    {
        lock (_gate)
        {
            return base.ToString();
        }
    }

    /// <summary>Completes with the whole output once it contains <paramref name="text"/>.</summary>
    public Task<string> WaitForAsync(string text)
    {
        lock (_gate)
        {
            var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((text, seen));
            Signal();
            return seen.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    private void Signal()
    {
        var text = GetStringBuilder().ToString();
        _waiters.RemoveAll(w =>
        {
            if (!text.Contains(w.Text, StringComparison.Ordinal))
            {
                return false;
            }

            w.Seen.TrySetResult(text);
            return true;
        });
    }
}
