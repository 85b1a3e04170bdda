namespace Oxen.Video.Batch;

/// <summary>One thing wrong with a batch file, located: <c>jobs.jsonl:12: duration: ...</c>.</summary>
/// <param name="File">The batch file, as given.</param>
/// <param name="LineNumber">The 1-based line number.</param>
/// <param name="Field">The field (a JSON path such as <c>duration</c> or <c>elements[0].url</c>), or <see langword="null"/> for the whole line.</param>
/// <param name="Message">What is wrong and what is allowed.</param>
public sealed record BatchProblem(string File, int LineNumber, string? Field, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Field is null
        ? $"{File}:{LineNumber}: {Message}"
        : $"{File}:{LineNumber}: {Field}: {Message}";
}
