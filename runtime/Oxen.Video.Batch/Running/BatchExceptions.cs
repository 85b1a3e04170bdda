namespace Oxen.Video.Batch;

/// <summary>The batch file (or its journal) has problems; nothing was sent.</summary>
public sealed class BatchValidationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BatchValidationException(IReadOnlyList<BatchProblem> problems)
        : base(BuildMessage(problems)) => Problems = problems;

    /// <summary>Every problem, located.</summary>
    public IReadOnlyList<BatchProblem> Problems { get; }

    private static string BuildMessage(IReadOnlyList<BatchProblem> problems)
    {
        var shown = problems.Take(20).Select(p => p.ToString());
        var more = problems.Count > 20 ? $"{Environment.NewLine}... and {problems.Count - 20} more" : string.Empty;
        return $"The batch has {problems.Count} problem(s); nothing was sent:{Environment.NewLine}{string.Join(Environment.NewLine, shown)}{more}";
    }
}

/// <summary>The batch was refused before anything was sent: over its cost limit, or its folder is in use.</summary>
public sealed class BatchRefusedException(string message) : Exception(message);

/// <summary>The batch journal cannot be read (truncated, a foreign file, a folder); nothing was sent.</summary>
public sealed class BatchJournalException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The journal file.</param>
    /// <param name="message">What is wrong and what to do.</param>
    /// <param name="innerException">The SQLite error, when there is one.</param>
    public BatchJournalException(string path, string message, Exception? innerException = null)
        : base(message, innerException) => Path = path;

    /// <summary>The journal file.</summary>
    public string Path { get; }
}
