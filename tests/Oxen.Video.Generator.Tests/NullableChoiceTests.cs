using Oxen.Video.Generator.Tests.Infrastructure;
using Oxen.Video.Schemas.Parsing;
using Oxen.Video.Schemas.Specs;
using Xunit;

namespace Oxen.Video.Generator.Tests;

/// <summary>
/// <c>anyOf</c>/<c>oneOf</c> of one schema and <c>{"type": "null"}</c> (pydantic v2's and OpenAPI 3.1's optional
/// value) is that schema, nullable: its type, range, length and enum are checked as on a plain property. A required
/// one may be null and is sent as JSON null; an optional one reads JSON null as "not set" and leaves it out.
/// </summary>
public sealed class NullableChoiceTests
{
    private const string Schema = """
        {"type": "object", "required": ["prompt", "seed"],
         "properties": {
           "prompt": {"type": "string"},
           "seed": {"anyOf": [{"type": "integer", "minimum": 0, "maximum": 100}, {"type": "null"}],
                    "title": "Seed", "description": "The seed."},
           "negative_prompt": {"oneOf": [{"type": "null"}, {"type": "string", "maxLength": 5}], "default": null},
           "cfg": {"anyOf": [{"type": "number", "exclusiveMinimum": 0}, {"type": "null"}], "default": 0.5},
           "style": {"anyOf": [{"type": "string", "enum": ["a", "b"]}, {"type": "null"}]},
           "tags": {"anyOf": [{"type": "array", "items": {"type": "string"}, "maxItems": 2}, {"type": "null"}]},
           "names": {"type": "array", "items": {"anyOf": [{"type": "string", "minLength": 2}, {"type": "null"}]}},
           "mask": {"type": ["string", "null"], "maxLength": 3}
         }}
        """;

    private static readonly Lazy<GeneratedModels> Models = new(() => GeneratedModels.Build(("nullable.json", Schema)));

    [Fact]
    public void The_one_schema_is_read_with_all_its_checks_and_the_outer_docs_and_default()
    {
        var result = SchemaParser.Parse("/schemas/nullable.json", Schema);

        Assert.Empty(result.Diagnostics);
        var properties = result.Model!.Request.Properties.ToDictionary(p => p.JsonName);
        var seed = properties["seed"];
        Assert.Equal((ValueKind.Integer, true, true), (seed.Type.Kind, seed.Type.IsNullable, seed.IsRequired));
        Assert.Equal((0d, 100d), (seed.Type.Constraints.Minimum!.Value, seed.Type.Constraints.Maximum!.Value));
        Assert.Equal(("Seed", "The seed."), (seed.Title, seed.Description));
        Assert.Equal((ValueKind.String, 5), (properties["negative_prompt"].Type.Kind, properties["negative_prompt"].Type.Constraints.MaxLength!.Value));
        Assert.Null(properties["negative_prompt"].Default);
        Assert.Equal(0.5, properties["cfg"].Default!.Number);
        Assert.True(properties["cfg"].Type.Constraints.ExclusiveMinimum);
        Assert.Equal(ValueKind.Enum, properties["style"].Type.Kind);
        Assert.Equal(["\"a\"", "\"b\""], properties["style"].Type.Enum!.Members.Select(m => m.WireJson));
        Assert.Equal((ValueKind.Array, 2), (properties["tags"].Type.Kind, properties["tags"].Type.Constraints.MaxItems!.Value));
        Assert.True(properties["names"].Type.Item!.IsNullable);
        Assert.True(properties["mask"].Type.IsNullable);
        Assert.All(properties.Values.Where(p => p.JsonName is not "prompt" and not "names"), p => Assert.True(p.Type.IsNullable, p.JsonName));
    }

    [Theory]
    [InlineData("anyOf", true)]
    [InlineData("anyOf", false)]
    [InlineData("oneOf", true)]
    [InlineData("oneOf", false)]
    public void Either_order_of_anyOf_and_oneOf_gives_the_same_type(string keyword, bool nullFirst)
    {
        const string integer = "{\"type\": \"integer\", \"maximum\": 3}";
        const string none = "{\"type\": \"null\"}";
        var choices = nullFirst ? $"{none}, {integer}" : $"{integer}, {none}";
        var schema = $"{{\"type\": \"object\", \"properties\": {{\"seed\": {{\"{keyword}\": [{choices}]}}}}}}";

        var result = SchemaParser.Parse("/schemas/order.json", schema);

        Assert.Empty(result.Diagnostics);
        var seed = Assert.Single(result.Model!.Request.Properties).Type;
        Assert.Equal((ValueKind.Integer, 3d, true), (seed.Kind, seed.Constraints.Maximum!.Value, seed.IsNullable));
    }

