using System.Text.Json;
using Oxen.Cli.Schemas;
using Xunit;

namespace Oxen.Cli.Tests;

/// <summary>Each kind of schema change and its class: breaking, behavior, additive or cosmetic, by meaning.</summary>
public sealed class SchemaDiffTests
{
    [Theory]
    [InlineData("""{"type":"integer"}""", """{"type":"string"}""", "Breaking", "type changed from integer to string")]
    [InlineData("""{"type":"integer","enum":[5,10]}""", """{"type":"integer","enum":[5]}""", "Breaking", "enum member 10 removed")]
    [InlineData("""{"type":"integer","enum":[5]}""", """{"type":"integer","enum":[5,10]}""", "Additive", "enum member 10 added")]
    [InlineData("""{"type":"number","maximum":10}""", """{"type":"number","maximum":8}""", "Breaking", "maximum changed from 10 to 8")]
    [InlineData("""{"type":"number","maximum":10}""", """{"type":"number","maximum":12}""", "Additive", "maximum changed from 10 to 12")]
    [InlineData("""{"type":"number"}""", """{"type":"number","minimum":1}""", "Breaking", "minimum changed from none to 1")]
    [InlineData("""{"type":"number","minimum":1}""", """{"type":"number"}""", "Additive", "minimum changed from 1 to none")]
    [InlineData("""{"type":"string","maxLength":500}""", """{"type":"string","maxLength":100}""", "Breaking", "maxLength changed from 500 to 100")]
    [InlineData("""{"type":"string","minLength":1}""", """{"type":"string","minLength":3}""", "Breaking", "minLength changed from 1 to 3")]
    [InlineData("""{"type":"string","minLength":3}""", """{"type":"string"}""", "Additive", "minLength changed from 3 to none")]
    [InlineData("""{"type":"string","default":"a"}""", """{"type":"string","default":"b"}""", "Behavior", "default changed from \"a\" to \"b\"")]
    [InlineData("""{"type":"integer"}""", """{"type":"integer","default":5}""", "Behavior", "default changed from none to 5")]
    [InlineData("""{"type":"string","description":"old"}""", """{"type":"string","description":"new"}""", "Cosmetic", "description changed from old to new")]
    [InlineData("""{"type":"string","title":"A"}""", """{"type":"string","title":"B"}""", "Cosmetic", "title changed from A to B")]
    [InlineData("""{"type":"string"}""", """{"type":"string","format":"uri"}""", "Breaking", "format changed from none to uri")]
    [InlineData("""{"type":"string","format":"uri"}""", """{"type":"string"}""", "Additive", "format changed from uri to none")]
    [InlineData("""{"type":"number","minimum":1,"maximum":10}""", """{"type":"number","minimum":0,"maximum":10}""", "Additive", "minimum changed from 1 to 0")]
    [InlineData("""{"type":"integer","maximum":10}""", """{"type":"integer","exclusiveMaximum":10}""", "Breaking", "maximum changed from 10 to <10")]
    [InlineData("""{"type":"integer","maximum":10}""", """{"type":"integer","exclusiveMaximum":11}""", "Cosmetic", "maximum changed from 10 to <11 (the same integers)")]
    [InlineData("""{"type":"number","maximum":10}""", """{"type":"number","exclusiveMaximum":11}""", "Additive", "maximum changed from 10 to <11")]
    [InlineData("""{"type":"string","enum":["a","b"]}""", """{"type":"string","enum":["b"]}""", "Breaking", "enum member \"a\" removed")]
    [InlineData("""{"type":"string","enum":["a","b"]}""", """{"type":"string","enum":["b","a"]}""", "Cosmetic", "enum member order changed")]
    [InlineData("""{"type":"integer","enum":[5,10]}""", """{"type":"string","enum":["5","10"]}""", "Breaking", "type changed from integer to string")]
    [InlineData("""{"type":"integer"}""", """{"type":"string","enum":["5"]}""", "Breaking", "type changed from integer to string")]
    [InlineData("""{"type":"array","items":{"type":"string"},"maxItems":4}""", """{"type":"array","items":{"type":"string"},"maxItems":8}""", "Additive", "maxItems changed from 4 to 8")]
    [InlineData("""{"type":"array","items":{"type":"string"},"maxItems":4}""", """{"type":"array","items":{"type":"string"},"maxItems":2}""", "Breaking", "maxItems changed from 4 to 2")]
    [InlineData("""{"type":"array","items":{"type":"string"}}""", """{"type":"array","items":{"type":"string"},"minItems":1}""", "Breaking", "minItems changed from none to 1")]
    [InlineData("""{"type":"integer","minimum":0,"maximum":10}""", """{"maximum":10,"minimum":0,"type":["integer","null"]}""", "Additive", "null is now accepted")]
    [InlineData("""{"type":["string","null"]}""", """{"type":"string"}""", "Breaking", "null is no longer accepted")]
    public void A_changed_property_is_classified(string before, string after, string expectedClass, string expected)
    {
        var change = Assert.Single(SchemaDiff.Compare(Schema(before), Schema(after)));
        Assert.Equal(expectedClass, change.Class.ToString());
        Assert.Equal("p", change.Path);
        Assert.Equal(expected, change.Description);
    }

