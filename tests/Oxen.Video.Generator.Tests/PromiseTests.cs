using Oxen.Video.Generator.Tests.Infrastructure;
using Xunit;

namespace Oxen.Video.Generator.Tests;

/// <summary>
/// The README's promise, one hostile input at a time: no CS8785 or AD0001, no error or warning inside generated
/// code (documentation on), located OXEN findings, and the good model beside the bad ones still generates.
/// </summary>
public sealed class PromiseTests
{
    private const string Good = """{"type": "object", "required": ["prompt"], "properties": {"prompt": {"type": "string"}}}""";

    // Compiles only if the good model and the registry were generated.
    private const string UsesGood = "public static class Probe { public static object? Get() => Oxen.Video.Models.OxenModels.Find(Oxen.Video.Models.GoodRequest.ModelId); }";

    private static PromiseOutcome Run(params (string Name, string Json)[] schemas) =>
        PromiseRunner.Run([("good.json", Good), .. schemas], UsesGood);

    private static string Bare(string properties) => "{\"type\": \"object\", \"properties\": {" + properties + "}}";

    [Fact]
    public void Ids_that_meet_ignoring_case_or_separators_each_generate_under_their_own_names()
    {
        var schema = Bare("""
            "aspect_ratio": {"type": "string", "enum": ["16:9", "1:1"]}
            """);
        var outcome = Run(("foo-bar.json", schema), ("foobar.json", schema), ("foo_bar.json", schema), ("Case-Model.json", schema), ("case-model.json", schema));

        outcome.AssertKept();
        var registry = outcome.Source("OxenModels.g.cs");
        foreach (var id in new[] { "foo-bar", "foobar", "foo_bar", "Case-Model", "case-model", "good" })
        {
            Assert.True(registry.Contains($"\"{id}\" => ", StringComparison.Ordinal), registry);
        }

        Assert.Equal(7, outcome.HintNames.Count);
        Assert.All(outcome.Oxen("OXEN004"), d => Assert.Contains("type names of different models", d.GetMessage(), StringComparison.Ordinal));
        Assert.Contains(outcome.Oxen("OXEN004"), d => d.GetMessage().Contains("and the request of model 'foo_bar' both become 'FooBarRequest'; the second is named 'FooBarRequest2'", StringComparison.Ordinal));
    }

