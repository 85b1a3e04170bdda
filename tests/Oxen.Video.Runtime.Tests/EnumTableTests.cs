using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Oxen.Video.Serialization;
using Oxen.Video.Validation;

namespace Oxen.Video.Runtime.Tests;

/// <summary>
/// The one enum converter and its member table, with an enum written the way the generator writes them: every JSON
/// kind a schema enum may hold, written byte for byte, read back only from the same kind.
/// </summary>
public sealed class EnumTableTests
{
    [Theory]
    [InlineData(Mixed.Auto, "\"auto\"")]
    [InlineData(Mixed.Ratio16x9, "\"16:9\"")]
    [InlineData(Mixed.Seconds5, "5")]
    [InlineData(Mixed.Half, "0.5")]
    [InlineData(Mixed.Huge, "12345678901234567890")]
    [InlineData(Mixed.Exponent, "1e400")]
    [InlineData(Mixed.NegativeZero, "-0")]
    [InlineData(Mixed.Yes, "true")]
    [InlineData(Mixed.No, "false")]
    public void Every_member_is_written_as_its_exact_JSON_and_read_back(Mixed member, string json)
    {
        Assert.Equal(json, Write(w => MixedMembers.Table.Write(w, member)));
        Assert.Equal("{\"m\":" + json + "}", Write(w =>
        {
            w.WriteStartObject();
            MixedMembers.Table.Write(w, JsonEncodedText.Encode("m"), member);
            w.WriteEndObject();
        }));
        Assert.Equal(json, JsonSerializer.Serialize(member));
        Assert.Equal(member, Read(json));
        Assert.Equal(json, MixedMembers.Table.Describe(member));
        Assert.True(MixedMembers.Table.IsDefined(member));
    }

    [Fact]
    public void A_string_member_is_escaped_as_System_Text_Json_escapes_and_described_as_the_schema_wrote_it()
    {
        Assert.Equal("\"say \\u0022hi\\u0022\"", Write(w => MixedMembers.Table.Write(w, Mixed.Quoted)));
        Assert.Equal(Mixed.Quoted, Read("\"say \\u0022hi\\u0022\""));
        Assert.Equal(Mixed.Quoted, Read("\"say \\\"hi\\\"\""));
        Assert.Equal("\"say \\\"hi\\\"\"", MixedMembers.Table.Describe(Mixed.Quoted));
    }

    [Theory]
    [InlineData("\"\\u0031\\u0036:9\"", Mixed.Ratio16x9)] // escaped text is compared unescaped
    [InlineData("5.0", Mixed.Seconds5)] // numbers compare as numbers, as JSON Schema does
    [InlineData("0", Mixed.NegativeZero)]
    public void Equal_JSON_values_written_differently_read_as_the_member(string json, Mixed expected) =>
        Assert.Equal(expected, Read(json));