    [Fact]
    public void A_range_replaced_by_an_enum_that_leaves_values_out_is_breaking_and_names_them()
    {
        // Real drift from Oxen's history: duration 5..20 became ten allowed values.
        var change = Assert.Single(SchemaDiff.Compare(
            Schema("""{"type":"integer","minimum":5,"maximum":20}"""),
            Schema("""{"type":"integer","enum":[5,6,7,8,9,10,12,15,18,20]}""")));

        Assert.Equal(ChangeClass.Breaking, change.Class);
        Assert.Equal(
            "5..20 replaced by enum {5, 6, 7, 8, 9, 10, 12, 15, 18, 20}: 11, 13, 14, 16, 17, 19 no longer accepted",
            change.Description);
        Assert.Equal("5..20", change.Before);
        Assert.Equal("{5, 6, 7, 8, 9, 10, 12, 15, 18, 20}", change.After);
    }

    [Theory]
    [InlineData("""{"type":"integer","minimum":5,"maximum":7}""", """{"type":"integer","enum":[7,5,6]}""", "Cosmetic", "5..7 replaced by enum {7, 5, 6} (the same values)")]
    [InlineData("""{"type":"integer","exclusiveMinimum":4,"maximum":7}""", """{"type":"integer","enum":[4,5,6,7]}""", "Additive", ">4..7 replaced by enum {4, 5, 6, 7}: 4 now accepted")]
    [InlineData("""{"type":"integer","minimum":5,"maximum":7}""", """{"type":"integer","enum":[5,6,7,30]}""", "Additive", "5..7 replaced by enum {5, 6, 7, 30}: 30 now accepted")]
    [InlineData("""{"type":"integer","minimum":5,"maximum":7}""", """{"type":"integer","enum":[5,30]}""", "Breaking", "5..7 replaced by enum {5, 30}: 6, 7 no longer accepted; 30 now accepted")]
    [InlineData("""{"type":"integer","minimum":0}""", """{"type":"integer","enum":[0,1]}""", "Breaking", "0.. replaced by enum {0, 1}: every other integer is no longer accepted")]
    [InlineData("""{"type":"number","minimum":0,"maximum":1}""", """{"type":"number","enum":[0,0.5,1]}""", "Breaking", "0..1 replaced by enum {0, 0.5, 1}: every other number is no longer accepted")]
    [InlineData("""{"type":"string","maxLength":3}""", """{"type":"string","enum":["16:9"]}""", "Breaking", "length ..3 replaced by enum {\"16:9\"}: every other string is no longer accepted; \"16:9\" now accepted")]
    [InlineData("""{"type":"integer","enum":[5,10]}""", """{"type":"integer","minimum":5,"maximum":10}""", "Additive", "enum {5, 10} replaced by 5..10: 6, 7, 8, 9 now accepted")]
    [InlineData("""{"type":"integer","enum":[5,6]}""", """{"type":"integer","minimum":5,"maximum":6}""", "Cosmetic", "enum {5, 6} replaced by 5..6 (the same values)")]
    [InlineData("""{"type":"integer","enum":[5,10]}""", """{"type":"integer","minimum":6}""", "Breaking", "enum {5, 10} replaced by 6..: 5 no longer accepted; any other integer is now accepted")]
    [InlineData("""{"type":"string","enum":["ab","abc"]}""", """{"type":"string","maxLength":2}""", "Breaking", "enum {\"ab\", \"abc\"} replaced by length ..2: \"abc\" no longer accepted; any other string is now accepted")]
    [InlineData("""{"type":"string","enum":["ab"]}""", """{"type":"string"}""", "Additive", "enum {\"ab\"} replaced by any string: any other string is now accepted")]
    public void A_range_and_an_enum_are_compared_by_the_values_they_accept(
        string before, string after, string expectedClass, string expected)
    {
        var change = Assert.Single(SchemaDiff.Compare(Schema(before), Schema(after)));
        Assert.Equal(expectedClass, change.Class.ToString());
        Assert.Equal(expected, change.Description);
    }

    [Fact]
    public void An_enum_replaced_by_a_formatted_string_is_breaking()
    {
        var changes = SchemaDiff.Compare(
            Schema("""{"type":"string","enum":["a"]}"""),
            Schema("""{"type":"string","format":"uri"}"""));

        Assert.Equal(
            ["additive  p: enum {\"a\"} replaced by any string: any other string is now accepted",
             "BREAKING  p: format changed from none to uri"],
            changes.Select(c => c.ToString()));
    }