    [Fact]
    public void Required_objects_and_lists_read_without_nullable_warnings()
    {
        // Found by the fuzz test (seed 1010662890): a required nested object read as "null ? null : value!" warned CS8601.
        var outcome = Run(("required-shapes.json", """
            {"type": "object", "required": ["settings", "free", "tags"], "properties": {
              "settings": {"type": "object", "properties": {"mode": {"enum": ["a"]}}},
              "free": {"type": "object"},
              "tags": {"type": "array", "items": {"type": "string"}}}}
            """));

        outcome.AssertKept();
        Assert.Contains("RequiredShapesRequest", string.Join(" ", outcome.HintNames), StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_and_blank_ids_are_located_errors_and_skip_only_that_model()
    {
        var outcome = Run(
            ("empty.json", """{"id": "", "request_schema": {"type": "object", "properties": {}}}"""),
            ("blank.json", """{"id": " \t", "request_schema": {"type": "object", "properties": {}}}"""),
            (".json", Bare("")));

        outcome.AssertKept();
        var errors = outcome.Oxen("OXEN014");
        Assert.Equal(3, errors.Count);
        Assert.Equal(3, outcome.GeneratorDiagnostics.Length);
        Assert.Equal(["GoodRequest.g.cs", "OxenModels.g.cs"], outcome.HintNames.Order(StringComparer.Ordinal));
        var empty = errors.Single(e => e.Location.GetLineSpan().Path.EndsWith("/empty.json", StringComparison.Ordinal));
        Assert.Equal(7, empty.Location.GetLineSpan().StartLinePosition.Character);
    }

    [Fact]
    public void Type_names_that_meet_across_models_are_renamed_and_reported()
    {
        var outcome = Run(
            ("kling-video.json", Bare("""
            "aspect_ratio": {"type": "string", "enum": ["16:9"]}
            """)),
            ("kling.json", Bare("""
            "video_aspect_ratio": {"type": "string", "enum": ["1:1"]}
            """)),
            ("modes.json", Bare("""
            "mode": {"type": "string", "enum": ["a"]}, "mode_json_converter": {"type": "string", "enum": ["b"]}
            """)));

        outcome.AssertKept();
        var crossModel = Assert.Single(outcome.Oxen("OXEN004"), d => d.GetMessage().Contains("KlingVideoAspectRatio", StringComparison.Ordinal));
        Assert.Equal(
            "type names of different models: 'aspect_ratio' of model 'kling-video' and 'video_aspect_ratio' of model 'kling' both become 'KlingVideoAspectRatio'; the second is named 'KlingVideoAspectRatio2'",
            crossModel.GetMessage());
        Assert.EndsWith("/kling.json", crossModel.Location.GetLineSpan().Path, StringComparison.Ordinal);
        Assert.Single(outcome.Oxen("OXEN004"), d => d.GetMessage().Contains("the JSON converter of 'mode' of model 'modes'", StringComparison.Ordinal));
    }

    [Fact]
    public void Names_of_the_runtime_and_the_registry_are_never_taken_by_a_model()
    {
        var enumOf = """{"type": "string", "enum": ["a", "b"]}""";
        var properties = string.Join(", ", new[] { "models", "model_info", "model_pricing", "parameter_info", "value_kind", "request_parser", "cost_estimate" }.Select(p => $"\"{p}\": {enumOf}"));
        var outcome = Run(("oxen.json", Bare(properties)));

        outcome.AssertKept();
        Assert.Equal(7, outcome.Oxen("OXEN004").Count(d => d.GetMessage().StartsWith("type names: the runtime's type ", StringComparison.Ordinal)));
        Assert.Contains(outcome.Oxen("OXEN004"), d => d.GetMessage() == "type names: the runtime's type OxenModelInfo and 'model_info' of model 'oxen' both become 'OxenModelInfo'; the second is named 'OxenModelInfo2'");
    }

    [Fact]
    public void Numbers_beyond_int_long_and_double_pick_long_or_are_reported_and_dropped()
    {
        var outcome = Run(("numbers.json", """
            {"id": "numbers", "pricing": {"cost_per_second": 1e400, "cost_per_second_by_resolution": {"720p": 1e400, "1080p": 0.5}},
             "request_schema": {"type": "object", "properties": {
               "big_default": {"type": "integer", "default": 3000000000},
               "long_default": {"type": "integer", "maximum": 5000000000, "default": 3000000000},
               "huge_default": {"type": "integer", "maximum": 1e20, "default": 12345678901234567890},
               "wide_enum": {"type": "integer", "enum": [3000000000, 1]},
               "huge_enum": {"type": "integer", "enum": [12345678901234567890, 2]},
               "inf_enum": {"type": "number", "enum": [1e400, 1.5]},
               "same_enum": {"type": "number", "enum": [1, 1.0, 0, -0]},
               "inf_default": {"type": "number", "default": 1e400},
               "inf_range": {"type": "number", "minimum": -1e400, "maximum": 1e400, "exclusiveMaximum": 1e400},
               "big_int_default": {"type": "integer", "default": 1e15, "maximum": 1e16}
             }}}
            """));

        outcome.AssertKept();
        Assert.Equal(3, outcome.Oxen("OXEN005").Count);
        Assert.Equal(8, outcome.Oxen("OXEN011").Count);
        var source = outcome.Source("NumbersRequest.g.cs");
        Assert.Contains("public const long LongDefault = 3000000000;", source, StringComparison.Ordinal);
        Assert.Contains("public const long BigIntDefault = 1000000000000000;", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_characters_lone_surrogates_and_markup_in_text_compile_with_valid_docs()
    {
        var outcome = Run(("text.json", """
            {"type": "object", "description": "NUL \u0000, bell \u0007, lone \ud800, \uffff, </summary> */ \"\"\"", "properties": {
              "a\u0000b": {"type": "string", "description": "x\u0001y \udc00 <br> &amp;", "title": "\u001f"},
              "\ud800bad": {"type": "string"},
              "tab\tname": {"type": "string", "enum": ["\u0000", "\ud800", "x\u001fy", "ok"]},
              "names": {"type": "string", "enum": ["a", "b", "c"], "x-enum-varnames": ["value__", "\udc00", "A\u200b"]},
              "fmt": {"type": "string", "enum": ["A", "A\u200b"], "default": "\ud800"}
            }}
            """));

        outcome.AssertKept();
        Assert.Equal(2, outcome.Oxen("OXEN011").Count);
        Assert.Contains(outcome.Oxen("OXEN011"), d => d.GetMessage().Contains("The property name \"\\uD800bad\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Contradictory_constraints_are_reported_and_ignored()
    {
        var outcome = Run(("contra.json", Bare("""
            "steps": {"type": "integer", "minimum": 10, "maximum": 5},
            "open": {"type": "number", "minimum": 1, "exclusiveMaximum": 1},
            "text": {"type": "string", "minLength": 9, "maxLength": 2},
            "list": {"type": "array", "items": {"type": "string"}, "minItems": 3, "maxItems": 1}
            """)));

        outcome.AssertKept();
        Assert.Equal(4, outcome.Oxen("OXEN012").Count);
        var source = outcome.Source("ContraRequest.g.cs");
        Assert.DoesNotContain("OxenRange(", source, StringComparison.Ordinal);
        Assert.DoesNotContain("OxenLength(", source, StringComparison.Ordinal);
        Assert.DoesNotContain("OxenItemCount(", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Vague_messages_say_what_is_wrong()
    {
        var outcome = Run(
            ("str.json", """{"id": "str", "request_schema": {"type": "string"}}"""),
            ("vague.json", Bare("""
            "validate": {"type": "string"}, "nothing": {"type": ["null"]}
            """)));

        outcome.AssertKept();
        Assert.Equal("The request schema of 'str' must be a JSON object with \"type\": \"object\", not a schema of \"type\": \"string\"", Assert.Single(outcome.Oxen("OXEN002")).GetMessage());
        Assert.Equal("property names: the member Validate every generated type has and 'validate' both become 'Validate'; the second is named 'ValidateValue'", Assert.Single(outcome.Oxen("OXEN004")).GetMessage());
        Assert.Contains("only the type 'null'", Assert.Single(outcome.Oxen("OXEN003")).GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_models_namespace_is_an_error_and_the_default_is_used()
    {
        var outcome = PromiseRunner.Run([("good.json", Good)], UsesGood, new Dictionary<string, string> { ["build_property.OxenModelsNamespace"] = "My.1Bad" });

        outcome.AssertKept();
        var error = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal("OXEN013", error.Id);
        Assert.Equal("OxenModelsNamespace 'My.1Bad' is not a C# namespace (dot-separated identifiers); the models are generated in Oxen.Video.Models", error.GetMessage());
    }
}
