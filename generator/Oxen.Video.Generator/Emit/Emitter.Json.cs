using System.Collections.Generic;
using System.Linq;
using Oxen.Video.Schemas.Specs;

namespace Oxen.Video.Generator.Emit;

internal sealed partial class Emitter
{
    private static string ConverterName(ObjectSpec spec) => ConverterName(spec.TypeName);

    /// <summary>The converter of a generated object type.</summary>
    private static string ConverterName(string typeName) => typeName + "JsonConverter";

    private void WriteConverter(ObjectSpec spec, bool isRequest) => WithShortNames(() => WriteConverterClass(spec, isRequest));

    /// <summary>
    /// How a converter calls an <c>OxenJson</c> helper: by the simple name its base class
    /// (<c>OxenObjectJsonConverter</c>) inherits, which no user type can hide (converters always use simple names;
    /// <c>NextName</c>, <c>SkipValue</c> and <c>UnknownName</c> exist only there).
    /// </summary>
    private string Helper => _shortNames ? "" : OxenJson + ".";

    private void WriteConverterClass(ObjectSpec spec, bool isRequest)
    {
        var type = Global(spec.TypeName);
        // Internal: reads and writes the type without reflection; the JSON names are encoded once, in these fields.
        // The base class holds Read and Write and OxenJson's helpers, which the lines below call by their simple names.
        using (_w.Block($"internal sealed class {ConverterName(spec)}() : {Serialization}.OxenObjectJsonConverter<{type}>(ReadValue, WriteValue)"))
        {
            if (spec.Properties.Count > 0)
            {
                _w.Line($"private static readonly {Serialization}.OxenJsonProperty");
                _w.Packed([.. spec.Properties.Select(p => $"{NameField(p)} = new({CSharp.StringLiteral(p.JsonName)})")], ";", MaxLineLength);
                _w.Line();
            }

            WriteWriteValue(spec, type, isRequest);
            _w.Line();
            WriteReadValue(spec, type, isRequest);
        }
    }

    private void WriteWriteValue(ObjectSpec spec, string type, bool isRequest)
    {
        using (_w.Block($"internal static void WriteValue({Json}.Utf8JsonWriter writer, {type} value)"))
        {
            // Called by WriteTo (which checks the writer) and by System.Text.Json, never with null.
            _w.Line("writer.WriteStartObject();");
            if (isRequest)
            {
                _w.Line($"writer.WriteString({Helper}Model.Encoded, {type}.ModelId);");
            }

            foreach (var property in spec.Properties)
            {
                WriteProperty(property);
            }

            _w.Line("writer.WriteEndObject();");
        }
    }

    /// <summary>One line per property through <c>OxenJson.WriteIfSet</c>; nested objects and arrays of them unrolled.</summary>
    private void WriteProperty(PropertySpec property)
    {
        var type = property.Type;
        var name = NameField(property);
        var value = $"value.{property.PropertyName}";
        // A required property the schema lets be null is sent as JSON null: leaving it out would break "required".
        var writesNull = property.IsRequired && type.IsNullable;
        var @else = writesNull ? "else " : "";
        if (writesNull)
        {
            _w.Line($"if ({value} is null) writer.WriteNull({name}.Encoded);");
        }

        if (type.Kind == ValueKind.Enum)
        {
            _w.Line($"{@else}{Helper}WriteIfSet(writer, {name}, {value}, {Table(type)});");
            return;
        }

        if (IsScalar(type) || IsStringList(type))
        {
            _w.Line($"{@else}{Helper}WriteIfSet(writer, {name}, {value});");
            return;
        }

        var local = Local(property);
        using (_w.Block($"{@else}if ({value} is {{ }} {local})"))
        {
            _w.Line($"writer.WritePropertyName({name}.Encoded);");
            foreach (var line in WriteItem(type, local, 0))
            {
                _w.Line(line);
            }
        }
    }

