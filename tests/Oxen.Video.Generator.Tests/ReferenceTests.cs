using System.Text;
using Oxen.Video.Generator.Tests.Infrastructure;
using Oxen.Video.Schemas.Parsing;
using Oxen.Video.Schemas.Specs;
using Xunit;

namespace Oxen.Video.Generator.Tests;

/// <summary>
/// <c>$ref</c> into the request schema's <c>$defs</c>/<c>definitions</c> is followed (also as the one item of
/// <c>allOf</c>, pydantic's enum-with-default form); a cycle, a missing target or an outside reference is a located
/// OXEN003 and that value stays a JsonElement.
/// </summary>
public sealed class ReferenceTests
{
    private const string Schema = """
        {"type": "object", "required": ["prompt"],
         "$defs": {
           "Color": {"type": "string", "enum": ["red", "green"], "title": "Color", "description": "A color."},
           "Size": {"type": "object", "required": ["w"],
                    "properties": {"w": {"type": "integer", "minimum": 1, "maximum": 8}, "h": {"$ref": "#/definitions/Count"}}},
           "Node": {"type": "object", "properties": {"next": {"$ref": "#/$defs/Node"}, "label": {"type": "string"}}},
           "a/b": {"type": "string", "maxLength": 2}
         },
         "definitions": {"Count": {"type": "integer", "maximum": 3}},
         "properties": {
           "prompt": {"type": "string"},
           "color": {"allOf": [{"$ref": "#/$defs/Color"}], "default": "green"},
           "background": {"$ref": "#/$defs/Color", "description": "The background."},
           "size": {"$ref": "#/$defs/Size"},
           "sizes": {"type": "array", "items": {"$ref": "#/$defs/Size"}},
           "maybe_size": {"anyOf": [{"$ref": "#/$defs/Size"}, {"type": "null"}]},
           "node": {"$ref": "#/$defs/Node"},
           "code": {"$ref": "#/%24defs/a~1b"},
           "missing": {"$ref": "#/$defs/Nothing"},
           "outside": {"$ref": "other.json#/$defs/Color"},
           "sideways": {"$ref": "#/properties/prompt"}
         }}
        """;

    private static readonly Lazy<GeneratedModels> Models = new(() => GeneratedModels.Build(("refs.json", Schema)));

    [Fact]
    public void Each_reference_is_read_as_its_target_with_the_keywords_beside_it()
    {
        var model = SchemaParser.Parse("/schemas/refs.json", Schema).Model!;
        var properties = model.Request.Properties.ToDictionary(p => p.JsonName);

        var color = properties["color"];
        Assert.Equal(ValueKind.Enum, color.Type.Kind);
        Assert.Equal(["\"red\"", "\"green\""], color.Type.Enum!.Members.Select(m => m.WireJson));
        Assert.Equal(("A color.", "Green"), (color.Description, color.Default!.EnumMember));
        Assert.Equal("The background.", properties["background"].Description);
        var size = model.NestedObjects.Single(o => o.TypeName == properties["size"].Type.TypeName);
        Assert.Equal(["w", "h"], size.Properties.Select(p => p.JsonName));
        Assert.Equal(3d, size.Properties[1].Type.Constraints.Maximum);
        Assert.Equal(ValueKind.Object, properties["sizes"].Type.Item!.Kind);
        Assert.True(properties["maybe_size"].Type.IsNullable);
        Assert.Equal(2, properties["code"].Type.Constraints.MaxLength);
        var node = model.NestedObjects.Single(o => o.TypeName == properties["node"].Type.TypeName);
        Assert.Equal(ValueKind.Any, node.Properties.Single(p => p.JsonName == "next").Type.Kind);
        Assert.All(["missing", "outside", "sideways"], name => Assert.Equal(ValueKind.Any, properties[name].Type.Kind));
    }

