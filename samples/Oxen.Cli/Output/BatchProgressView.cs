using System.Globalization;
using Oxen.Cli.Cli;
using Oxen.Video.Batch;
using Spectre.Console;

namespace Oxen.Cli.Output;

/// <summary>
/// A batch's progress: done, failed, in flight, cost so far and the time left. On a terminal a Spectre.Console status
/// line is redrawn in place; otherwise a plain line each time a line finishes (not on every update).
/// </summary>
internal sealed class BatchProgressView(TextWriter output, bool interactive) : IProgress<BatchProgress>
{
    private readonly Lock _gate = new();
    private BatchProgress? _last;
    private int _printedFinished = -1;

    public async Task<T> RunAsync<T>(Func<IProgress<BatchProgress>, Task<T>> work)
    {
        if (!interactive)
        {
            return await work(this).ConfigureAwait(false);
        }

        return await Terminal.Create(output, interactive: true).Status().StartAsync("Starting…", async context =>
        {
            var task = work(this);
            while (!task.IsCompleted)
            {
                await Task.WhenAny(task, Task.Delay(250)).ConfigureAwait(false);
                lock (_gate)
                {
                    if (_last is { } last)
                    {
                        context.Status = Markup.Escape(Describe(last));
                    }
                }
            }

            return await task.ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    public void Report(BatchProgress value)
    {
        lock (_gate)
        {
            _last = value;
            var finished = value.Done + value.Failed;
            if (!interactive && finished != _printedFinished)
            {
                _printedFinished = finished;
                output.WriteLine(Describe(value));
            }
        }
    }

    public static string Describe(BatchProgress p) =>
        $"{p.Done}/{p.Total} done, {p.Failed} failed, {p.InFlight} in flight, {CostGuard.Usd(p.CostSoFarUsd)} so far"
        + (p.Eta is { } eta ? $", about {eta.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture)} min left" : "");
}