    /// <summary>A value <c>OxenJson.WriteIfSet</c> writes in one call: a string, number, boolean or JSON element.</summary>
    private static bool IsScalar(TypeSpec type) =>
        type.Kind is ValueKind.String or ValueKind.Integer or ValueKind.Number or ValueKind.Boolean or ValueKind.Any || type.IsFreeObject;

    private static bool IsStringList(TypeSpec type) => type.Kind == ValueKind.Array && type.Item!.Kind == ValueKind.String;

    /// <summary>Statements writing one value (no name): an array item, or a property after its name.</summary>
    private IEnumerable<string> WriteItem(TypeSpec type, string value, int depth)
    {
        switch (type.Kind)
        {
            case ValueKind.String:
                return [$"if ({value} is null) writer.WriteNullValue();", $"else writer.WriteStringValue({value});"];
            case ValueKind.Integer or ValueKind.Number:
                return [$"writer.WriteNumberValue({value});"];
            case ValueKind.Boolean:
                return [$"writer.WriteBooleanValue({value});"];
            case ValueKind.Enum:
                return [$"{Table(type)}.Write(writer, {value});"];
            case ValueKind.Object when !type.IsFreeObject:
                return [$"if ({value} is null) writer.WriteNullValue();", $"else {Global(ConverterName(type.TypeName!))}.WriteValue(writer, {value});"];
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
            _w.Line($"{Helper}ExpectObject(ref reader, {CSharp.StringLiteral(objectPath)});");
            // Values are read straight into the object; required ones start as placeholders and are checked at the end
            // (a required number or enum through a local, as its type has no "missing").
            var required = spec.Properties.Where(p => p.IsRequired).ToList();
            var placeholders = string.Join(", ", required.Select(p => $"{p.PropertyName} = {Placeholder(p.Type)}"));
            _w.Line(required.Count == 0 ? $"var value = new {type}();" : $"var value = new {type} {{ {placeholders} }};");
            foreach (var property in required.Where(p => IsValueType(p.Type) && !p.Type.IsNullable))
            {
                _w.Line($"{ClrType(property.Type)}? {Local(property)} = default;");
            }

            // A required property that may be null is told from a missing one by having been read.
            foreach (var property in required.Where(p => p.Type.IsNullable))
            {
                _w.Line($"var {Seen(property)} = false;");
            }

            using (_w.Block($"while ({Helper}NextName(ref reader))"))
            {
                var @else = "";
                if (isRequest)
                {
                    _w.Line($"if ({Helper}Model.TryRead(ref reader)) {Helper}ExpectModel(ref reader, {type}.ModelId);");
                    @else = "else ";
                }

                foreach (var property in spec.Properties)
                {
                    var path = spec.JsonPath + property.JsonName;
                    var nullable = property.Type.IsNullable;
                    var target = property.IsRequired && IsValueType(property.Type) && !nullable
                        ? Local(property)
                        : $"value.{property.PropertyName}";
                    // A required reference is checked for null after the loop: the read itself may give null (JSON null).
                    var read = ReadExpression(property.Type, "reader", path);
                    if (property.IsRequired && !IsValueType(property.Type) && !nullable)
                    {
                        read = read.Contains(" ? ") ? $"({read})!" : read + "!";
                    }

                    var condition = $"{@else}if ({NameField(property)}.TryRead(ref reader))";
                    _w.Line(property.IsRequired && nullable
                        ? $"{condition} {{ {target} = {read}; {Seen(property)} = true; }}"
                        : $"{condition} {target} = {read};");
                    @else = "else ";
                }

                if (spec.IsClosed)
                {
                    // additionalProperties: false. The name and the known ones are in the message.
                    var known = CSharp.StringLiteral(string.Join(", ", spec.Properties.Select(p => p.JsonName)));
                    var prefix = CSharp.StringLiteral(isRequest ? "" : spec.JsonPath);
                    _w.Line($"{@else}throw {Helper}UnknownName(ref reader, {prefix}, {known});");
                }
                else
                {
                    // A property this schema does not know: skipped, as the server's echo may add some.
                    _w.Line($"{@else}{Helper}SkipValue(ref reader);");
                }
            }

            _w.Line();
            foreach (var property in required)
            {
                var path = CSharp.StringLiteral(spec.JsonPath + property.JsonName);
                if (property.Type.IsNullable)
                {
                    _w.Line($"if (!{Seen(property)}) throw {Helper}Missing({path});");
                    continue;
                }

                _w.Line(IsValueType(property.Type)
                    ? $"value.{property.PropertyName} = {Local(property)} ?? throw {Helper}MissingRequired({path});"
                    : $"if (value.{property.PropertyName} is null) throw {Helper}MissingRequired({path});");
            }

            _w.Line("return value;");
        }
    }

