using System.Text.Json;
using NJsonSchema;
using Oxen.Video.Schemas.Parsing;

namespace Oxen.Cli.Schemas;

/// <summary>
/// Checks cached files as the build would: the schema core's findings for each file and across the files of one
/// folder (two files for one id, type names that meet), exactly the generator's, in the compiler's form; then
/// NJsonSchema must read each request schema as JSON Schema.
/// </summary>
internal static class SchemaCheck
{
    /// <summary>The findings of one file, judged together with the other <c>*.json</c> files of its folder.</summary>
    public static async Task<List<string>> RunAsync(string path, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        var siblings = Directory.EnumerateFiles(folder, "*.json").Select(Path.GetFullPath).ToList();
        var full = Path.GetFullPath(path);
        if (!siblings.Contains(full, StringComparer.Ordinal))
        {
            siblings.Add(full);
        }

        // `schemas check` asks file by file: judge the folder once, not once per file.
        var stamp = string.Join("|", siblings.Order(StringComparer.Ordinal).Select(f => $"{f}:{File.GetLastWriteTimeUtc(f).Ticks}"));
        var cached = _lastFolder;
        if (cached is null || cached.Stamp != stamp)
        {
            cached = new FolderFindings(stamp, await RunAllAsync(siblings, cancellationToken).ConfigureAwait(false));
            _lastFolder = cached;
        }

        return [.. cached.Findings[full]];
    }

    private static FolderFindings? _lastFolder;

    /// <summary>The findings of every file, keyed by the path as given; cross-file findings come from the core's <see cref="SchemaSet"/>.</summary>
    public static async Task<IReadOnlyDictionary<string, List<string>>> RunAllAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var files = new List<(string Path, string Text)>();
        foreach (var path in paths)
        {
            files.Add((path, await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false)));
        }

        var problems = paths.ToDictionary(p => p, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var diagnostic in SchemaSet.Check(files))
        {
            problems[diagnostic.Location.Path].Add(diagnostic.ToString());
        }

        foreach (var (path, text) in files)
        {
            if (problems[path].Any(p => p.Contains(": error OXEN", StringComparison.Ordinal)) || await NJsonSchemaProblemAsync(text, cancellationToken).ConfigureAwait(false) is not { } problem)
            {
                continue;
            }

            problems[path].Add($"{path}: error: NJsonSchema cannot read the request schema: {problem}");
        }

        return problems;
    }

    private static async Task<string?> NJsonSchemaProblemAsync(string text, CancellationToken cancellationToken)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var schema = SchemaJson.RequestSchema(document.RootElement);
            await JsonSchema.FromJsonAsync(schema.GetRawText(), cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException or Newtonsoft.Json.JsonException)
        {
            return ex.Message;
        }
    }
}

/// <summary>The findings of one folder's files, and the file names and times they were made from.</summary>
internal sealed record FolderFindings(string Stamp, IReadOnlyDictionary<string, List<string>> Findings);
