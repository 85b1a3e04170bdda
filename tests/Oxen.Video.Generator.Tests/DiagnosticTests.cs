using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Oxen.Video.Generator.Tests.Infrastructure;
using Xunit;

namespace Oxen.Video.Generator.Tests;

/// <summary>
/// One test per schema diagnostic. Each runs Roslyn's generator harness, which fails on any diagnostic not
/// expected (compiler errors included), and checks that a good schema beside the bad one still generates.
/// </summary>
public sealed class DiagnosticTests
{
    private const string GoodSchema = """{"type": "object", "required": ["prompt"], "properties": {"prompt": {"type": "string"}}}""";

    // Uses the good model's type, so the harness fails to compile if one bad file stopped the others.
    private const string UsesGoodModel = "public static class Probe { public static string Id => Oxen.Video.Models.GoodRequest.ModelId; }";

    [Fact]
    public async Task OXEN001_invalid_json_is_located_and_other_models_still_generate()
    {
        const string bad = "{\n  \"type\": \"object\",\n  \"properties\": {\"prompt\": {\"type\": \"string\",}}\n}";
        var (line, column) = TextPositions.Find(bad, ",}") is var p ? (p.Line, p.Column + 1) : default;
        await VerifyAsync(
            [("bad.json", bad)],
            Expect("OXEN001", "bad.json", line, column, 1).WithArguments("bad.json", "A property name in double quotes was expected."));
    }

    [Fact]
    public async Task OXEN002_a_schema_that_is_not_an_object_schema()
    {
        const string bad = """{"id": "str", "request_schema": {"type": "string"}}""";
        var (line, column) = TextPositions.Find(bad, "{\"type\": \"string\"}");
        await VerifyAsync(
            [("str.json", bad)],
            Expect("OXEN002", "str.json", line, column, 1).WithArguments("The request schema of 'str' must be a JSON object with \"type\": \"object\", not a schema of \"type\": \"string\""));
    }

    [Fact]
    public async Task OXEN003_an_unsupported_construct_falls_back_to_JsonElement()
    {
        const string schema = """{"type": "object", "properties": {"mask": {"anyOf": [{"type": "string"}, {"type": "integer"}]}}}""";
        var (line, column) = TextPositions.Find(schema, "\"anyOf\"");
        await VerifyAsync(
            [("any.json", schema)],
            "public static class Uses { public static System.Text.Json.JsonElement? Get(Oxen.Video.Models.AnyRequest r) => r.Mask; }",
            Expect("OXEN003", "any.json", line, column, 7, DiagnosticSeverity.Warning).WithArguments("Property", "mask", "'anyOf' with 2 choices (typed: one schema, or consts, with or without null)"));
    }

    [Fact]
    public async Task OXEN004_names_that_collide_after_pascal_casing()
    {
        const string schema = """{"type": "object", "properties": {"aspect_ratio": {"type": "string"}, "aspect-ratio": {"type": "string"}}}""";
        var (line, column) = TextPositions.Find(schema, "\"aspect-ratio\"");
        await VerifyAsync(
            [("clash.json", schema)],
            "public static class Uses { public static string? Get(Oxen.Video.Models.ClashRequest r) => r.AspectRatio2; }",
            Expect("OXEN004", "clash.json", line, column, 14, DiagnosticSeverity.Warning).WithArguments("property names", "'aspect_ratio'", "'aspect-ratio'", "AspectRatio", "AspectRatio2"));
    }

    [Fact]
    public async Task OXEN005_a_default_outside_its_enum()
    {
        const string schema = """{"type": "object", "properties": {"duration": {"type": "integer", "enum": [5, 10], "default": 7}}}""";
        var (line, column) = TextPositions.Find(schema, "7}");
        await VerifyAsync(
            [("dflt.json", schema)],
            Expect("OXEN005", "dflt.json", line, column, 1, DiagnosticSeverity.Warning).WithArguments("duration", "7", "the enum allows only 5, 10"));
    }

    [Fact]
    public async Task OXEN005_a_default_outside_its_range()
    {
        const string schema = """{"type": "object", "properties": {"cfg_scale": {"type": "number", "minimum": 0, "maximum": 10, "default": 11.5}}}""";
        var (line, column) = TextPositions.Find(schema, "11.5");
        await VerifyAsync(
            [("range.json", schema)],
            Expect("OXEN005", "range.json", line, column, 4, DiagnosticSeverity.Warning).WithArguments("cfg_scale", "11.5", "the range allows at least 0 and at most 10"));
    }

    [Fact]
    public async Task OXEN006_two_files_for_one_model()
    {
        const string modelObject = """{"id": "good", "request_schema": {"type": "object", "properties": {"prompt": {"type": "string"}}}}""";
        await VerifyAsync(
            [("zz-copy.json", modelObject)],
            new DiagnosticResult("OXEN006", DiagnosticSeverity.Error)
                .WithSpan(GeneratorRunner.SchemaDirectory + "zz-copy.json", 1, 1, 1, 1)
                .WithArguments("good", GeneratorRunner.SchemaDirectory + "good.json"));
    }

    [Fact]
    public async Task OXEN007_a_keyword_with_a_value_of_the_wrong_kind()
    {
        const string schema = """{"type": "object", "properties": {"steps": {"type": "integer", "maximum": "ten"}}}""";
        var (line, column) = TextPositions.Find(schema, "\"maximum\"");
        await VerifyAsync(
            [("kind.json", schema)],
            Expect("OXEN007", "kind.json", line, column, 9, DiagnosticSeverity.Warning).WithArguments("maximum", "steps", "a number"));
    }

