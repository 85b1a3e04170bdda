using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Oxen.Video.Generator.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;
using JsonProperty = Oxen.Video.Schemas.Json.JsonProperty;
using JsonReader = Oxen.Video.Schemas.Json.JsonReader;
using JsonSyntaxException = Oxen.Video.Schemas.Json.JsonSyntaxException;
using JsonValue = Oxen.Video.Schemas.Json.JsonValue;

namespace Oxen.Video.Generator.Tests;

/// <summary>
/// Seeded mutations of the catalog's files (truncated, types swapped, keys dropped, hostile strings and numbers
/// injected), each through the generator and the compiler with the README's promise checked. Many cases share one
/// compilation (diagnostics only, no emit) to stay fast. A failing case prints its seed; replay it alone with
/// <c>OXEN_FUZZ_SEED=&lt;seed&gt; dotnet test --filter FuzzTests</c>.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private const int Cases = 2000;
    private const int CasesPerCompilation = 200;
    private const int BaseSeed = 20261130;

    private const string Good = """{"type": "object", "required": ["prompt"], "properties": {"prompt": {"type": "string"}}}""";
    private const string UsesGood = "public static class Probe { public static object? Get() => Oxen.Video.Models.OxenModels.Find(Oxen.Video.Models.GoodRequest.ModelId); }";

    private static readonly string[] Values =
    [
        "\"\\u0000\"", "\"\\ud800\"", "\"\\udc00x\"", "\"value__\"", "\"\"", "\" \"", "\"</summary>*/\\\"\\\"\\\"\"", "\"a\\u0007\\u001fb\"",
        "\"\\u2028\"", "3000000000", "12345678901234567890", "-12345678901234567890", "1e400", "-1e400", "-0", "1.0", "0.5", "null",
        "true", "[]", "{}", "[\"null\"]", "\"string\"", "\"integer\"", "\"number\"", "\"object\"", "\"array\"", "\"boolean\"",
        "[1, 1.0, 0, -0]", "[3000000000, 1e400, \"\\ud800\", \"value__\"]", "[\"a\", \"A\", \"a-\", \"\"]", "{\"type\": \"string\"}",
        "{\"type\": \"integer\", \"minimum\": 10, \"maximum\": 5}", "{\"type\": \"string\", \"minLength\": 9, \"maxLength\": 1}",
        "{\"type\": \"array\", \"minItems\": 3, \"maxItems\": 1, \"items\": {\"type\": \"integer\", \"enum\": [1e400]}}",
        "{\"$ref\": \"#\"}", "{\"type\": [\"string\", \"integer\"]}", "{\"enum\": [{\"a\": 1}]}",
        "{\"type\": \"object\", \"properties\": {\"mode\": {\"enum\": [\"a\"]}, \"mode_json_converter\": {\"enum\": [\"b\"]}}}",
        "{\"type\": \"string\", \"enum\": [\"x\", \"y\"], \"x-enum-varnames\": [\"value__\", \"\\ud800\"]}",
        // The combinator forms the schema core types: nullable choices, consts, references, closed objects.
        "{\"anyOf\": [{\"type\": \"integer\", \"maximum\": 3e9}, {\"type\": \"null\"}], \"default\": null}",
        "{\"oneOf\": [{\"const\": \"a\", \"title\": \"value__\"}, {\"const\": 1, \"title\": \"\\ud800\"}, {\"const\": null}]}",
        "{\"$ref\": \"#/$defs/missing\"}", "{\"allOf\": [{\"$ref\": \"#/definitions/x\"}], \"default\": \"a\"}",
        "{\"type\": \"object\", \"additionalProperties\": false, \"required\": [\"value\"], "
            + "\"properties\": {\"value\": {\"anyOf\": [{\"type\": \"object\", \"properties\": {\"reader\": {\"type\": \"string\"}}}, {\"type\": \"null\"}]}}}",
        "{\"const\": 3000000000}", "{\"type\": [\"array\", \"null\"], \"items\": {\"anyOf\": [{\"type\": \"boolean\"}, {\"type\": \"null\"}]}}",
    ];

    private static readonly string[] Names =
    [
        "\"model\"", "\"validate\"", "\"Validate\"", "\"mode_json_converter\"", "\"\\u0000\"", "\"\\ud800x\"", "\"\"", "\"type\"",
        "\"enum\"", "\"x-enum-varnames\"", "\"minimum\"", "\"maximum\"", "\"default\"", "\"request\"", "\"models\"", "\"model_info\"",
        "\"id\"", "\"properties\"", "\"items\"", "\"required\"", "\"pricing\"", "\"value__\"", "\"1st\"", "\"x-dropped\"",
    ];

    private static readonly string[] Types = ["\"string\"", "\"integer\"", "\"number\"", "\"boolean\"", "\"object\"", "\"array\"", "\"null\"", "[\"null\"]", "[\"string\", \"null\"]", "\"thing\""];

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void Mutated_catalog_files_never_break_the_promise()
    {
        var catalog = TestFiles.RepositorySchemaFiles().Select(File.ReadAllText).ToArray();
        var replay = Environment.GetEnvironmentVariable("OXEN_FUZZ_SEED");
        var seeds = replay is { Length: > 0 }
            ? [int.Parse(replay, System.Globalization.CultureInfo.InvariantCulture)]
            : Enumerable.Range(0, Cases).Select(i => HashCode.Combine(BaseSeed, i) & int.MaxValue).ToArray();

        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var batches = seeds.Chunk(CasesPerCompilation).ToArray();
        Parallel.ForEach(batches, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, batch =>
        {
            var cases = batch.Select(seed => (Seed: seed, Json: Mutate(catalog, seed))).ToArray();
            if (Check(cases) is null)
            {
                return;
            }

            // Find the culprits one by one, so each failure names a seed that replays it.
            foreach (var c in cases)
            {
                if (Check([c]) is { } broken)
                {
                    failures.Add($"seed {c.Seed} (replay: OXEN_FUZZ_SEED={c.Seed}):\n{broken}\n--- file ---\n{c.Json}");
                }
            }
        });

        // CPU time too: on a shared machine the wall clock says more about the neighbours than about this test.
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        output.WriteLine($"{seeds.Length} cases in {batches.Length} compilations: {clock.Elapsed.TotalSeconds:F1} s wall, {cpuSeconds:F1} s CPU");
        Assert.True(failures.IsEmpty, string.Join("\n\n", failures.Take(3)));
    }

    /// <summary>The broken promises of one compilation of these cases, or null when it is kept.</summary>
    private static string? Check(IReadOnlyList<(int Seed, string Json)> cases)
    {
        var schemas = cases.Select(c => ($"fuzz-{c.Seed}.json", c.Json)).Append(("good.json", Good));
        var outcome = PromiseRunner.Run(schemas, UsesGood);
        var broken = outcome.BrokenPromises();
        var unlocated = outcome.GeneratorDiagnostics.Where(d => d.Id.StartsWith("OXEN", StringComparison.Ordinal) && !d.Location.GetLineSpan().Path.StartsWith(GeneratorRunner.SchemaDirectory, StringComparison.Ordinal));
        var problems = broken.Select(d => d.ToString()).Concat(unlocated.Select(d => "unlocated: " + d)).ToList();
        if (outcome.HintNames.Count != outcome.HintNames.Distinct(StringComparer.OrdinalIgnoreCase).Count())
        {
            problems.Add("hint names differ only by case");
        }

        return problems.Count == 0 ? null : string.Join("\n", problems.Take(10));
    }

    /// <summary>A catalog file cut down to a few properties, then changed one to four times.</summary>
    private static string Mutate(string[] catalog, int seed)
    {
        var random = new Random(seed);
        var text = Shrink(catalog[random.Next(catalog.Length)], random);
        var steps = random.Next(1, 5);
        for (var i = 0; i < steps; i++)
        {
            if (random.Next(12) == 0)
            {
                return text[..random.Next(text.Length)]; // truncated: nothing to change after that
            }

            JsonValue root;
            try
            {
                root = JsonReader.Parse(text);
            }
            catch (JsonSyntaxException)
            {
                return text;
            }

            var nodes = new List<(JsonValue Value, JsonProperty? Property)>();
            Collect(root, null, nodes);
            var (value, property) = nodes[random.Next(nodes.Count)];
            text = random.Next(4) switch
            {
                0 when property is not null => Splice(text, property.NameStart.Offset, property.NameLength, Names[random.Next(Names.Length)]),
                1 when property is { Name: "type" } || nodes.Any(n => n.Property?.Name == "type") =>
                    SwapType(text, nodes.Where(n => n.Property?.Name == "type").ToList(), random),
                2 when property is not null => Splice(text, property.NameStart.Offset, property.NameLength, $"\"x-dropped-{i}\""),
                _ => Splice(text, value.Start.Offset, value.Length, Values[random.Next(Values.Length)]),
            };
        }

        return text;
    }

    private static string SwapType(string text, List<(JsonValue Value, JsonProperty? Property)> types, Random random)
    {
        var (value, _) = types[random.Next(types.Count)];
        return Splice(text, value.Start.Offset, value.Length, Types[random.Next(Types.Length)]);
    }

    private static string Splice(string text, int start, int length, string replacement) =>
        string.Concat(text.AsSpan(0, start), replacement, text.AsSpan(start + length));

    private static void Collect(JsonValue value, JsonProperty? property, List<(JsonValue, JsonProperty?)> nodes)
    {
        nodes.Add((value, property));
        switch (value)
        {
            case Oxen.Video.Schemas.Json.JsonObject obj:
                foreach (var p in obj.Properties)
                {
                    Collect(p.Value, p, nodes);
                }

                break;
            case Oxen.Video.Schemas.Json.JsonArray array:
                foreach (var item in array.Items)
                {
                    Collect(item, null, nodes);
                }

                break;
        }
    }

    /// <summary>Keeps one to three properties of the request schema, so thousands of cases compile in seconds.</summary>
    private static string Shrink(string file, Random random)
    {
        var root = JsonNode.Parse(file)!.AsObject();
        if (root["request_schema"]?["properties"] is System.Text.Json.Nodes.JsonObject properties)
        {
            var names = properties.Select(p => p.Key).ToList();
            var keep = names.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToHashSet(StringComparer.Ordinal);
            foreach (var name in names.Where(n => !keep.Contains(n)))
            {
                properties.Remove(name);
            }

            if (root["request_schema"]?["required"] is System.Text.Json.Nodes.JsonArray required)
            {
                root["request_schema"]!["required"] = new System.Text.Json.Nodes.JsonArray([.. required.Where(r => keep.Contains(r!.GetValue<string>())).Select(r => (JsonNode?)r!.GetValue<string>())]);
            }
        }

        return root.ToJsonString(Relaxed);
    }
}
