using System.Reflection;
using Microsoft.CodeAnalysis;
using Oxen.Video.Generator.Tests.Infrastructure;
using Xunit;

namespace Oxen.Video.Generator.Tests;

/// <summary>
/// Generated code a person can read (issue 14): lines of at most 160 characters, a long default stated once, and
/// helper names that no user type can hide.
/// </summary>
public sealed class ReadableOutputTests
{
    // A default longer than a line, with commas (where code would wrap) and a quote (escaped in C# and JSON).
    private static readonly string LongDefault =
        string.Join(", ", Enumerable.Range(1, 30).Select(i => $"word{i} \\\"quoted\\\" text")) + " and the end";

    private static readonly string Schema = """
        {"type": "object", "required": ["prompt"], "properties": {
          "prompt": {"type": "string", "default": "LONG", "description": "LONG"},
          "style": {"type": "string", "default": "PLAIN"},
          "next": {"type": "integer", "minimum": 1, "maximum": 9},
          "skip": {"type": "boolean"},
          "read_string": {"type": "string"},
          "items": {"type": "array", "items": {"type": "object", "required": ["w"],
            "properties": {"w": {"type": "integer", "minimum": 1, "maximum": 3}}}}
        }}
        """.Replace("LONG", LongDefault, StringComparison.Ordinal)
        .Replace("PLAIN", LongDefault.Replace("\\\"", "", StringComparison.Ordinal), StringComparison.Ordinal);

    private static readonly Lazy<GeneratedModels> Models = new(() => GeneratedModels.Build(("readable.json", Schema)));

    [Fact]
    public void A_default_wider_than_a_line_is_wrapped_and_keeps_its_value()
    {
        var outcome = GeneratorRunner.Run("readable.json", Schema);
        var source = outcome.Source("ReadableRequest.g.cs");

        Assert.All(source.Split('\n'), line => Assert.True(line.Length <= 160, line));
        var defaults = Models.Value.RequestType("readable").GetNestedType("Defaults")!;
        var expected = LongDefault.Replace("\\\"", "\"", StringComparison.Ordinal);
        Assert.Equal(expected, defaults.GetField("Prompt")!.GetRawConstantValue());
        var style = Models.Value.Info("readable").Parameters.Single(p => p.Name == "style");
        Assert.Equal("\"" + LongDefault.Replace("\\\"", "", StringComparison.Ordinal) + "\"", style.DefaultJson);
        var prompt = Models.Value.Info("readable").Parameters.Single(p => p.Name == "prompt");
        Assert.Equal("\"" + LongDefault + "\"", prompt.DefaultJson);
    }

    [Fact]
    public void A_long_default_is_stated_once_and_the_docs_name_its_constant()
    {
        var source = GeneratorRunner.Run("readable.json", Schema).Source("ReadableRequest.g.cs");

        // The unescaped default (style) is the constant only: docs and the parameter table refer to it.
        Assert.Equal(1, Count(source, "word1 quoted text"));
        Assert.Contains("\"\\\"\" + Defaults.Style + \"\\\"\"", source, StringComparison.Ordinal);
        Assert.Contains("Default <see cref=\"Defaults.Style\"/>.", source, StringComparison.Ordinal);
        Assert.Contains(
            "/// <summary>The server's default for <c>style</c>.</summary>", source, StringComparison.Ordinal);
        // Summary and remarks are never on one line.
        Assert.DoesNotContain("</summary><remarks>", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Properties_named_like_the_converter_helpers_and_user_types_named_like_them_compile()
    {
        // A user's types of those names in the generated namespace: an alias or a using static would meet them.
        const string user =
            "namespace Oxen.Video.Models { class OxenJson {} class WriteIfSet {} class NextName {} "
            + "class ReadString {} }";
        var outcome = GeneratorRunner.Run([("readable.json", Schema)], user);

        var generated = outcome.Compilation.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Where(d => d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true)
            .ToList();
        Assert.Empty(generated);
        var request = Models.Value.Parse(
            "readable", "{\"prompt\": \"p\", \"next\": 3, \"skip\": true, \"read_string\": \"r\"}");
        Assert.Equal(
            GeneratedModels.Body("readable", "{\"prompt\":\"p\",\"next\":3,\"skip\":true,\"read_string\":\"r\"}"),
            Oxen.Video.Serialization.OxenJson.Serialize(request));
    }

    [Fact]
    public void Item_paths_name_the_item_once_built()
    {
        var errors = Models.Value.GeneratedErrors(
            "readable", "{\"prompt\": \"p\", \"items\": [{\"w\": 1}, {\"w\": 7}, null]}");

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("items[1].w:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("items[2]:", StringComparison.Ordinal));
        var source = GeneratorRunner.Run("readable.json", Schema).Source("ReadableRequest.g.cs");
        Assert.Equal(1, Count(source, "\"items\" + \"[\""));
    }

    private static int Count(string text, string part)
    {
        var count = 0;
        var i = text.IndexOf(part, StringComparison.Ordinal);
        while (i >= 0)
        {
            count++;
            i = text.IndexOf(part, i + 1, StringComparison.Ordinal);
        }

        return count;
    }
}
