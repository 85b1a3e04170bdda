using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Oxen.Video.Schemas.Specs;

namespace Oxen.Video.Generator.Emit;

internal sealed partial class Emitter
{
    private void WriteValidateMethod()
    {
        _w.Line("/// <summary>Checks every value against the schema: ranges, lengths, item counts, URIs, enum members, required values.</summary>");
        _w.Line($"public {Validation}.OxenValidationResult Validate() => {Validation}.OxenValidationResult.From(AddErrors(new()));");
    }

    private void WriteAddErrors(ObjectSpec spec, bool isRequest)
    {
        // The request's paths are constants (it is never nested, so it takes no prefix); a nested object's are
        // prefixed with where it sits (elements[2].).
        var header = isRequest
            ? $"internal {ErrorList} AddErrors({ErrorList} errors)"
            : $"internal {ErrorList} AddErrors({ErrorList} errors, string prefix)";
        _w.Line(isRequest
            ? "/// <summary>Adds this request's schema violations to <paramref name=\"errors\"/> and returns the list.</summary>"
            : "/// <summary>Adds this object's violations to <paramref name=\"errors\"/>, under <paramref name=\"prefix\"/>; returns the list.</summary>");
        using (_w.Block(header))
        {
            foreach (var property in spec.Properties)
            {
                var path = isRequest ? CSharp.StringLiteral(property.JsonName) : $"prefix + {CSharp.StringLiteral(property.JsonName)}";
                if (property.IsRequired && !IsValueType(property.Type) && !property.Type.IsNullable)
                {
                    _w.Line($"{Validator}.Required(errors, {path}, {property.PropertyName});");
                }

                var type = property.Type;
                if (type.Kind == ValueKind.Object && !type.IsFreeObject)
                {
                    var nestedPath = isRequest ? CSharp.StringLiteral(property.JsonName + ".") : $"prefix + {CSharp.StringLiteral(property.JsonName + ".")}";
                    _w.Line($"{property.PropertyName}?.AddErrors(errors, {nestedPath});");
                    continue;
                }

                if (type.Kind != ValueKind.Array || ChecksStringItems(type))
                {
                    // Each check takes the value as it is and passes null (unset): one line per keyword.
                    foreach (var check in ValueChecks(type, property.PropertyName, path))
                    {
                        _w.Line(check);
                    }

                    continue;
                }

                var checks = ValueChecks(type, Local(property), path);
                if (checks.Count > 0)
                {
                    using (_w.Block($"if ({property.PropertyName} is {{ }} {Local(property)})"))
                    {
                        foreach (var check in checks)
                        {
                            _w.Line(check);
                        }
                    }
                }
            }

            WriteMediaReferenceChecks(spec);
            _w.Line("return errors;");
        }
    }

    /// <summary>
    /// <c>x-media-references</c>: the prompt's tokens (<c>@Image3</c>) must name items the request holds. The parser
    /// keeps references only for a request with a string <c>prompt</c>.
    /// </summary>
    private void WriteMediaReferenceChecks(ObjectSpec spec)
    {
        if (spec.MediaReferences.Count == 0)
        {
            return;
        }

        var prompt = spec.Properties.First(p => p.JsonName == "prompt");
        foreach (var reference in spec.MediaReferences)
        {
            var field = spec.Properties.First(p => p.JsonName == reference.Field);
            var count = field.Type.IsMediaList ? $"{field.PropertyName}?.Count ?? 0" : $"{field.PropertyName} is null ? 0 : 1";
            _w.Line($"{Validator}.MediaReferences(errors, \"prompt\", {prompt.PropertyName}, {CSharp.StringLiteral(reference.Pattern)}, "
                + $"{CSharp.StringLiteral(reference.Field)}, {count});");
        }
    }

