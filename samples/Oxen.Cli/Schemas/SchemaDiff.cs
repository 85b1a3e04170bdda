using System.Globalization;
using System.Text.Json;
using Oxen.Video.Schemas.Parsing;
using Oxen.Video.Schemas.Specs;

namespace Oxen.Cli.Schemas;

/// <summary>
/// Compares two request schemas by meaning: both are parsed by the schema core into the specs the generator emits
/// from (types, enums, ranges, lengths, item counts, required), so reordered keys or <c>1</c> written as
/// <c>1.0</c> change nothing, and each change is classed by the values accepted before and after
/// (<see cref="ChangeClass"/>): a range replaced by an enum that leaves values out is breaking, naming them.
/// </summary>
internal static class SchemaDiff
{
    public static List<SchemaChange> Compare(JsonElement cached, JsonElement live)
    {
        var changes = new List<SchemaChange>();
        var before = Parse(cached);
        var after = Parse(live);
        if (before is null || after is null)
        {
            if (before is not null || after is not null)
            {
                changes.Add(after is null
                    ? new(ChangeClass.Breaking, "", "the request schema is no longer an object schema")
                    : new(ChangeClass.Additive, "", "the request schema became an object schema"));
            }

            return changes;
        }

        new Comparison(before, after, changes).CompareObject(before.Request, after.Request, "");
        return changes;
    }

    // The same parser as the build; the file name only names the model in the parser's own findings, unused here.
    private static ModelSpec? Parse(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object
            ? SchemaParser.Parse("request.json", schema.GetRawText()).Model
            : null;

    /// <summary>A value's JSON type on the wire: an enum of integers is an integer, of strings a string.</summary>
    internal static string KindOf(ModelSpec model, TypeSpec type)
    {
        if (type.Kind != ValueKind.Enum)
        {
            return type.Kind.ToString().ToLowerInvariant();
        }

        var members = EnumOf(model, type).Members;
        return members.All(m => m.StringValue is not null) ? "string"
            : members.All(m => m.StringValue is null && IsInteger(m.WireJson)) ? "integer"
            : members.All(m => m.StringValue is null && m.WireJson is not ("true" or "false")) ? "number"
            : "enum";
    }

    /// <summary>An enum's members by meaning (numbers as numbers), in schema order; a plain value has none.</summary>
    internal static List<Member> Members(ModelSpec model, TypeSpec type) =>
        type.Kind != ValueKind.Enum ? [] : [.. EnumOf(model, type).Members.Select(MemberOf)];

    private static Member MemberOf(EnumMemberSpec m) =>
        m.StringValue is null
            && double.TryParse(m.WireJson, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
            ? new(AcceptedValues.Format(n), n, null)
            : new(m.WireJson, null, m.StringValue);

    private static EnumSpec EnumOf(ModelSpec model, TypeSpec type) =>
        type.Enum ?? model.Enums.First(e => e.TypeName == type.TypeName);

    private static bool IsInteger(string json) =>
        long.TryParse(json, NumberStyles.Integer, CultureInfo.InvariantCulture, out _);

    internal static ObjectSpec Nested(ModelSpec model, string typeName) =>
        model.NestedObjects.First(o => o.TypeName == typeName);

    internal static string Shorten(string? text) =>
        text is null ? "none" : text.Length > 50 ? text[..50] + "…" : text;
}
