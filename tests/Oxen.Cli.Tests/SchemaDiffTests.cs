using System.Text.Json;
using Oxen.Cli.Schemas;
using Xunit;

namespace Oxen.Cli.Tests;

/// <summary>Each kind of schema change and how it is classified.</summary>
public sealed class SchemaDiffTests
{
    [Theory]
    [InlineData("""{"type":"integer"}""", """{"type":"string"}""", true, "type changed from integer to string")]
    [InlineData("""{"type":"integer","enum":[5,10]}""", """{"type":"integer","enum":[5]}""", true, "enum member 10 removed")]
    [InlineData("""{"type":"integer","enum":[5]}""", """{"type":"integer","enum":[5,10]}""", false, "enum member 10 added")]
    [InlineData("""{"type":"number","maximum":10}""", """{"type":"number","maximum":8}""", true, "maximum changed from 10 to 8")]
    [InlineData("""{"type":"number","maximum":10}""", """{"type":"number","maximum":12}""", false, "maximum changed from 10 to 12")]
    [InlineData("""{"type":"number"}""", """{"type":"number","minimum":1}""", true, "minimum changed from none to 1")]
    [InlineData("""{"type":"string","maxLength":500}""", """{"type":"string","maxLength":100}""", true, "maxLength changed from 500 to 100")]
    [InlineData("""{"type":"string","default":"a"}""", """{"type":"string","default":"b"}""", false, "default changed")]
    [InlineData("""{"type":"string"}""", """{"type":"string","format":"uri"}""", true, "format changed from none to uri")]
    [InlineData("""{"type":"number","minimum":1,"maximum":10}""", """{"type":"number","minimum":0,"maximum":10}""", false, "minimum changed from 1 to 0")]
    [InlineData("""{"type":"integer","maximum":10}""", """{"type":"integer","exclusiveMaximum":10}""", true, "maximum changed from 10 to <10")]
    [InlineData("""{"type":"string","enum":["a","b"]}""", """{"type":"string","enum":["b"]}""", true, "enum member \"a\" removed")]
    [InlineData("""{"type":"integer","enum":[5,10]}""", """{"type":"string","enum":["5","10"]}""", true, "type changed from integer to string")]
    [InlineData("""{"type":"integer"}""", """{"type":"string","enum":["5"]}""", true, "type changed from integer to string")]
    [InlineData("""{"type":"array","items":{"type":"string"},"maxItems":4}""", """{"type":"array","items":{"type":"string"},"maxItems":8}""", false, "maxItems changed from 4 to 8")]
    public void A_changed_property_is_classified(string before, string after, bool breaking, string expected)
    {
        var change = Assert.Single(SchemaDiff.Compare(Schema(before), Schema(after)));
        Assert.Equal(breaking, change.IsBreaking);
        Assert.Equal("p", change.Path);
        Assert.StartsWith(expected, change.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type":"string","enum":["a","b"],"description":"x","default":"a"}""", """{"default":"a","description":"x","enum":["b","a"],"type":"string"}""")]
    [InlineData("""{"type":"number","enum":[1,2.5]}""", """{"type":"number","enum":[2.5,1.0]}""")]
    [InlineData("""{"type":"integer","minimum":0,"maximum":10}""", """{"maximum":10.0,"minimum":0,"type":["integer","null"]}""")]
    public void Changes_of_form_without_a_change_of_meaning_are_no_change(string before, string after)
    {
        Assert.Empty(SchemaDiff.Compare(Schema(before), Schema(after)));
    }

    [Fact]
    public void Removed_required_and_added_properties_are_classified()
    {
        var before = JsonDocument.Parse("""{"type":"object","properties":{"a":{"type":"string"},"b":{"type":"string"}}}""").RootElement;
        var after = JsonDocument.Parse("""{"type":"object","required":["b","c"],"properties":{"b":{"type":"string"},"c":{"type":"string"},"d":{"type":"string"}}}""").RootElement;

        var changes = SchemaDiff.Compare(before, after).Select(c => c.ToString()).ToList();

        Assert.Equal(
            ["BREAKING  a: property removed", "BREAKING  c: required property added", "additive  d: optional property added", "BREAKING  b: became required"],
            changes);
    }

    [Fact]
    public void Nested_item_changes_carry_their_path()
    {
        var before = JsonDocument.Parse("""{"type":"object","properties":{"elements":{"type":"array","items":{"type":"object","properties":{"url":{"type":"string"}}}}}}""").RootElement;
        var after = JsonDocument.Parse("""{"type":"object","properties":{"elements":{"type":"array","items":{"type":"object","properties":{"url":{"type":"integer"}}}}}}""").RootElement;

        var change = Assert.Single(SchemaDiff.Compare(before, after));
        Assert.Equal("elements[].url", change.Path);
        Assert.True(change.IsBreaking);
    }

    private static JsonElement Schema(string property) =>
        JsonDocument.Parse("{\"type\":\"object\",\"properties\":{\"p\":" + property + "}}").RootElement;
}