    [Fact]
    public async Task OXEN008_a_validation_keyword_the_generator_does_not_enforce()
    {
        const string schema = """{"type": "object", "properties": {"code": {"type": "string", "pattern": "^[a-z]+$"}}}""";
        var (line, column) = TextPositions.Find(schema, "\"pattern\"");
        await VerifyAsync(
            [("pattern.json", schema)],
            Expect("OXEN008", "pattern.json", line, column, 9, DiagnosticSeverity.Warning).WithArguments("pattern", "code"));
    }

    [Fact]
    public async Task OXEN009_a_schema_property_named_model()
    {
        const string schema = """{"type": "object", "properties": {"model": {"type": "string"}, "prompt": {"type": "string"}}}""";
        var (line, column) = TextPositions.Find(schema, "\"model\"");
        await VerifyAsync(
            [("reserved.json", schema)],
            "public static class Uses { public static string? Get(Oxen.Video.Models.ReservedRequest r) => r.Prompt; }",
            Expect("OXEN009", "reserved.json", line, column, 7, DiagnosticSeverity.Warning).WithArguments("model"));
    }

    [Fact]
    public async Task OXEN014_an_empty_model_id()
    {
        const string bad = """{"id": " ", "request_schema": {"type": "object", "properties": {}}}""";
        var (line, column) = TextPositions.Find(bad, "\" \"");
        await VerifyAsync(
            [("blank.json", bad)],
            Expect("OXEN014", "blank.json", line, column, 3).WithArguments("blank.json"));
    }

    [Fact]
    public async Task OXEN011_a_number_beyond_a_double()
    {
        const string schema = """{"type": "object", "properties": {"duration": {"type": "number", "enum": [5, 1e400]}}}""";
        var (line, column) = TextPositions.Find(schema, "1e400");
        await VerifyAsync(
            [("inf.json", schema)],
            Expect("OXEN011", "inf.json", line, column, 5, DiagnosticSeverity.Warning).WithArguments("The enum member 1e400", "duration", "is beyond the range of a double"));
    }

    [Fact]
    public async Task OXEN012_a_minimum_above_the_maximum()
    {
        const string schema = """{"type": "object", "properties": {"steps": {"type": "integer", "minimum": 10, "maximum": 5}}}""";
        var (line, column) = TextPositions.Find(schema, "\"minimum\"");
        await VerifyAsync(
            [("contra.json", schema)],
            Expect("OXEN012", "contra.json", line, column, 9, DiagnosticSeverity.Warning).WithArguments("minimum", "steps", "10", "maximum", "5"));
    }

    [Fact]
    public async Task OXEN013_an_invalid_models_namespace()
    {
        var test = new OxenGeneratorTest { TestBehaviors = TestBehaviors.SkipGeneratedSourcesCheck };
        test.AddSchema("good.json", GoodSchema);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig2", "is_global = true\nbuild_property.OxenModelsNamespace = My.class\n"));
        test.TestState.Sources.Add(UsesGoodModel);
        test.ExpectedDiagnostics.Add(new DiagnosticResult("OXEN013", DiagnosticSeverity.Error).WithArguments("My.class", "Oxen.Video.Models"));
        await test.RunAsync();
    }

    [Fact]
    public void A_hostile_schema_never_crashes_the_generator()
    {
        string[] hostile =
        [
            "", "null", "[", "{\"type\": \"object\", \"properties\": {\"a\": true}}", new string('[', 5000),
            "{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"array\", \"items\": [{\"type\": \"string\"}]}}}",
            "{\"type\": [\"object\", 3], \"properties\": {\"e\": {\"enum\": [{\"a\": 1}]}, \"f\": {\"enum\": []}, \"g\": {\"type\": \"integer\", \"enum\": [\"x\"]}}}",
            "{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\", \"description\": \"one\u2028two\u2029three\u0085four; x = 1\"}}}",
            "{\"type\": \"object\", \"required\": \"prompt\", \"properties\": {\"p\": {\"type\": \"string\", \"x-enum-varnames\": [1], \"enum\": [\"\\u0000\", \"\"]}}}",
        ];
        foreach (var json in hostile)
        {
            var outcome = GeneratorRunner.Run([("hostile.json", json), ("good.json", GoodSchema)], UsesGoodModel);
            Assert.DoesNotContain(outcome.GeneratorDiagnostics, d => d.Id is "CS8785" or "AD0001");
            Assert.Empty(outcome.CompilerErrors);
        }
    }

    private static DiagnosticResult Expect(string id, string file, int line, int column, int length, DiagnosticSeverity severity = DiagnosticSeverity.Error) =>
        new DiagnosticResult(id, severity).WithSpan(GeneratorRunner.SchemaDirectory + file, line, column, line, column + length);

    private static Task VerifyAsync((string Name, string Json)[] schemas, params DiagnosticResult[] expected) =>
        VerifyAsync(schemas, UsesGoodModel, expected);

    private static async Task VerifyAsync((string Name, string Json)[] schemas, string source, params DiagnosticResult[] expected)
    {
        var test = new OxenGeneratorTest { TestBehaviors = TestBehaviors.SkipGeneratedSourcesCheck };
        test.AddSchema("good.json", GoodSchema);
        foreach (var (name, json) in schemas)
        {
            test.AddSchema(name, json);
        }

        test.TestState.Sources.Add(source);
        if (source != UsesGoodModel)
        {
            test.TestState.Sources.Add(UsesGoodModel);
        }

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }
}
