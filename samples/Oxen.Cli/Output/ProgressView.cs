using System.Diagnostics;
using System.Globalization;
using Oxen.Video;
using Spectre.Console;

namespace Oxen.Cli.Output;

/// <summary>
/// Progress while waiting: the generation id the moment it exists (with how to resume), then the status and the
/// elapsed time. On a terminal a Spectre.Console status line is redrawn in place; otherwise one plain line per
/// status change.
/// </summary>
internal sealed class ProgressView(TextWriter output, bool interactive, string? idLifetimeNote) : IProgress<OxenGenerationProgress>
{
    private readonly Lock _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private IAnsiConsole? _console;
    private StatusContext? _status;
    private OxenGenerationStatus? _lastStatus;

    /// <summary>The generation id, once the hub gave it.</summary>
    public string? GenerationId { get; private set; }

    /// <summary>Runs <paramref name="work"/> under the progress display.</summary>
    public async Task<T> RunAsync<T>(Func<IProgress<OxenGenerationProgress>, Task<T>> work)
    {
        if (!interactive)
        {
            return await work(this).ConfigureAwait(false);
        }

        _console = Terminal.Create(output, interactive: true);
        return await _console.Status().StartAsync("Sending…", async context =>
        {
            lock (_gate)
            {
                _status = context;
            }

            var task = work(this);
            while (!task.IsCompleted)
            {
                // The elapsed time ticks between the hub's updates.
                await Task.WhenAny(task, Task.Delay(250)).ConfigureAwait(false);
                lock (_gate)
                {
                    context.Status = $"{Markup.Escape((_lastStatus ?? OxenGenerationStatus.Unknown).ToString())}  {Seconds(_clock.Elapsed)}";
                }
            }

            return await task.ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    public void Report(OxenGenerationProgress value)
    {
        lock (_gate)
        {
            if (value.GenerationId is { } id && id != GenerationId)
            {
                GenerationId = id;
                WriteLine($"Generation id: {id}  ({idLifetimeNote ?? $"resume with: oxen generations wait {id}"})");
            }

            if (value.Status != _lastStatus)
            {
                _lastStatus = value.Status;
                if (_status is null)
                {
                    WriteLine($"{value.Status} after {Seconds(value.Elapsed)}");
                }
            }
        }
    }

    private void WriteLine(string line)
    {
        if (_console is not null)
        {
            _console.MarkupLine(Markup.Escape(line));
        }
        else
        {
            output.WriteLine(line);
        }
    }

    private static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