    [Theory]
    [InlineData("\"5\"")] // the string "5" is not the number 5
    [InlineData("\"true\"")]
    [InlineData("\"Auto\"")]
    [InlineData("7")]
    [InlineData("null")]
    [InlineData("{}")]
    public void Values_outside_the_enum_name_the_path_and_what_is_allowed(string json)
    {
        var error = Assert.Throws<JsonException>(() => Read(json));

        Assert.Contains("'settings.mode'", error.Message, StringComparison.Ordinal);
        Assert.Contains("allowed: \"auto\", \"16:9\", \"say \\\"hi\\\"\", 5, 0.5, 12345678901234567890, 1e400, -0, true, false.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_undefined_constant_is_described_and_refused_on_write()
    {
        var undefined = (Mixed)42;

        Assert.False(MixedMembers.Table.IsDefined(undefined));
        Assert.False(MixedMembers.Table.IsDefined(default));
        Assert.Equal("(Mixed)42", MixedMembers.Table.Describe(undefined));
        var error = Assert.Throws<JsonException>(() => Write(w => MixedMembers.Table.Write(w, undefined)));
        Assert.Equal("(Mixed)42 is not a value of mode; allowed: " + MixedMembers.Table.Allowed + ".", error.Message);
    }

    [Fact]
    public void The_validator_reports_an_undefined_member_and_passes_null()
    {
        var errors = new List<OxenValidationError>();

        OxenValidator.Member(errors, "mode", (Mixed?)null, MixedMembers.Table);
        OxenValidator.Member(errors, "mode", Mixed.Yes, MixedMembers.Table);
        OxenValidator.Member(errors, "mode", (Mixed)(-3), MixedMembers.Table);

        var error = Assert.Single(errors);
        Assert.Equal("mode", error.Path);
        Assert.Equal("(Mixed)-3 is not allowed; allowed: " + MixedMembers.Table.Allowed + ".", error.Message);
    }

    [Fact]
    public void Thousands_of_members_dense_or_sparse_are_all_found()
    {
        const int count = 5000;
        var dense = new OxenEnumTable<Mixed>("dense", Enumerable.Range(1, count).Select(i => new OxenEnumMember<Mixed>((Mixed)i, $"\"m{i}\"")).ToArray());
        // Integer-backed members keep their wire value: far apart, so the table searches instead of indexing.
        var sparse = new OxenEnumTable<Mixed>("sparse", Enumerable.Range(0, count).Select(i => new OxenEnumMember<Mixed>((Mixed)(i * 100_003 - 250_000_000), (i * 100_003 - 250_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray());

        for (var i = 1; i <= count; i++)
        {
            Assert.Equal((Mixed)i, ReadWith(dense, $"\"m{i}\""));
            Assert.Equal($"\"m{i}\"", Write(w => dense.Write(w, (Mixed)i)));
        }

        for (var i = 0; i < count; i++)
        {
            var value = i * 100_003 - 250_000_000;
            Assert.Equal((Mixed)value, ReadWith(sparse, value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.True(sparse.IsDefined((Mixed)value));
            Assert.False(sparse.IsDefined((Mixed)(value + 1)));
        }

        Assert.False(dense.IsDefined((Mixed)(count + 1)));
        Assert.Equal(count, dense.Values.Count);
    }

    [Fact]
    public void A_member_whose_JSON_is_not_a_single_value_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new OxenEnumTable<Mixed>("m", [new(Mixed.Auto, "auto")]));
        Assert.Throws<ArgumentException>(() => new OxenEnumTable<Mixed>("m", [new(Mixed.Auto, "[1]")]));
        Assert.Throws<ArgumentException>(() => new OxenEnumTable<Mixed>("m", [new(Mixed.Auto, "1 2")]));
    }

    [Fact]
    public void Writing_allocates_nothing()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using var writer = new Utf8JsonWriter(buffer);
        void WriteAll()
        {
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            writer.WriteStartArray();
            foreach (var member in MembersInOrder)
            {
                MixedMembers.Table.Write(writer, member);
            }

            writer.WriteEndArray();
            writer.Flush();
        }

        WriteAll(); // warm up
        var before = GC.GetAllocatedBytesForCurrentThread();
        WriteAll();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static readonly Mixed[] MembersInOrder = Enum.GetValues<Mixed>();

    private static Mixed Read(string json) => ReadWith(MixedMembers.Table, json);

    private static Mixed ReadWith(OxenEnumTable<Mixed> table, string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return table.Read(ref reader, "settings.mode");
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}

/// <summary>An enum as the generator writes one, with members of every JSON kind.</summary>
[JsonConverter(typeof(OxenEnumJsonConverter<Mixed, MixedMembers>))]
public enum Mixed
{
    Auto = 1,
    Ratio16x9 = 2,
    Quoted = 3,
    Seconds5 = 4,
    Half = 5,
    Huge = 6,
    Exponent = 7,
    NegativeZero = 8,
    Yes = 9,
    No = 10,
}

internal sealed class MixedMembers : IOxenEnumMembers<Mixed>
{
    public static OxenEnumTable<Mixed> Table { get; } = new("mode",
    [
        new(Mixed.Auto, "\"auto\""),
        new(Mixed.Ratio16x9, "\"16:9\""),
        new(Mixed.Quoted, "\"say \\\"hi\\\"\""),
        new(Mixed.Seconds5, "5"),
        new(Mixed.Half, "0.5"),
        new(Mixed.Huge, "12345678901234567890"),
        new(Mixed.Exponent, "1e400"),
        new(Mixed.NegativeZero, "-0"),
        new(Mixed.Yes, "true"),
        new(Mixed.No, "false"),
    ]);
}