    [Fact]
    public void A_range_too_wide_to_list_is_still_compared_by_meaning()
    {
        var change = Assert.Single(SchemaDiff.Compare(
            Schema("""{"type":"integer","minimum":0,"maximum":1000000}"""),
            Schema("""{"type":"integer","enum":[0,1000000]}""")));

        Assert.Equal(ChangeClass.Breaking, change.Class);
        Assert.EndsWith("every other integer is no longer accepted", change.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type":"string","enum":["a","b"],"description":"x","default":"a"}""", """{"default":"a","description":"x","enum":["a","b"],"type":"string"}""")]
    [InlineData("""{"type":"number","enum":[1,2.5]}""", """{"type":"number","enum":[1.0,2.5]}""")]
    [InlineData("""{"type":"number","default":1}""", """{"type":"number","default":1.0}""")]
    [InlineData("""{"type":"integer","minimum":0,"maximum":10}""", """{"maximum":10.0,"minimum":0,"type":"integer"}""")]
    public void Changes_of_form_without_a_change_of_meaning_are_no_change(string before, string after)
    {
        Assert.Empty(SchemaDiff.Compare(Schema(before), Schema(after)));
    }

    [Fact]
    public void Removed_required_and_added_properties_are_classified()
    {
        var before = Parse("""
            {"type": "object", "required": ["e"],
             "properties": {"a": {"type": "string"}, "b": {"type": "string"}, "e": {"type": "string"}}}
            """);
        var after = Parse("""
            {"type": "object", "required": ["b", "c"],
             "properties": {"b": {"type": "string"}, "c": {"type": "string"}, "d": {"type": "string"},
                            "e": {"type": "string"}}}
            """);

        var changes = SchemaDiff.Compare(before, after).Select(c => c.ToString()).ToList();

        Assert.Equal(
            [
                "BREAKING  a: property removed",
                "BREAKING  c: required property added",
                "additive  d: optional property added",
                "BREAKING  b: became required",
                "additive  e: no longer required",
            ],
            changes);
    }

    [Fact]
    public void Reordered_properties_are_cosmetic_and_closing_the_object_is_breaking()
    {
        var before = Parse("""{"type":"object","properties":{"a":{"type":"string"},"b":{"type":"string"}}}""");
        var after = Parse("""
            {"type": "object", "additionalProperties": false,
             "properties": {"b": {"type": "string"}, "a": {"type": "string"}}}
            """);

        var changes = SchemaDiff.Compare(before, after);

        Assert.Equal(2, changes.Count);
        Assert.Equal(ChangeClass.Breaking, changes[0].Class);
        Assert.Equal("unknown properties are now rejected (additionalProperties: false)", changes[0].Description);
        Assert.Equal(ChangeClass.Cosmetic, changes[1].Class);
        Assert.Equal(
            ("property order changed", "a, b", "b, a"),
            (changes[1].Description, changes[1].Before, changes[1].After));
        var reopened = Assert.Single(SchemaDiff.Compare(after, before), c => c.Class != ChangeClass.Cosmetic);
        Assert.Equal(ChangeClass.Additive, reopened.Class);
    }

    [Fact]
    public void Nested_item_changes_carry_their_path()
    {
        var before = Parse("""{"type":"object","properties":{"elements":{"type":"array","items":{"type":"object","properties":{"url":{"type":"string"}}}}}}""");
        var after = Parse("""{"type":"object","properties":{"elements":{"type":"array","items":{"type":"object","properties":{"url":{"type":"integer"}}}}}}""");

        var change = Assert.Single(SchemaDiff.Compare(before, after));
        Assert.Equal("elements[].url", change.Path);
        Assert.True(change.IsBreaking);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("Cosmetic", 0)]
    [InlineData("Cosmetic,Additive", 5)]
    [InlineData("Behavior", 5)]
    [InlineData("Additive,Breaking,Cosmetic", 4)]
    public void The_exit_code_follows_the_worst_class(string classes, int exitCode)
    {
        var changes = classes.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(c => new SchemaChange(Enum.Parse<ChangeClass>(c), "p", "x"));

        Assert.Equal(exitCode, DiffReport.ExitCodeOf(changes));
    }

    [Fact]
    public void Every_cached_schema_compared_with_itself_has_no_change()
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "schemas"), "*.json");

        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var schema = SchemaJson.RequestSchema(Parse(File.ReadAllText(file)));
            Assert.True(SchemaDiff.Compare(schema, schema).Count == 0, file);
        }
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;

    private static JsonElement Schema(string property) =>
        Parse("{\"type\":\"object\",\"properties\":{\"p\":" + property + "}}");
}
