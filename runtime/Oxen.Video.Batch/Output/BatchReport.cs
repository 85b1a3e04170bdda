using System.Text;
using System.Text.Json;

namespace Oxen.Video.Batch;

/// <summary>The lines of one journal and the folder its videos are in.</summary>
/// <param name="Directory">The run's output folder.</param>
/// <param name="Rows">Its journal's lines.</param>
public sealed record BatchReportSource(string Directory, IReadOnlyList<BatchJournalRow> Rows)
{
    /// <summary>The jobs file's folder, which media paths of its lines are relative to; null shows no local inputs.</summary>
    public string? InputDirectory { get; init; }
}

/// <summary>
/// Writes <c>results.jsonl</c> and <c>report.html</c> for one run's folder, or merges the journals of several
/// (the shards of one batch) into one of each.
/// </summary>
public static class BatchReport
{
    /// <summary>The results file's name.</summary>
    public const string ResultsFileName = "results.jsonl";

    /// <summary>The HTML report's name.</summary>
    public const string ReportFileName = "report.html";

    /// <summary>
    /// Merges the journals of <paramref name="directories"/> (each a run's output folder) into
    /// <paramref name="outputDirectory"/>'s <c>results.jsonl</c> and <c>report.html</c>; videos stay where they
    /// are and the report links to them.
    /// </summary>
    /// <exception cref="BatchValidationException">A folder has no journal, or two journals hold one line differently.</exception>
    public static BatchMergeResult Merge(IEnumerable<string> directories, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(directories);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        var sources = new List<BatchReportSource>();
        var problems = new List<BatchProblem>();
        var seen = new Dictionary<int, (string Directory, BatchJournalRow Row)>();
        foreach (var directory in directories.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal))
        {
            // A folder named like the journal is a damaged journal (BatchJournal.Open says so), not a missing one.
            var journalPath = Path.Combine(directory, BatchJournal.FileName);
            if (!File.Exists(journalPath) && !Directory.Exists(journalPath))
            {
                problems.Add(new BatchProblem(directory, 0, null, $"holds no {BatchJournal.FileName}: not a batch output folder"));
                continue;
            }

            using var journal = BatchJournal.Open(directory);
            var rows = journal.Rows();
            foreach (var row in rows)
            {
                if (seen.TryGetValue(row.LineNumber, out var other))
                {
                    problems.Add(new BatchProblem(directory, row.LineNumber, null,
                        $"is also in {other.Directory} ({other.Row.Key}); shards of one batch never share a line, so these folders are not one batch's shards"));
                }
                else
                {
                    seen[row.LineNumber] = (directory, row);
                }
            }

            sources.Add(new BatchReportSource(directory, rows) { InputDirectory = InputDirectoryOf(journal) });
        }

        if (problems.Count > 0)
        {
            throw new BatchValidationException(problems);
        }

        Directory.CreateDirectory(outputDirectory);
        return Write(Path.GetFullPath(outputDirectory), sources, Path.GetFullPath(outputDirectory));
    }

    /// <summary>Writes both files into <paramref name="outputDirectory"/>, each atomically (temporary file, then move).</summary>
    /// <param name="outputDirectory">Where the files go.</param>
    /// <param name="sources">The journals' lines and their folders.</param>
    /// <param name="reportDirectory">The folder the report's video links are relative to.</param>
    public static BatchMergeResult Write(string outputDirectory, IReadOnlyList<BatchReportSource> sources, string reportDirectory)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var entries = sources
            .SelectMany(s => s.Rows.Select(r => new BatchReportEntry(r, VideoLink(s.Directory, r, reportDirectory))
            {
                Inputs = BatchInputMedia.Of(r, s.InputDirectory, reportDirectory),
            }))
            .OrderBy(e => e.Row.LineNumber)
            .ToList();
        var results = Path.Combine(outputDirectory, ResultsFileName);
        var report = Path.Combine(outputDirectory, ReportFileName);
        WriteAtomically(results, stream => WriteResults(stream, entries));
        WriteAtomically(report, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true);
            HtmlReport.Write(writer, entries);
        });
        return new BatchMergeResult(entries.Count, results, report);
    }

    /// <summary>Writes one JSON object a line, in line order.</summary>
    internal static void WriteResults(Stream stream, IReadOnlyList<BatchReportEntry> entries)
    {
        var options = new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        foreach (var entry in entries)
        {
            var row = entry.Row;
            using (var writer = new Utf8JsonWriter(stream, options))
            {
                writer.WriteStartObject();
                writer.WriteNumber("line", row.LineNumber);
                writer.WriteString("key", row.Key);
                writer.WriteString("model", row.Model);
                writer.WritePropertyName("parameters");
                using (var body = JsonDocument.Parse(row.Body))
                {
                    writer.WriteStartObject();
                    foreach (var property in body.RootElement.EnumerateObject().Where(p => !p.NameEquals("model")))
                    {
                        property.WriteTo(writer);
                    }

                    writer.WriteEndObject();
                }

                writer.WriteString("id", row.GenerationId);
                writer.WriteString("status", Status(row.State));
                writer.WriteString("error", row.Error is not null && row.State != BatchLineState.Downloaded ? row.Error : null);
                WriteMoney(writer, "estimated_cost_usd", row.EstimatedCostUsd);
                WriteMoney(writer, "charged_cost_usd", row.ChargedCostUsd);
                WriteSeconds(writer, "queued_seconds", row.QueuedTime);
                WriteSeconds(writer, "processing_seconds", row.ProcessingTime);
                WriteSeconds(writer, "wait_seconds", row.WaitTime);
                writer.WriteString("file", entry.VideoLink);
                writer.WriteNumber("sends", row.Sends);
                writer.WriteEndObject();
            }

            stream.WriteByte((byte)'\n');
        }
    }

    internal static string Status(BatchLineState state) => state switch
    {
        BatchLineState.Downloaded => "succeeded",
        BatchLineState.Failed => "failed",
        BatchLineState.Enqueued => "enqueued",
        _ => "not_sent",
    };

    private static void WriteMoney(Utf8JsonWriter writer, string name, decimal? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteSeconds(Utf8JsonWriter writer, string name, TimeSpan? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, Math.Round(v.TotalSeconds, 3));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>The folder of the jobs file the journal was made from (recorded when it ran).</summary>
    internal static string? InputDirectoryOf(BatchJournal journal) =>
        journal.GetMeta("file") is { } file ? Path.GetDirectoryName(file) : null;

    private static string? VideoLink(string directory, BatchJournalRow row, string reportDirectory)
    {
        if (row.State != BatchLineState.Downloaded || row.File is null)
        {
            return null;
        }

        var relative = Path.GetRelativePath(reportDirectory, Path.Combine(directory, row.File));
        return relative.Replace(Path.DirectorySeparatorChar, '/');
    }

    private static void WriteAtomically(string path, Action<Stream> write)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                write(stream);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}

/// <summary>What a report write produced.</summary>
/// <param name="Lines">Lines written.</param>
/// <param name="ResultsPath">The <c>results.jsonl</c> written.</param>
/// <param name="ReportPath">The <c>report.html</c> written.</param>
public sealed record BatchMergeResult(int Lines, string ResultsPath, string ReportPath);

/// <summary>A line with the link to its video relative to the report.</summary>
internal sealed record BatchReportEntry(BatchJournalRow Row, string? VideoLink)
{
    /// <summary>The line's input images and videos the report shows beside its output.</summary>
    public IReadOnlyList<BatchInputMedia> Inputs { get; init; } = [];
}
