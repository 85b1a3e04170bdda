using System.Globalization;
using Oxen.Video;

namespace Oxen.Cli;

/// <summary>
/// Prints the generation id the moment it exists, then each status change with the elapsed time; on a terminal
/// the status line is redrawn in place.
/// </summary>
internal sealed class ProgressPrinter(TextWriter output, bool interactive) : IProgress<OxenGenerationProgress>
{
    private readonly Lock _gate = new();
    private string? _id;
    private OxenGenerationStatus? _status;

    public void Report(OxenGenerationProgress value)
    {
        lock (_gate)
        {
            if (value.GenerationId is { } id && id != _id)
            {
                _id = id;
                output.WriteLine($"Generation id: {id}  (resume with: oxen generations wait {id})");
            }

            var elapsed = value.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
            if (interactive)
            {
                output.Write($"\r{value.Status,-12} {elapsed,7} s");
                _status = value.Status;
            }
            else if (value.Status != _status)
            {
                _status = value.Status;
                output.WriteLine($"{value.Status} after {elapsed} s");
            }
        }
    }

    public void Finish()
    {
        if (interactive && _status is not null)
        {
            output.WriteLine();
        }
    }
}