    /// <summary>The lines that check one value (null passes); empty when its type cannot be wrong.</summary>
    private List<string> ValueChecks(TypeSpec type, string value, string path, int depth = 0)
    {
        var c = type.Constraints;
        var checks = new List<string>();
        switch (type.Kind)
        {
            case ValueKind.Integer or ValueKind.Number when c.HasRange:
                checks.Add($"{Validator}.Range(errors, {path}, {value}, {RangeArguments(c)});");
                break;
            case ValueKind.String when type.Media != MediaKind.None:
                // A media field is a URL or a local file: Media checks both, and a length means nothing for a file.
                checks.Add($"{Validator}.Media(errors, {path}, {value}, {MediaKindName(type.Media)});");
                break;
            case ValueKind.String:
                if (c.HasLength)
                {
                    checks.Add($"{Validator}.Length(errors, {path}, {value}, minimum: {c.MinLength ?? 0}, maximum: {MaxText(c.MaxLength)});");
                }

                if (c.IsUri)
                {
                    checks.Add($"{Validator}.Uri(errors, {path}, {value});");
                }

                break;
            case ValueKind.Enum:
                checks.Add($"{Validator}.Member(errors, {path}, {value}, {Table(type)});");
                break;
            case ValueKind.Object when type.IsFreeObject:
                checks.Add($"{Validator}.IsObject(errors, {path}, {value});");
                break;
            case ValueKind.Object:
                checks.Add($"{value}.AddErrors(errors, {path} + \".\");");
                break;
            case ValueKind.Array when type.IsMediaList && depth == 0:
                checks.Add($"{Validator}.MediaItems(errors, {path}, {value}, {MediaKindName(type.Item!.Media)}{ItemCountArguments(c)});");
                break;
            case ValueKind.Array when ChecksStringItems(type) && depth == 0:
                checks.Add($"{Validator}.StringItems(errors, {path}, {value}{StringItemsArguments(type)});");
                break;
            case ValueKind.Array:
                if (c.HasItemCount)
                {
                    checks.Add($"{Validator}.ItemCount(errors, {path}, {value}.Count, minimum: {c.MinItems ?? 0}, maximum: {MaxText(c.MaxItems)});");
                }

                // Loop variables carry the depth, so arrays of arrays do not shadow each other.
                var index = "i" + depth;
                var item = "item" + depth;
                var itemPath = $"{path} + \"[\" + {index}.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \"]\"";
                var itemPathLocal = "path" + depth;
                var itemChecks = ValueChecks(type.Item!, item, itemPathLocal, depth + 1);
                var itemIsReference = !IsValueType(type.Item!);
                // A null item is an error unless the schema allows it (anyOf: [X, null] as the items).
                var nullIsError = itemIsReference && !type.Item!.IsNullable;
                if (itemChecks.Count == 0 && !nullIsError)
                {
                    break;
                }

                checks.Add($"for (var {index} = 0; {index} < {value}.Count; {index}++)");
                checks.Add("{");
                checks.Add($"    var {item} = {value}[{index}];");
                // The item's path is built once, where the loop body needs it, not once per check.
                checks.Add($"    var {itemPathLocal} = {itemPath};");
                if (nullIsError)
                {
                    checks.Add($"    if ({item} is null)");
                    checks.Add("    {");
                    checks.Add($"        {Validator}.Required(errors, {itemPathLocal}, null);");
                    checks.Add("        continue;");
                    checks.Add("    }");
                }
                else if (itemIsReference)
                {
                    checks.Add($"    if ({item} is null) continue;");
                }

                checks.AddRange(itemChecks.Select(line => "    " + line));
                checks.Add("}");
                break;
        }

        return checks;
    }

    /// <summary>
    /// A list of strings checked by one <c>OxenValidator.StringItems</c> call, which reports null items; a list whose
    /// items may be null is checked item by item instead.
    /// </summary>
    private static bool ChecksStringItems(TypeSpec type) => IsStringList(type) && !type.Item!.IsNullable;

    /// <summary>The bounds of <c>OxenValidator.Range</c> as named arguments; an exclusive flag only when set.</summary>
    private static string RangeArguments(ConstraintSpec c) =>
        $"minimum: {CSharp.DoubleLiteral(c.Minimum ?? double.NegativeInfinity)}, maximum: {CSharp.DoubleLiteral(c.Maximum ?? double.PositiveInfinity)}"
        + (c.ExclusiveMinimum ? ", exclusiveMinimum: true" : "")
        + (c.ExclusiveMaximum ? ", exclusiveMaximum: true" : "");

    /// <summary>The keywords of a list of strings and of its items, as named arguments of <c>OxenValidator.StringItems</c>.</summary>
    private static string StringItemsArguments(TypeSpec type)
    {
        var c = type.Constraints;
        var item = type.Item!.Constraints;
        var arguments = new List<string>();
        // Absent bounds keep the method's defaults (0 and int.MaxValue).
        if (c.MinItems is { } minItems)
        {
            arguments.Add($"minItems: {minItems}");
        }

        if (c.MaxItems is { } maxItems)
        {
            arguments.Add($"maxItems: {maxItems}");
        }

        if (item.MinLength is { } minLength)
        {
            arguments.Add($"minLength: {minLength}");
        }

        if (item.MaxLength is { } maxLength)
        {
            arguments.Add($"maxLength: {maxLength}");
        }

        if (item.IsUri)
        {
            arguments.Add("uri: true");
        }

        return string.Concat(arguments.Select(a => ", " + a));
    }

    /// <summary><c>minItems</c> and <c>maxItems</c> as named arguments, only those the schema sets.</summary>
    private static string ItemCountArguments(ConstraintSpec c) =>
        (c.MinItems is { } min ? $", minItems: {min}" : "") + (c.MaxItems is { } max ? $", maxItems: {max}" : "");

    private static string MaxText(int? max) => max is null ? "int.MaxValue" : max.Value.ToString(CultureInfo.InvariantCulture);

    private static string Bool(bool value) => value ? "true" : "false";
}