    [Fact]
    public void A_cycle_a_missing_target_and_an_outside_reference_are_located_OXEN003()
    {
        var diagnostics = SchemaParser.Parse("/schemas/refs.json", Schema).Diagnostics;

        Assert.All(diagnostics, d => Assert.Equal("OXEN003", d.RuleId));
        var messages = diagnostics.ToDictionary(d => d.MessageArgs[1], d => d);
        Assert.Equal(["node.next", "missing", "outside", "sideways"], messages.Keys);
        Assert.Contains("'$ref' to '#/$defs/Node' inside its own definition, a cycle (#/$defs/Node → #/$defs/Node)", messages["node.next"].Message);
        Assert.Contains("which the request schema does not define", messages["missing"].Message);
        Assert.Contains("outside this file", messages["outside"].Message);
        Assert.Contains("outside the request schema's '$defs' and 'definitions'", messages["sideways"].Message);
        // Each points at its own "$ref", where the fix is.
        Assert.Equal(Schema.IndexOf("\"$ref\": \"#/$defs/Node\"}, \"label\"", StringComparison.Ordinal), messages["node.next"].Location.Offset);
        Assert.Equal(Schema.IndexOf("\"$ref\": \"other.json", StringComparison.Ordinal), messages["outside"].Location.Offset);
    }

    [Theory]
    [InlineData("{\"prompt\": \"p\", \"size\": {\"w\": 9}}", "size.w: 9 is out of range")]
    [InlineData("{\"prompt\": \"p\", \"sizes\": [{\"w\": 1}, {\"w\": 1, \"h\": 4}]}", "sizes[1].h: 4 is out of range")]
    [InlineData("{\"prompt\": \"p\", \"maybe_size\": {\"w\": 0}}", "maybe_size.w: 0 is out of range")]
    [InlineData("{\"prompt\": \"p\", \"code\": \"abc\"}", "code:")]
    public void A_referenced_schema_is_checked_by_both_validators(string parameters, string expected)
    {
        var generated = Models.Value.GeneratedErrors("refs", parameters);

        Assert.StartsWith(expected, Assert.Single(generated), StringComparison.Ordinal);
        Assert.Equal(generated, Models.Value.RuntimeErrors("refs", parameters));
    }

    [Fact]
    public void Pydantic_s_enum_with_a_default_is_a_typed_enum_with_its_constant_and_round_trips()
    {
        var type = Models.Value.RequestType("refs");
        var green = type.GetNestedType("Defaults")!.GetField("Color")!.GetValue(null)!;
        Assert.Equal("Green", green.ToString());

        const string parameters = "{\"prompt\":\"p\",\"color\":\"red\",\"node\":{\"next\":{\"anything\":1},\"label\":\"l\"},\"maybe_size\":null}";
        var request = Models.Value.Parse("refs", parameters);
        Assert.True(request.Validate().IsValid);
        Assert.Equal(GeneratedModels.Body("refs", parameters.Replace(",\"maybe_size\":null", "")), Oxen.Video.Serialization.OxenJson.Serialize(request));
        Assert.Contains("'color'", Assert.Single(Models.Value.GeneratedErrors("refs", "{\"prompt\": \"p\", \"color\": \"blue\"}")));
    }

    [Fact]
    public void Definitions_that_fan_out_stop_at_a_bound_instead_of_growing_without_end()
    {
        // Each definition uses the next twice: followed naively, 2^16 objects.
        var defs = new StringBuilder();
        for (var i = 0; i < 16; i++)
        {
            defs.Append($"\"D{i}\": {{\"type\": \"object\", \"properties\": {{\"a\": {{\"$ref\": \"#/$defs/D{i + 1}\"}}, \"b\": {{\"$ref\": \"#/$defs/D{i + 1}\"}}}}}},");
        }

        var schema = $"{{\"type\": \"object\", \"$defs\": {{{defs}\"D16\": {{\"type\": \"string\"}}}}, \"properties\": {{\"root\": {{\"$ref\": \"#/$defs/D0\"}}}}}}";
        var result = SchemaParser.Parse("/schemas/fan.json", schema);

        Assert.InRange(result.Model!.NestedObjects.Count, 100, 1000);
        Assert.Contains(result.Diagnostics, d => d.RuleId == "OXEN003" && d.Message.Contains("after 1000 references were followed", StringComparison.Ordinal));
    }
}
