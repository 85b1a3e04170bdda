using Oxen.Video;
using Oxen.Video.Models;
using Oxen.Video.Validation;

namespace Oxen.Cli.Cli;

/// <summary>
/// What a media option's value means on the command line: a URL or a path (relative to the working folder), or
/// <c>-</c> for standard input, which is copied (bounded) to a temporary file that lives as long as this object.
/// Response files are off, so <c>@cat.png</c> is a mistake to explain, not a file to expand.
/// </summary>
internal sealed class MediaArguments(CliContext context) : IDisposable
{
    private string? _standardInputFile;
    private string? _standardInputFlag;

    public string BaseDirectory => context.WorkingDirectory;

    /// <summary>The text to put in the request body for one value of a media option.</summary>
    public string Resolve(OxenParameterInfo parameter, string flag, string value)
    {
        if (value.StartsWith('@') && !File.Exists(Path.Combine(BaseDirectory, value)))
        {
            throw new UsageException($"{flag} {value}: '@' does not read a file here (response files are off); give the path itself: {flag} {value[1..]}");
        }

        if (value != "-")
        {
            return value;
        }

        if (parameter.Kind == OxenValueKind.Array)
        {
            throw new UsageException($"{flag} -: standard input gives one media, and {flag} takes a list; give the files' paths instead.");
        }

        if (_standardInputFlag is { } first)
        {
            throw new UsageException($"{flag} -: standard input is already read for {first}; only one option can take '-'.");
        }

        _standardInputFlag = flag;
        _standardInputFile = CopyStandardInput(flag);
        return _standardInputFile;
    }

    /// <summary>A message about the copy of standard input names standard input, not a temporary file.</summary>
    public string Explain(string message) =>
        _standardInputFile is null ? message : message.Replace($"\"{_standardInputFile}\"", "standard input", StringComparison.Ordinal);

    public void Dispose()
    {
        if (_standardInputFile is not null)
        {
            File.Delete(_standardInputFile);
        }
    }

    /// <summary>
    /// Copies standard input to a temporary file, bounded. It needs no extension: what it holds is sniffed from its
    /// first bytes, by Validate() and again when it is sent (the upload is named by that).
    /// </summary>
    private string CopyStandardInput(string flag)
    {
        var path = Path.Combine(Path.GetTempPath(), $"oxen-stdin-{Guid.NewGuid():N}");
        try
        {
            using var input = context.OpenStandardInput();
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 81920, FileOptions.None);
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = input.Read(buffer)) > 0)
            {
                total += read;
                if (total > OxenValidator.MaxMediaFileBytes)
                {
                    throw new UsageException($"{flag} -: standard input holds more than {OxenValidator.MaxMediaFileBytes} bytes, the most a media takes.");
                }

                file.Write(buffer, 0, read);
            }

            return path;
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }
}
