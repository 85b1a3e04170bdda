using System.Collections.Generic;
using System.Linq;
using Oxen.Video.Schemas.Specs;

namespace Oxen.Video.Generator.Emit;

internal sealed partial class Emitter
{
    private static string ConverterName(ObjectSpec spec) => ConverterName(spec.TypeName);

    /// <summary>The converter of a generated object or enum type.</summary>
    private static string ConverterName(string typeName) => typeName + "JsonConverter";

    private void WriteConverter(ObjectSpec spec, bool isRequest)
    {
        var type = Global(spec.TypeName);
        _w.Line($"/// <summary>Writes <see cref=\"{spec.TypeName}\"/> with <see cref=\"{Json}.Utf8JsonWriter\"/> and reads it back, without reflection.</summary>");
        _w.Line(GeneratedCodeAttribute);
        using (_w.Block($"internal sealed class {ConverterName(spec)} : {Json}.Serialization.JsonConverter<{type}>"))
        {
            if (isRequest)
            {
                _w.Line($"private static readonly {Json}.JsonEncodedText ModelProperty = {Json}.JsonEncodedText.Encode(\"model\");");
            }

            for (var i = 0; i < spec.Properties.Count; i++)
            {
                _w.Line($"private static readonly {Json}.JsonEncodedText Property{i} = {Json}.JsonEncodedText.Encode({CSharp.StringLiteral(spec.Properties[i].JsonName)});");
            }

            _w.Line();
            WriteWriteValue(spec, type, isRequest);
            _w.Line();
            WriteReadValue(spec, type, isRequest);
            _w.Line();
            _w.Line("/// <inheritdoc />");
            _w.Line($"public override {type} Read(ref {Json}.Utf8JsonReader reader, global::System.Type typeToConvert, {Json}.JsonSerializerOptions options) => ReadValue(ref reader);");
            _w.Line();
            _w.Line("/// <inheritdoc />");
            _w.Line($"public override void Write({Json}.Utf8JsonWriter writer, {type} value, {Json}.JsonSerializerOptions options) => WriteValue(writer, value);");
        }
    }

    private void WriteWriteValue(ObjectSpec spec, string type, bool isRequest)
    {
        using (_w.Block($"internal static void WriteValue({Json}.Utf8JsonWriter writer, {type} value)"))
        {
            _w.Line("if (writer is null) throw new global::System.ArgumentNullException(nameof(writer));");
            _w.Line("if (value is null) throw new global::System.ArgumentNullException(nameof(value));");
            _w.Line("writer.WriteStartObject();");
            if (isRequest)
            {
                _w.Line($"writer.WriteString(ModelProperty, {type}.ModelId);");
            }

            for (var i = 0; i < spec.Properties.Count; i++)
            {
                var property = spec.Properties[i];
                var local = Local(property);
                var always = property.IsRequired && IsValueType(property.Type);
                using (_w.Block(always ? $"if (value.{property.PropertyName} is var {local})" : $"if (value.{property.PropertyName} is {{ }} {local})"))
                {
                    foreach (var line in WriteProperty(property.Type, $"Property{i}", local, 0))
                    {
                        _w.Line(line);
                    }
                }
            }

            _w.Line("writer.WriteEndObject();");
        }
    }

    /// <summary>Statements writing a named property (the name is a static <c>JsonEncodedText</c>).</summary>
    private IEnumerable<string> WriteProperty(TypeSpec type, string name, string value, int depth) => type.Kind switch
    {
        ValueKind.String => [$"writer.WriteString({name}, {value});"],
        ValueKind.Integer or ValueKind.Number => [$"writer.WriteNumber({name}, {value});"],
        ValueKind.Boolean => [$"writer.WriteBoolean({name}, {value});"],
        _ => new[] { $"writer.WritePropertyName({name});" }.Concat(WriteItem(type, value, depth)),
    };

    /// <summary>Statements writing one value (no name): an array item, or a property after its name.</summary>
    private IEnumerable<string> WriteItem(TypeSpec type, string value, int depth)
    {
        switch (type.Kind)
        {
            case ValueKind.String:
                return [$"if ({value} is null) writer.WriteNullValue(); else writer.WriteStringValue({value});"];
            case ValueKind.Integer or ValueKind.Number:
                return [$"writer.WriteNumberValue({value});"];
            case ValueKind.Boolean:
                return [$"writer.WriteBooleanValue({value});"];
            case ValueKind.Enum:
                return [$"{Global(ConverterName(type.TypeName!))}.WriteValue(writer, {value});"];
            case ValueKind.Object when !type.IsFreeObject:
                return [$"if ({value} is null) writer.WriteNullValue(); else {Global(ConverterName(type.TypeName!))}.WriteValue(writer, {value});"];
            case ValueKind.Array:
                // An indexed loop: foreach over IReadOnlyList<T> would allocate an enumerator per array.
                var index = "i" + depth;
                var lines = new List<string>
                {
                    "writer.WriteStartArray();",
                    $"for (var {index} = 0; {index} < {value}.Count; {index}++)",
                    "{",
                };
                lines.AddRange(WriteItem(type.Item!, $"{value}[{index}]", depth + 1).Select(line => "    " + line));
                lines.Add("}");
                lines.Add("writer.WriteEndArray();");
                return lines;
            default:
                return [$"{value}.WriteTo(writer);"];
        }
    }

