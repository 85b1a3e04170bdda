using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Oxen.Video.Tests.Infrastructure;

namespace Oxen.Video.Tests.Conformance;

/// <summary>One test of the suite: its data and whether the suite calls it valid.</summary>
/// <param name="Name"><c>draft/file.json: group description / test description</c>, the name the skip list uses.</param>
public sealed record SuiteCase(string Name, string ModelId, string DataJson, bool Valid);

/// <summary>One schema of the suite, wrapped as the property <c>value</c> of a model schema, and its tests.</summary>
internal sealed record SuiteGroup(string ModelId, string WrappedSchemaJson, IReadOnlyList<SuiteCase> Cases);

/// <summary>
/// The vendored JSON Schema Test Suite files. Each case's schema becomes property <c>value</c> of the model
/// <c>conformance-[draft4-]&lt;file&gt;-&lt;n&gt;</c>: <c>{"type":"object","properties":{"value": schema}}</c>.
/// </summary>
internal static class JsonSchemaTestSuite
{
    private static readonly (string Draft, string Prefix)[] Drafts = [("draft2020-12", ""), ("draft4", "draft4-")];

    // The keywords that apply to one JSON type only. Oxen's schemas always state "type"; a suite schema that leaves
    // it out gets the type its keywords apply to, so the generator types the property (data of any other type is
    // then a case the typed model cannot hold, skipped by name in ConformanceSkips).
    private static readonly (string Type, string[] Keywords)[] KeywordTypes =
    [
        ("number", ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"]),
        ("string", ["minLength", "maxLength", "pattern", "format"]),
        ("array", ["items", "prefixItems", "minItems", "maxItems", "contains", "uniqueItems"]),
        ("object", ["properties", "required", "patternProperties", "additionalProperties", "minProperties", "maxProperties"]),
    ];

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IReadOnlyList<SuiteGroup> Groups { get; } = Load();

    public static IEnumerable<SuiteCase> Cases => Groups.SelectMany(g => g.Cases);

    private static SuiteGroup[] Load()
    {
        var groups = new List<SuiteGroup>();
        foreach (var (draft, prefix) in Drafts)
        {
            foreach (var path in Directory.GetFiles(Path.Combine(TestFiles.SuiteDirectory, draft), "*.json").Order(StringComparer.Ordinal))
            {
                var file = Path.GetFileName(path);
                using var document = JsonDocument.Parse(File.ReadAllBytes(path));
                var index = 0;
                foreach (var group in document.RootElement.EnumerateArray())
                {
                    var id = $"conformance-{prefix}{Path.GetFileNameWithoutExtension(path)}-{index++}";
                    var description = group.GetProperty("description").GetString();
                    var cases = group.GetProperty("tests").EnumerateArray().Select(test => new SuiteCase(
                        $"{draft}/{file}: {description} / {test.GetProperty("description").GetString()}",
                        id,
                        test.GetProperty("data").GetRawText(),
                        test.GetProperty("valid").GetBoolean())).ToList();
                    groups.Add(new SuiteGroup(id, Wrap(group.GetProperty("schema")), cases));
                }
            }
        }

        var duplicate = groups.SelectMany(g => g.Cases).GroupBy(c => c.Name).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? [.. groups] : throw new InvalidOperationException($"Two suite cases are named '{duplicate.Key}'.");
    }

    private static string Wrap(JsonElement schema)
    {
        var value = JsonNode.Parse(schema.GetRawText());
        if (value is JsonObject keywords && !keywords.ContainsKey("type"))
        {
            var implied = KeywordTypes.Where(t => t.Keywords.Any(keywords.ContainsKey)).Select(t => t.Type).ToList();
            if (implied.Count == 1)
            {
                keywords["type"] = implied[0];
            }
        }

        var wrapped = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { ["value"] = value },
        };

        // "#/$defs/x" names the suite schema's own definitions; wrapped, '#' is the wrapper, so they move up to it.
        foreach (var definitions in new[] { "$defs", "definitions" })
        {
            if (value is JsonObject suiteSchema && suiteSchema[definitions] is { } defs)
            {
                suiteSchema.Remove(definitions);
                wrapped[definitions] = defs;
            }
        }

        return wrapped.ToJsonString(Relaxed);
    }
}
