using Oxen.Video.Generator.Tests.Infrastructure;
using Oxen.Video.Schemas.Parsing;
using Oxen.Video.Schemas.Specs;
using Xunit;

namespace Oxen.Video.Generator.Tests;

/// <summary>
/// <c>oneOf</c>/<c>anyOf</c> of <c>{"const": v, "title": t}</c> is an enum whose members are named from the titles
/// (a member without a title is named from its value, as in a plain enum); a lone <c>const</c> is an enum of one.
/// </summary>
public sealed class ConstEnumTests
{
    private const string Schema = """
        {"type": "object", "properties": {
          "quality": {"oneOf": [{"const": "std", "title": "Standard"}, {"const": "pro", "title": "Professional"}],
                      "default": "pro", "description": "Quality."},
          "steps": {"anyOf": [{"const": 10, "title": "Fast"}, {"const": 50, "title": "Fine", "description": "Slow."}, {"type": "null"}]},
          "mode": {"type": "string", "oneOf": [{"const": "a", "title": "Same"}, {"const": "b", "title": "Same"}]},
          "plain": {"anyOf": [{"const": "x-y"}, {"const": "z", "title": "  "}, {"const": "w", "title": "two words"}]},
          "fixed": {"const": "v1"}
        }}
        """;

    private static readonly Lazy<GeneratedModels> Models = new(() => GeneratedModels.Build(("consts.json", Schema)));

    [Fact]
    public void Const_choices_become_an_enum_named_from_the_titles()
    {
        var result = SchemaParser.Parse("/schemas/consts.json", Schema);
        var properties = result.Model!.Request.Properties.ToDictionary(p => p.JsonName);

        Assert.Equal([("Standard", "\"std\""), ("Professional", "\"pro\"")], Members(properties["quality"]));
        Assert.Equal(("Professional", "Quality."), (properties["quality"].Default!.EnumMember, properties["quality"].Description));
        Assert.Equal([("Fast", "10"), ("Fine", "50")], Members(properties["steps"]));
        Assert.True(properties["steps"].Type.Enum!.IsIntegerBacked);
        Assert.Equal([10L, 50L], properties["steps"].Type.Enum!.Members.Select(m => m.Value));
        Assert.True(properties["steps"].Type.IsNullable);
        Assert.Equal([("Same", "\"a\""), ("Same2", "\"b\"")], Members(properties["mode"]));
        Assert.Equal([("XY", "\"x-y\""), ("Z", "\"z\""), ("TwoWords", "\"w\"")], Members(properties["plain"]));
        Assert.Equal([("V1", "\"v1\"")], Members(properties["fixed"]));

        // The one finding: two titles that meet, located at the second.
        var collision = Assert.Single(result.Diagnostics);
        Assert.Equal("OXEN004", collision.RuleId);
        Assert.Contains("'Same'", collision.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_generated_enum_reads_writes_and_rejects_like_a_plain_enum()
    {
        var type = Models.Value.RequestType("consts");
        var quality = Nullable.GetUnderlyingType(type.GetProperty("Quality")!.PropertyType)!;
        Assert.Equal(["Standard", "Professional"], Enum.GetNames(quality));

        const string parameters = "{\"quality\":\"std\",\"steps\":50,\"fixed\":\"v1\"}";
        var request = Models.Value.Parse("consts", parameters);
        Assert.True(request.Validate().IsValid);
        Assert.Equal(GeneratedModels.Body("consts", parameters), Oxen.Video.Serialization.OxenJson.Serialize(request));
        Assert.Empty(Models.Value.RuntimeErrors("consts", parameters));

        foreach (var wrong in new[] { "{\"quality\": \"max\"}", "{\"steps\": 20}", "{\"fixed\": \"v2\"}" })
        {
            var error = Assert.Single(Models.Value.GeneratedErrors("consts", wrong));
            Assert.Contains("not allowed", error, StringComparison.Ordinal);
            Assert.Contains("not allowed", Assert.Single(Models.Value.RuntimeErrors("consts", wrong)), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("{\"const\": {\"a\": 1}}", "'const' with an object or array value")]
    [InlineData("{\"const\": null}", "'const' null")]
    [InlineData("{\"oneOf\": [{\"const\": \"a\"}], \"enum\": [\"a\"]}", "'oneOf' of consts beside 'enum'")]
    [InlineData("{\"oneOf\": [{\"const\": \"a\"}, {\"type\": \"string\"}]}", "'oneOf' with 2 choices")]
    public void Consts_that_are_no_enum_stay_a_located_OXEN003(string property, string expected)
    {
        var result = SchemaParser.Parse("/schemas/bad-const.json", "{\"type\": \"object\", \"properties\": {\"x\": " + property + "}}");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("OXEN003", diagnostic.RuleId);
        Assert.Contains(expected, diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(ValueKind.Any, Assert.Single(result.Model!.Request.Properties).Type.Kind);
    }

    private static List<(string Name, string Wire)> Members(PropertySpec property) =>
        property.Type.Enum!.Members.Select(m => (m.Name, m.WireJson)).ToList();
}