    [Theory]
    [InlineData("{\"prompt\": \"p\", \"seed\": 101}", "seed: 101 is out of range")]
    [InlineData("{\"prompt\": \"p\", \"seed\": 1, \"negative_prompt\": \"too long\"}", "negative_prompt:")]
    [InlineData("{\"prompt\": \"p\", \"seed\": 1, \"cfg\": 0}", "cfg:")]
    [InlineData("{\"prompt\": \"p\", \"seed\": 1, \"tags\": [\"a\", \"b\", \"c\"]}", "tags:")]
    [InlineData("{\"prompt\": \"p\", \"seed\": 1, \"names\": [\"ab\", \"c\"]}", "names[1]:")]
    [InlineData("{\"prompt\": \"p\", \"seed\": 1, \"mask\": \"abcd\"}", "mask:")]
    public void A_nullable_value_is_checked_like_a_plain_property_by_both_validators(string parameters, string expected)
    {
        var generated = Models.Value.GeneratedErrors("nullable", parameters);

        var error = Assert.Single(generated);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
        Assert.Equal(generated, Models.Value.RuntimeErrors("nullable", parameters));
    }

    [Theory]
    [InlineData("{\"prompt\": \"p\", \"seed\": \"7\"}", "'seed' must be an integer")]
    [InlineData("{\"prompt\": \"p\", \"seed\": 1, \"style\": \"c\"}", "'style'")]
    [InlineData("{\"prompt\": \"p\", \"seed\": 1, \"negative_prompt\": 5}", "'negative_prompt' must be a string")]
    public void A_value_of_the_wrong_type_fails_in_Parse_as_on_a_plain_property(string parameters, string expected)
    {
        var error = Assert.Single(Models.Value.GeneratedErrors("nullable", parameters));

        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.NotEmpty(Models.Value.RuntimeErrors("nullable", parameters));
    }

    [Fact]
    public void A_required_nullable_value_round_trips_an_explicit_null_and_must_still_be_present()
    {
        const string parameters = "{\"prompt\":\"p\",\"seed\":null,\"names\":[\"ab\",null]}";
        var request = Models.Value.Parse("nullable", parameters);

        Assert.True(request.Validate().IsValid, request.Validate().ToString());
        Assert.Equal(GeneratedModels.Body("nullable", parameters), Oxen.Video.Serialization.OxenJson.Serialize(request));
        Assert.Empty(Models.Value.RuntimeErrors("nullable", parameters));

        var missing = Assert.Single(Models.Value.GeneratedErrors("nullable", "{\"prompt\": \"p\"}"));
        Assert.Equal("Parse: The required property 'seed' is missing.", missing);
        Assert.Equal(["seed: is required but was not set."], Models.Value.RuntimeErrors("nullable", "{\"prompt\": \"p\"}"));
    }

    [Fact]
    public void An_optional_nullable_value_reads_null_as_not_set_and_leaves_it_out()
    {
        var request = Models.Value.Parse("nullable", "{\"prompt\":\"p\",\"seed\":3,\"negative_prompt\":null,\"style\":null}");

        Assert.True(request.Validate().IsValid);
        Assert.Equal("{\"model\":\"nullable\",\"prompt\":\"p\",\"seed\":3}", Oxen.Video.Serialization.OxenJson.Serialize(request));
        Assert.Empty(Models.Value.RuntimeErrors("nullable", "{\"prompt\":\"p\",\"seed\":3,\"negative_prompt\":null,\"style\":null}"));
    }

    [Fact]
    public void The_generated_types_say_what_may_be_null()
    {
        var type = Models.Value.RequestType("nullable");

        Assert.Equal(typeof(int?), type.GetProperty("Seed")!.PropertyType);
        Assert.Equal(typeof(double?), type.GetProperty("Cfg")!.PropertyType);
        var context = new System.Reflection.NullabilityInfoContext();
        Assert.Equal(System.Reflection.NullabilityState.Nullable, context.Create(type.GetProperty("NegativePrompt")!).ReadState);
        Assert.Equal(System.Reflection.NullabilityState.NotNull, context.Create(type.GetProperty("Prompt")!).ReadState);
    }

