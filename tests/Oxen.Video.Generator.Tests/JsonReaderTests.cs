using Oxen.Video.Schemas.Json;
using Xunit;

namespace Oxen.Video.Generator.Tests;

/// <summary>The generator's own JSON reader: values, positions, and errors with a line and column.</summary>
public sealed class JsonReaderTests
{
    [Fact]
    public void Reads_values_with_their_positions_and_exact_number_spelling()
    {
        var root = (JsonObject)JsonReader.Parse("{\n  \"a\": [1, 2.50, -3e2],\n  \"b\": \"x\\u00e9\\n\",\n  \"c\": true\n}");
        var array = (JsonArray)root["a"]!;
        Assert.Equal(["1", "2.50", "-3e2"], array.Items.Select(i => i.RawText));
        Assert.True(((JsonNumber)array.Items[0]).IsInteger);
        Assert.False(((JsonNumber)array.Items[1]).IsInteger);
        Assert.True(((JsonNumber)array.Items[2]).IsInteger); // -300: JSON Schema counts it as an integer.
        Assert.Equal("xé\n", ((JsonString)root["b"]!).Value);
        var b = root.Find("b")!;
        Assert.Equal((2, 2), (b.NameStart.Line, b.NameStart.Column));
        Assert.Equal(JsonKind.True, root["c"]!.Kind);
    }

    [Theory]
    [InlineData("{\"a\": 1,}", 0, 8, "property name")]
    [InlineData("{\"a\": 1 \"b\": 2}", 0, 8, "'}' or ','")]
    [InlineData("{\n\"a\": \"x\n\"}", 1, 7, "closing")]
    [InlineData("{\"a\": 1, \"a\": 2}", 0, 9, "appears twice")]
    [InlineData("[01]", 0, 2, "']' or ','")]
    [InlineData("{\"a\": tru}", 0, 6, "a JSON value")]
    [InlineData("{} {}", 0, 3, "after the end")]
    [InlineData("", 0, 0, "end of the file")]
    public void Errors_carry_a_position_and_say_what_was_expected(string json, int line, int column, string fragment)
    {
        var error = Assert.Throws<JsonSyntaxException>(() => JsonReader.Parse(json));
        Assert.Equal((line, column), (error.Position.Line, error.Position.Column));
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_nesting_is_an_error_not_a_stack_overflow()
    {
        var error = Assert.Throws<JsonSyntaxException>(() => JsonReader.Parse(new string('[', 100_000)));
        Assert.Contains("nested deeper", error.Message, StringComparison.Ordinal);
    }
}