    /// <summary>What a required property holds until it is read (it is checked after the loop).</summary>
    private static string Placeholder(TypeSpec type) =>
        type.IsNullable ? "null" : IsValueType(type) ? "default" : "null!";

    /// <summary>The local that says a required property that may be null was read.</summary>
    private static string Seen(PropertySpec property) => "has" + property.PropertyName;

    /// <summary>An expression reading the current token as <paramref name="type"/>, or null for JSON null.</summary>
    private string ReadExpression(TypeSpec type, string reader, string path)
    {
        var p = CSharp.StringLiteral(path);
        switch (type.Kind)
        {
            case ValueKind.String when type.Media != MediaKind.None:
                return $"{Helper}ReadMedia(ref {reader}, {p})";
            case ValueKind.String:
                return $"{Helper}ReadString(ref {reader}, {p})";
            case ValueKind.Integer:
                return $"{Helper}{(UsesLong(type) ? "ReadInt64" : "ReadInt32")}(ref {reader}, {p})";
            case ValueKind.Number:
                return $"{Helper}ReadDouble(ref {reader}, {p})";
            case ValueKind.Boolean:
                return $"{Helper}ReadBoolean(ref {reader}, {p})";
            case ValueKind.Enum:
                return $"{Helper}ReadEnum(ref {reader}, {p}, {Table(type)})";
            case ValueKind.Object when type.IsFreeObject:
                return $"{reader}.TokenType == {Json}.JsonTokenType.Null ? null : {Helper}ReadObject(ref {reader}, {p})";
            case ValueKind.Object:
                return $"{reader}.TokenType == {Json}.JsonTokenType.Null ? null : {Global(ConverterName(type.TypeName!))}.ReadValue(ref {reader})";
            case ValueKind.Array when type.IsMediaList:
                return $"{Helper}ReadMediaList(ref {reader}, {p})";
            case ValueKind.Array when IsStringList(type):
                return $"{Helper}ReadStringList(ref {reader}, {p})";
            case ValueKind.Array:
                var item = type.Item!;
                var itemReader = "r" + path.Count(ch => ch == '[');
                var itemPath = CSharp.StringLiteral(path + "[]");
                var itemExpression = ReadExpression(item, itemReader, path + "[]");
                // Items are not nullable: a JSON null in a list of values is a type error, in a list of references it is kept for Validate().
                var nonNull = item.Kind switch
                {
                    ValueKind.Enum => $"{Table(item)}.Read(ref {itemReader}, {itemPath})",
                    ValueKind.Any => $"{Helper}ReadAny(ref {itemReader})",
                    ValueKind.Object when item.IsFreeObject => $"{Helper}ReadObject(ref {itemReader}, {itemPath})",
                    _ when IsValueType(item) => $"{Helper}NotNull({itemExpression}, {itemPath})",
                    _ => $"({itemExpression})!",
                };
                return $"{Helper}ReadList<{ClrType(item)}>(ref {reader}, {p}, static (ref {Json}.Utf8JsonReader {itemReader}) => {nonNull})";
            default:
                return $"{reader}.TokenType == {Json}.JsonTokenType.Null ? null : {Helper}ReadAny(ref {reader})";
        }
    }
}
