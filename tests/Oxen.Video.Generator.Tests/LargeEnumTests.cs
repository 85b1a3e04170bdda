using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Oxen.Video.Generator.Tests.Infrastructure;
using Xunit;

namespace Oxen.Video.Generator.Tests;

/// <summary>
/// An enum of thousands of members, of every JSON kind, through the generator, the compiler and back: a member
/// table, not code per member, so its size costs one line per member and lookups stay fast.
/// </summary>
public sealed class LargeEnumTests
{
    private const int Count = 5000;

    [Fact]
    public void Five_thousand_members_generate_one_table_that_compiles_writes_reads_and_validates()
    {
        var members = Enumerable.Range(0, Count).Select(i => i % 3 == 0 ? $"\"style-{i}\"" : (i % 3 == 1 ? $"{i}" : $"{i}.5")).ToList();
        var schema = "{\"type\": \"object\", \"required\": [\"prompt\"], \"properties\": {\"prompt\": {\"type\": \"string\"}, "
            + "\"style\": {\"type\": [\"string\", \"number\", \"boolean\"], \"enum\": [" + string.Join(", ", members) + ", true, 12345678901234567890]}}}";

        var outcome = GeneratorRunner.Run("large-enum.json", schema);

        Assert.Empty(outcome.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Empty(outcome.CompilerErrors);
        var source = outcome.Result.GeneratedTrees.Single(t => t.FilePath.EndsWith("LargeEnumRequest.g.cs", StringComparison.Ordinal)).ToString();
        Assert.DoesNotContain(" or global::", source, StringComparison.Ordinal); // no chain of comparisons
        var lines = source.Split('\n').Length;
        Assert.True(lines < (3 * Count) + 500, $"{lines} lines for {Count} members: more than a declaration and a table line each.");

        var requestType = Load(outcome.Compilation).GetType("Oxen.Video.Models.LargeEnumRequest", throwOnError: true)!;
        var parse = requestType.GetMethod("Parse", [typeof(string)])!;
        foreach (var wire in new[] { "\"style-0\"", "4997.5", "4996", "true", "12345678901234567890", "\"style-4998\"" })
        {
            var body = $$"""{"model":"large-enum","prompt":"p","style":{{wire}}}""";
            var request = (Oxen.Video.IOxenRequest)parse.Invoke(null, [body])!;
            Assert.True(request.Validate().IsValid);
            Assert.Equal(body, Oxen.Video.Serialization.OxenJson.Serialize(request));
        }

        var error = Assert.Throws<TargetInvocationException>(() => parse.Invoke(null, ["""{"model":"large-enum","prompt":"p","style":"4"}"""]));
        var json = Assert.IsType<JsonException>(error.InnerException);
        Assert.StartsWith("'style' is \"4\", which is not allowed; allowed: \"style-0\", 1, 2.5, \"style-3\",", json.Message, StringComparison.Ordinal);
    }

    private static Assembly Load(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        stream.Position = 0;
        return new AssemblyLoadContext("large-enum", isCollectible: true).LoadFromStream(stream);
    }
}
