using System.Text.Json;
using Oxen.Video.Generator.Tests.Infrastructure;
using Oxen.Video.Schemas.Parsing;
using Xunit;

namespace Oxen.Video.Generator.Tests;

/// <summary>
/// <c>additionalProperties: false</c> on the request or a nested object: the generated Parse rejects a property
/// the schema does not declare (naming it and the known ones) instead of dropping it, and the run-time validator
/// reports it. Open objects keep skipping unknown properties, as the server's echo may add some.
/// </summary>
public sealed class ClosedObjectTests
{
    private const string Schema = """
        {"type": "object", "additionalProperties": false, "required": ["prompt"],
         "properties": {
           "prompt": {"type": "string"},
           "box": {"type": "object", "additionalProperties": false, "properties": {"w": {"type": "integer"}}},
           "boxes": {"type": "array", "items": {"type": "object", "additionalProperties": false, "properties": {"h": {"type": "integer"}}}},
           "open": {"type": "object", "additionalProperties": true, "properties": {"w": {"type": "integer"}}},
           "map": {"type": "object", "properties": {"a": {"type": "string"}}, "additionalProperties": {"type": "string"}}
         }}
        """;

    private static readonly Lazy<GeneratedModels> Models = new(() => GeneratedModels.Build(("closed.json", Schema)));

    [Fact]
    public void The_schema_core_marks_closed_objects_and_reports_a_schema_for_the_others()
    {
        var result = SchemaParser.Parse("/schemas/closed.json", Schema);
        var model = result.Model!;

        Assert.True(model.Request.IsClosed);
        Assert.Equal(
            [("Box", true), ("BoxesItem", true), ("Open", false), ("Map", false)],
            model.NestedObjects.Select(o => (o.TypeName.Replace("Closed", "", StringComparison.Ordinal), o.IsClosed)));
        var map = Assert.Single(result.Diagnostics);
        Assert.Equal(("OXEN008", "'additionalProperties' on 'map' is not supported by the generator; the server still enforces it"), (map.RuleId, map.Message));
        Assert.Equal(Schema.LastIndexOf("\"additionalProperties\"", StringComparison.Ordinal), map.Location.Offset);
    }

    [Theory]
    [InlineData("{\"prompt\": \"p\", \"extra\": 1}", "\"extra\" is not a property of the schema, which allows no others (additionalProperties: false); known: prompt, box, boxes, open, map.")]
    [InlineData("{\"prompt\": \"p\", \"box\": {\"w\": 1, \"h\": 2}}", "\"box.h\" is not a property of the schema, which allows no others (additionalProperties: false); known: w.")]
    [InlineData("{\"prompt\": \"p\", \"boxes\": [{\"h\": 1}, {\"w\": 2}]}", "\"boxes[].w\" is not a property of the schema, which allows no others (additionalProperties: false); known: h.")]
    public void Parse_rejects_an_unknown_property_of_a_closed_object_naming_it_and_the_known_ones(string parameters, string expected)
    {
        var error = Assert.Throws<JsonException>(() => Models.Value.Parse("closed", parameters));

        Assert.Equal(expected, error.Message);
    }

    [Theory]
    [InlineData("{\"prompt\": \"p\", \"extra\": 1}", "extra: is not a parameter of model 'closed', whose schema allows no others (additionalProperties: false); known: prompt, box, boxes, open, map.")]
    [InlineData("{\"prompt\": \"p\", \"box\": {\"w\": 1, \"h\": 2}}", "box.h: is not a parameter of box, whose schema allows no others (additionalProperties: false); known: w.")]
    [InlineData("{\"prompt\": \"p\", \"boxes\": [{\"w\": 2}]}", "boxes[0].w: is not a parameter of boxes[0], whose schema allows no others (additionalProperties: false); known: h.")]
    public void The_run_time_validator_reports_it_too(string parameters, string expected)
    {
        Assert.Equal([expected], Models.Value.RuntimeErrors("closed", parameters));
    }

    [Fact]
    public void The_model_property_and_open_objects_are_still_read()
    {
        const string parameters = "{\"prompt\":\"p\",\"box\":{\"w\":1},\"open\":{\"w\":1,\"other\":2},\"map\":{\"a\":\"x\",\"b\":\"y\"}}";
        var request = Models.Value.Parse("closed", parameters);

        Assert.True(request.Validate().IsValid);
        // Unknown properties of open objects are skipped, as before.
        Assert.Equal("{\"model\":\"closed\",\"prompt\":\"p\",\"box\":{\"w\":1},\"open\":{\"w\":1},\"map\":{\"a\":\"x\"}}", Oxen.Video.Serialization.OxenJson.Serialize(request));
    }
}
