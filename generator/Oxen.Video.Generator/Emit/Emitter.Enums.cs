using System.Linq;
using Oxen.Video.Schemas.Specs;

namespace Oxen.Video.Generator.Emit;

internal sealed partial class Emitter
{
    private void WriteEnum(EnumSpec spec)
    {
        var summary = spec.Description is null
            ? $"The values allowed for <c>{CSharp.Xml(spec.JsonName)}</c> of model <c>{CSharp.Xml(_model.Id)}</c>."
            : CSharp.Xml(spec.Description);
        _w.Line($"/// <summary>{summary}</summary>");
        _w.Line($"/// <remarks>Each member is sent as the exact JSON value of the schema: {CSharp.Xml(string.Join(", ", spec.Members.Select(m => m.WireJson)))}.</remarks>");
        _w.Line($"[{Json}.Serialization.JsonConverter(typeof({Global(ConverterName(spec.TypeName))}))]");
        _w.Line($"[{Schema}.OxenEnum]");
        _w.Line(GeneratedCodeAttribute);
        using (_w.Block($"public enum {spec.TypeName}"))
        {
            foreach (var member in spec.Members)
            {
                _w.Line($"/// <summary>Sent as <c>{CSharp.Xml(member.WireJson)}</c>.</summary>");
                _w.Line($"[{Schema}.OxenJsonName({CSharp.StringLiteral(member.WireJson)})]");
                _w.Line($"{member.Name} = {member.Value},");
                if (member != spec.Members[spec.Members.Count - 1])
                {
                    _w.Line();
                }
            }
        }

        _w.Line();
        WriteEnumConverter(spec);
    }

    private void WriteEnumConverter(EnumSpec spec)
    {
        var type = Global(spec.TypeName);
        var allowed = string.Join(", ", spec.Members.Select(m => m.WireJson));
        _w.Line($"/// <summary>Reads and writes <see cref=\"{spec.TypeName}\"/> as the schema's exact JSON values.</summary>");
        _w.Line(GeneratedCodeAttribute);
        using (_w.Block($"internal sealed class {ConverterName(spec.TypeName)} : {Json}.Serialization.JsonConverter<{type}>"))
        {
            _w.Line($"internal const string Allowed = {CSharp.StringLiteral(allowed)};");
            var strings = spec.Members.Where(m => m.StringValue is not null).ToList();
            foreach (var member in strings)
            {
                _w.Line($"private static readonly {Json}.JsonEncodedText {member.Name}Text = {Json}.JsonEncodedText.Encode({CSharp.StringLiteral(member.StringValue!)});");
            }

            _w.Line();
            _w.Line($"internal static bool IsDefined({type} value) => value is {string.Join(" or ", spec.Members.Select(m => $"{type}.{m.Name}"))};");
            _w.Line();
            _w.Open($"internal static string Describe({type} value) => value switch");
            foreach (var member in spec.Members)
            {
                _w.Line($"{type}.{member.Name} => {CSharp.StringLiteral(member.WireJson)},");
            }

            _w.Line($"_ => \"({spec.TypeName})\" + ((long)value).ToString(global::System.Globalization.CultureInfo.InvariantCulture),");
            _w.Close(";");
            _w.Line();
            using (_w.Block($"internal static void WriteValue({Json}.Utf8JsonWriter writer, {type} value)"))
            {
                using (_w.Block("switch (value)"))
                {
                    foreach (var member in spec.Members)
                    {
                        _w.Line($"case {type}.{member.Name}:");
                        _w.Line("    " + WriteMember(member));
                        _w.Line("    break;");
                    }

                    _w.Line("default:");
                    _w.Line($"    throw new {Json}.JsonException(Describe(value) + \" is not a value of {spec.JsonName}; allowed: \" + Allowed + \".\");");
                }
            }

            _w.Line();
            WriteEnumRead(spec, type);
            _w.Line();
            _w.Line("/// <inheritdoc />");
            _w.Line($"public override {type} Read(ref {Json}.Utf8JsonReader reader, global::System.Type typeToConvert, {Json}.JsonSerializerOptions options) => ReadValue(ref reader, {CSharp.StringLiteral(spec.JsonName)});");
            _w.Line();
            _w.Line("/// <inheritdoc />");
            _w.Line($"public override void Write({Json}.Utf8JsonWriter writer, {type} value, {Json}.JsonSerializerOptions options) => WriteValue(writer, value);");
        }
    }

    private static string WriteMember(EnumMemberSpec member) => member switch
    {
        { StringValue: not null } => $"writer.WriteStringValue({member.Name}Text);",
        { WireJson: "true" or "false" } => $"writer.WriteBooleanValue({member.WireJson});",
        _ when long.TryParse(member.WireJson, out var integer) => $"writer.WriteNumberValue({integer}L);",
        _ => $"writer.WriteRawValue({CSharp.StringLiteral(member.WireJson)}, skipInputValidation: true);",
    };

    private void WriteEnumRead(EnumSpec spec, string type)
    {
        using (_w.Block($"internal static {type} ReadValue(ref {Json}.Utf8JsonReader reader, string path)"))
        {
            var strings = spec.Members.Where(m => m.StringValue is not null).ToList();
            var booleans = spec.Members.Where(m => m.WireJson is "true" or "false").ToList();
            var numbers = spec.Members.Where(m => m.StringValue is null && m.WireJson is not ("true" or "false")).ToList();
            if (strings.Count > 0)
            {
                using (_w.Block($"if (reader.TokenType == {Json}.JsonTokenType.String)"))
                {
                    foreach (var member in strings)
                    {
                        _w.Line($"if (reader.ValueTextEquals({CSharp.StringLiteral(member.StringValue!)}u8)) return {type}.{member.Name};");
                    }
                }
            }

            if (numbers.Count > 0)
            {
                using (_w.Block($"if (reader.TokenType == {Json}.JsonTokenType.Number && reader.TryGetDouble(out var number))"))
                {
                    foreach (var member in numbers)
                    {
                        _w.Line($"if (number == {member.WireJson}d) return {type}.{member.Name};");
                    }
                }
            }

            foreach (var member in booleans)
            {
                _w.Line($"if (reader.TokenType == {Json}.JsonTokenType.{(member.WireJson == "true" ? "True" : "False")}) return {type}.{member.Name};");
            }

            _w.Line($"throw {OxenJson}.NotAllowed(ref reader, path, Allowed);");
        }
    }
}
