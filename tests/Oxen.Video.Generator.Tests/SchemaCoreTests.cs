using System.Text.Encodings.Web;
using System.Text.Json;
using Oxen.Video.Generator.Tests.Infrastructure;
using Oxen.Video.Schemas.Json;
using Oxen.Video.Schemas.Parsing;
using Xunit;

namespace Oxen.Video.Generator.Tests;

/// <summary>The schema core's file-level jobs: the normalized form and the three shapes of a schema file.</summary>
public sealed class SchemaCoreTests
{
    [Fact]
    public void Every_catalog_file_is_already_in_the_normalized_form()
    {
        var files = TestFiles.RepositorySchemaFiles().ToList();
        Assert.Equal(86, files.Count);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            Assert.True(CanonicalJson.Normalize(text) == text, $"{Path.GetFileName(file)} is not in the normalized form");
        }
    }

    [Theory]
    [InlineData("{\"b\": [1.0, 25, {}], \"a\": {\"z\": \"é\\u2028\\\"\", \"y\": []}}")]
    [InlineData("[\"\\u0001\\t\\u007f\", -0.5, 1234567890123456789]")]
    public void The_normalized_form_matches_what_System_Text_Json_writes_with_sorted_keys(string json)
    {
        var expected = SortedSystemTextJson(json);
        Assert.Equal(expected, CanonicalJson.Normalize(json));
        Assert.Equal(expected, CanonicalJson.Normalize(expected));
    }

    [Fact]
    public void Numbers_keep_their_spelling_even_beyond_what_a_double_or_decimal_holds()
    {
        Assert.Equal("[\n  2e3,\n  -0,\n  12345678901234567890,\n  1e400\n]\n", CanonicalJson.Normalize("[2e3,-0,12345678901234567890,1e400]"));
    }

    [Fact]
    public void Normalizing_text_that_is_not_JSON_names_the_place()
    {
        var error = Assert.Throws<JsonSyntaxException>(() => CanonicalJson.Normalize("{\n  \"a\": tru\n}"));
        Assert.Equal((1, 7), (error.Position.Line, error.Position.Column));
    }

    [Theory]
    [InlineData("{\"id\": \"m\", \"request_schema\": {\"type\": \"object\"}}", "ModelObject", "m")]
    [InlineData("{\"name\": \"e\", \"json_request_schema\": {\"type\": \"object\"}}", "EvaluationsEntry", "e")]
    [InlineData("{\"name\": \"t\", \"json_request_schema\": \"{\\\"type\\\": \\\"object\\\"}\"}", "EvaluationsEntry", "t")]
    [InlineData("{\"type\": \"object\", \"properties\": {}}", "BareSchema", "file-name")]
    [InlineData("{\"request_schema\": {\"type\": \"object\"}}", "ModelObject", "file-name")]
    public void Each_shape_gives_its_id_and_its_request_schema(string json, string shape, string id)
    {
        var file = SchemaFile.Read(json, "file-name");
        Assert.Equal(shape, file.Shape.ToString());
        Assert.Equal(id, file.Id);
        var schema = Assert.IsType<JsonObject>(file.RequestSchema);
        Assert.Equal("object", (schema["type"] as JsonString)?.Value);
    }

    [Fact]
    public void A_schema_given_as_text_that_is_not_JSON_is_reported_not_dropped()
    {
        var file = SchemaFile.Read("{\"name\": \"t\", \"json_request_schema\": \"{oops\"}", "x");
        Assert.Null(file.RequestSchema);
        Assert.NotNull(file.EncodingError);
        Assert.Equal("\"{oops\"", file.EncodedSchema!.RawText);
    }

    private static string SortedSystemTextJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(writer, document.RootElement);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    private static void Write(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.Number:
                writer.WriteNumberValue(decimal.Parse(element.GetRawText(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture));
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
