using System.Text.RegularExpressions;
using Oxen.Cli.Schemas;
using Xunit;

namespace Oxen.Cli.Tests;

/// <summary>
/// <c>oxen schemas check</c> says what the build says: every case of the generator tests' bad-schema corpus gives,
/// through <see cref="SchemaCheck"/>, exactly the ids, positions and messages the generator reported for it
/// (<c>BadSchemas/expected.txt</c>, written and checked by the generator's own parity test).
/// </summary>
public sealed partial class SchemaCheckTests : IDisposable
{
    private static readonly string Corpus = Path.Combine(AppContext.BaseDirectory, "BadSchemas");
    private readonly string _root = Directory.CreateTempSubdirectory("oxen-check-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Every_bad_schema_gives_the_generators_findings()
    {
        var expected = File.ReadAllLines(Path.Combine(Corpus, "expected.txt")).Where(l => l.Length > 0).ToList();
        var actual = new List<string>();
        foreach (var caseDirectory in Directory.GetDirectories(Corpus).Order(StringComparer.Ordinal))
        {
            var caseName = Path.GetFileName(caseDirectory);
            var folder = Directory.CreateDirectory(Path.Combine(_root, caseName)).FullName;
            var paths = new List<string>();
            foreach (var file in Directory.GetFiles(caseDirectory, "*.json").Order(StringComparer.Ordinal))
            {
                paths.Add(Path.Combine(folder, Path.GetFileName(file)));
                File.Copy(file, paths[^1]);
            }

            var findings = await SchemaCheck.RunAllAsync(paths, CancellationToken.None);
            var lines = findings.Values.SelectMany(l => l).Select(l => ToCorpusForm(l.Replace(_root + "/", "/schemas/", StringComparison.Ordinal))).OfType<string>();
            actual.AddRange(lines.Order(StringComparer.Ordinal));
        }

        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Checking_one_file_judges_it_with_its_folder()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, "dup")).FullName;
        File.WriteAllText(Path.Combine(folder, "a.json"), """{"id": "same", "request_schema": {"type": "object", "properties": {}}}""");
        File.WriteAllText(Path.Combine(folder, "b.json"), """{"id": "same", "request_schema": {"type": "object", "properties": {}}}""");

        Assert.Empty(await SchemaCheck.RunAsync(Path.Combine(folder, "a.json"), CancellationToken.None));
        var problem = Assert.Single(await SchemaCheck.RunAsync(Path.Combine(folder, "b.json"), CancellationToken.None));
        Assert.Equal($"{folder}/b.json(1,1): error OXEN006: Model 'same' is also defined by {folder}/a.json; this file is ignored", problem);
    }

    // "/schemas/case/file.json(3,5): warning OXEN004: message" → "case/file.json(3,5): OXEN004: message"; other lines are not the build's.
    private static string? ToCorpusForm(string line) =>
        Finding().Match(line) is { Success: true } m ? $"{m.Groups[1].Value}({m.Groups[2].Value},{m.Groups[3].Value}): {m.Groups[4].Value}: {m.Groups[5].Value}" : null;

    [GeneratedRegex(@"^/schemas/(.*)\((\d+),(\d+)\): (?:error|warning) (OXEN\d+): (.*)$")]
    private static partial Regex Finding();
}
