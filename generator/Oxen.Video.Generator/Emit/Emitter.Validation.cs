using System.Linq;
using Oxen.Video.Schemas.Specs;

namespace Oxen.Video.Generator.Emit;

internal sealed partial class Emitter
{
    private void WriteValidateMethod()
    {
        _w.Line("/// <summary>Checks every value against the schema: ranges, lengths, item counts, URIs, enum members, required values.</summary>");
        _w.Line("/// <returns>Every problem found, each naming the field, the value and what is allowed.</returns>");
        using (_w.Block($"public {Validation}.OxenValidationResult Validate()"))
        {
            _w.Line($"var errors = new {ErrorList}();");
            _w.Line("AddErrors(errors, \"\");");
            _w.Line($"return errors.Count == 0 ? {Validation}.OxenValidationResult.Success : new {Validation}.OxenValidationResult(errors);");
        }
    }

    private void WriteAddErrors(ObjectSpec spec, bool isRequest)
    {
        // The request's paths are constants; a nested object's are prefixed with where it sits (elements[2].).
        _w.Line("/// <summary>Adds this object's schema violations to <paramref name=\"errors\"/>, under <paramref name=\"prefix\"/>.</summary>");
        using (_w.Block($"internal void AddErrors({ErrorList} errors, string prefix)"))
        {
            foreach (var property in spec.Properties)
            {
                var path = isRequest ? CSharp.StringLiteral(property.JsonName) : $"prefix + {CSharp.StringLiteral(property.JsonName)}";
                var local = Local(property);
                if (property.IsRequired && !IsValueType(property.Type))
                {
                    _w.Line($"{Validation}.OxenValidator.Required(errors, {path}, {property.PropertyName});");
                }

                var checks = ValueChecks(property.Type, local, path);
                if (checks.Count == 0)
                {
                    continue;
                }

                var access = property.IsRequired && IsValueType(property.Type) ? $"{property.PropertyName} is var {local}" : $"{property.PropertyName} is {{ }} {local}";
                using (_w.Block($"if ({access})"))
                {
                    foreach (var check in checks)
                    {
                        _w.Line(check);
                    }
                }
            }
        }
    }

    /// <summary>The lines that check one value; empty when its type cannot be wrong.</summary>
    private System.Collections.Generic.List<string> ValueChecks(TypeSpec type, string value, string path, int depth = 0)
    {
        var c = type.Constraints;
        var checks = new System.Collections.Generic.List<string>();
        switch (type.Kind)
        {
            case ValueKind.Integer or ValueKind.Number when c.HasRange:
                checks.Add($"{Validation}.OxenValidator.Range(errors, {path}, {value}, {CSharp.DoubleLiteral(c.Minimum ?? double.NegativeInfinity)}, {CSharp.DoubleLiteral(c.Maximum ?? double.PositiveInfinity)}, {Bool(c.ExclusiveMinimum)}, {Bool(c.ExclusiveMaximum)});");
                break;
            case ValueKind.String:
                if (c.HasLength)
                {
                    checks.Add($"{Validation}.OxenValidator.Length(errors, {path}, {value}, {c.MinLength ?? 0}, {MaxText(c.MaxLength)});");
                }

                if (c.IsUri)
                {
                    checks.Add($"{Validation}.OxenValidator.Uri(errors, {path}, {value});");
                }

                break;
            case ValueKind.Enum:
                var converter = Global(ConverterName(type.TypeName!));
                checks.Add($"if (!{converter}.IsDefined({value}))");
                checks.Add("{");
                checks.Add($"    {Validation}.OxenValidator.NotAllowed(errors, {path}, {converter}.Describe({value}), {converter}.Allowed);");
                checks.Add("}");
                break;
            case ValueKind.Object when type.IsFreeObject:
                checks.Add($"{Validation}.OxenValidator.IsObject(errors, {path}, {value});");
                break;
            case ValueKind.Object:
                checks.Add($"{value}.AddErrors(errors, {path} + \".\");");
                break;
            case ValueKind.Array:
                if (c.HasItemCount)
                {
                    checks.Add($"{Validation}.OxenValidator.ItemCount(errors, {path}, {value}.Count, {c.MinItems ?? 0}, {MaxText(c.MaxItems)});");
                }

                // Loop variables carry the depth, so arrays of arrays do not shadow each other.
                var index = "i" + depth;
                var item = "item" + depth;
                var itemPath = $"{path} + \"[\" + {index}.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \"]\"";
                var itemChecks = ValueChecks(type.Item!, item, itemPath, depth + 1);
                var itemIsReference = !IsValueType(type.Item!);
                if (itemChecks.Count == 0 && !itemIsReference)
                {
                    break;
                }

                checks.Add($"for (var {index} = 0; {index} < {value}.Count; {index}++)");
                checks.Add("{");
                checks.Add($"    var {item} = {value}[{index}];");
                if (itemIsReference)
                {
                    checks.Add($"    if ({item} is null)");
                    checks.Add("    {");
                    checks.Add($"        {Validation}.OxenValidator.Required(errors, {itemPath}, null);");
                    checks.Add("        continue;");
                    checks.Add("    }");
                }

                checks.AddRange(itemChecks.Select(line => "    " + line));
                checks.Add("}");
                break;
        }

        return checks;
    }

    private static string MaxText(int? max) => max is null ? "int.MaxValue" : max.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Bool(bool value) => value ? "true" : "false";
}