    private void WriteReadValue(ObjectSpec spec, string type, bool isRequest)
    {
        var objectPath = isRequest ? "$" : spec.JsonPath.TrimEnd('.');
        using (_w.Block($"internal static {type} ReadValue(ref {Json}.Utf8JsonReader reader)"))
        {
            _w.Line($"{OxenJson}.ExpectObject(ref reader, {CSharp.StringLiteral(objectPath)});");
            foreach (var property in spec.Properties)
            {
                _w.Line($"{ClrType(property.Type)}? {Local(property)} = default;");
            }

            _w.Line($"while (reader.Read() && reader.TokenType != {Json}.JsonTokenType.EndObject)");
            _w.Line("{");
            var first = true;
            if (isRequest)
            {
                _w.Line("    if (reader.ValueTextEquals(\"model\"u8))");
                _w.Line("    {");
                _w.Line("        reader.Read();");
                _w.Line($"        {OxenJson}.ExpectModel(ref reader, {type}.ModelId);");
                _w.Line("        continue;");
                _w.Line("    }");
                first = false;
            }

            foreach (var property in spec.Properties)
            {
                if (!first)
                {
                    _w.Line();
                }

                first = false;
                var path = spec.JsonPath + property.JsonName;
                _w.Line($"    if (reader.ValueTextEquals({CSharp.StringLiteral(property.JsonName)}u8))");
                _w.Line("    {");
                _w.Line("        reader.Read();");
                _w.Line($"        {Local(property)} = {ReadExpression(property.Type, "reader", path)};");
                _w.Line("        continue;");
                _w.Line("    }");
            }

            _w.Line();
            _w.Line("    // A property this schema does not know: skipped, as the server's echo may add some.");
            _w.Line("    reader.Read();");
            _w.Line("    reader.Skip();");
            _w.Line("}");
            _w.Line();
            foreach (var property in spec.Properties.Where(p => p.IsRequired))
            {
                _w.Line($"if ({Local(property)} is null) throw {OxenJson}.MissingRequired({CSharp.StringLiteral(spec.JsonPath + property.JsonName)});");
            }

            _w.Line($"return new {type}");
            _w.Line("{");
            foreach (var property in spec.Properties)
            {
                var value = property.IsRequired ? (IsValueType(property.Type) ? $"{Local(property)}.Value" : $"{Local(property)}") : Local(property);
                _w.Line($"    {property.PropertyName} = {value},");
            }

            _w.Line("};");
        }
    }

    /// <summary>An expression reading the current token as <paramref name="type"/>, or null for JSON null.</summary>
    private string ReadExpression(TypeSpec type, string reader, string path)
    {
        var p = CSharp.StringLiteral(path);
        switch (type.Kind)
        {
            case ValueKind.String:
                return $"{OxenJson}.ReadString(ref {reader}, {p})";
            case ValueKind.Integer:
                return $"{OxenJson}.{(UsesLong(type) ? "ReadInt64" : "ReadInt32")}(ref {reader}, {p})";
            case ValueKind.Number:
                return $"{OxenJson}.ReadDouble(ref {reader}, {p})";
            case ValueKind.Boolean:
                return $"{OxenJson}.ReadBoolean(ref {reader}, {p})";
            case ValueKind.Enum:
                return $"{reader}.TokenType == {Json}.JsonTokenType.Null ? null : {Global(ConverterName(type.TypeName!))}.ReadValue(ref {reader}, {p})";
            case ValueKind.Object when type.IsFreeObject:
                return $"{reader}.TokenType == {Json}.JsonTokenType.Null ? null : {OxenJson}.ReadObject(ref {reader}, {p})";
            case ValueKind.Object:
                return $"{reader}.TokenType == {Json}.JsonTokenType.Null ? null : {Global(ConverterName(type.TypeName!))}.ReadValue(ref {reader})";
            case ValueKind.Array:
                var item = type.Item!;
                var itemReader = "r" + path.Count(ch => ch == '[');
                var itemExpression = ReadExpression(item, itemReader, path + "[]");
                // Items are not nullable: a JSON null in a list of values is a type error, in a list of references it is kept for Validate().
                var nonNull = item.Kind switch
                {
                    ValueKind.Enum => $"{Global(ConverterName(item.TypeName!))}.ReadValue(ref {itemReader}, {CSharp.StringLiteral(path + "[]")})",
                    ValueKind.Any => $"{OxenJson}.ReadAny(ref {itemReader})",
                    ValueKind.Object when item.IsFreeObject => $"{OxenJson}.ReadObject(ref {itemReader}, {CSharp.StringLiteral(path + "[]")})",
                    _ when IsValueType(item) => $"{OxenJson}.NotNull({itemExpression}, {CSharp.StringLiteral(path + "[]")})",
                    _ => $"({itemExpression})!",
                };
                return $"{OxenJson}.ReadList<{ClrType(item)}>(ref {reader}, {p}, static (ref {Json}.Utf8JsonReader {itemReader}) => {nonNull})";
            default:
                return $"{reader}.TokenType == {Json}.JsonTokenType.Null ? null : {OxenJson}.ReadAny(ref {reader})";
        }
    }
}