    [Fact]
    public void Every_kind_of_value_can_be_required_and_null_and_compiles_round_trips_and_validates()
    {
        const string kinds = """
            {"type": "object",
             "required": ["flag", "ratio", "mode", "free", "image", "box", "boxes", "list", "items"],
             "properties": {
               "flag": {"anyOf": [{"type": "boolean"}, {"type": "null"}]},
               "ratio": {"type": ["number", "null"]},
               "mode": {"enum": ["a", "b", null]},
               "free": {"anyOf": [{"type": "object"}, {"type": "null"}]},
               "image": {"anyOf": [{"type": "string", "format": "uri"}, {"type": "null"}]},
               "box": {"anyOf": [{"type": "object", "required": ["w"], "properties": {"w": {"type": "integer"}}}, {"type": "null"}]},
               "boxes": {"type": "array", "items": {"anyOf": [{"type": "object", "properties": {"h": {"type": "integer", "maximum": 1}}},
                                                              {"type": "null"}]}},
               "list": {"anyOf": [{"type": "array", "items": {"type": "integer"}}, {"type": "null"}]},
               "items": {"type": "array", "items": {"anyOf": [{"type": "integer"}, {"type": "null"}]}}
             }}
            """;
        var models = GeneratedModels.Build(("kinds.json", kinds));
        const string nulls = "{\"flag\":null,\"ratio\":null,\"mode\":null,\"free\":null,\"image\":null,\"box\":null,"
            + "\"boxes\":[null,{\"h\":1}],\"list\":null,\"items\":[1]}";

        var request = models.Parse("kinds", nulls);

        Assert.True(request.Validate().IsValid, request.Validate().ToString());
        Assert.Equal(GeneratedModels.Body("kinds", nulls), Oxen.Video.Serialization.OxenJson.Serialize(request));
        Assert.Empty(models.RuntimeErrors("kinds", nulls));
        var wrong = nulls.Replace("{\"h\":1}", "{\"h\":2}", StringComparison.Ordinal);
        Assert.Equal(["boxes[1].h: 2 is out of range; allowed: at most 1."], models.GeneratedErrors("kinds", wrong));
        Assert.Equal(models.GeneratedErrors("kinds", wrong), models.RuntimeErrors("kinds", wrong));
        // A list of integers holds no null: the C# list is of int, so the item stays non-nullable.
        Assert.Contains("may not contain null", Assert.Single(models.GeneratedErrors("kinds", nulls.Replace("[1]", "[null]"))));
    }

    [Theory]
    [InlineData("{\"anyOf\": [{\"type\": \"string\"}, {\"type\": \"integer\"}]}", "'anyOf' with 2 choices")]
    [InlineData("{\"oneOf\": [{\"type\": \"null\"}]}", "'oneOf' whose only choice is null")]
    [InlineData("{\"anyOf\": [{\"type\": \"string\"}, {\"type\": \"null\"}], \"oneOf\": [{\"type\": \"string\"}]}", "'oneOf' beside 'anyOf'")]
    [InlineData("{\"anyOf\": [{\"type\": \"string\", \"maxLength\": 2}, {\"type\": \"null\"}], \"maxLength\": 3}", "both set 'maxLength'")]
    [InlineData("{\"anyOf\": true}", "'anyOf' that is not a list of schemas")]
    public void Other_choices_stay_a_located_OXEN003_and_a_JsonElement(string property, string expected)
    {
        var schema = "{\"type\": \"object\", \"properties\": {\"x\": " + property + "}}";
        var result = SchemaParser.Parse("/schemas/other.json", schema);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("OXEN003", diagnostic.Rule.Id);
        Assert.Contains(expected, diagnostic.Message, StringComparison.Ordinal);
        Assert.True(diagnostic.Location.Offset > schema.IndexOf("\"x\"", StringComparison.Ordinal));
        Assert.Equal(ValueKind.Any, Assert.Single(result.Model!.Request.Properties).Type.Kind);
    }
}
