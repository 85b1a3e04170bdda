using System.Linq;
using Oxen.Video.Internal;
using Oxen.Video.Schemas.Specs;

namespace Oxen.Video.Generator.Emit;

internal sealed partial class Emitter
{
    private void WriteRequestType()
    {
        var m = _model;
        var summary = m.Description is null ? m.DisplayName : $"{m.DisplayName}: {m.Description}";
        _w.Doc("summary", CSharp.Xml(summary));
        var remarks = $"The request body of the Oxen model <c>{CSharp.Xml(m.Id)}</c>{(m.ModelType is null ? "" : $" ({CSharp.Xml(m.ModelType)})")}, sent to <c>{CSharp.Xml(m.Endpoint)}</c>.";
        if (m.RemovedFromDocsOn is not null)
        {
            remarks += $" Its page left Oxen's docs on {CSharp.Xml(m.RemovedFromDocsOn)}: the model may no longer be served.";
        }

        // Defaults exists only when some default has a C# constant: a cref to it otherwise breaks documented builds (CS1574).
        var defaults = m.Request.Properties.Any(p => p.Default?.HasConstant == true)
            ? "the schema's defaults are in <see cref=\"Defaults\"/> and are applied by the server, not sent"
            : "the server applies the schema's defaults";
        remarks += $" Generated from <c>{CSharp.Xml(System.IO.Path.GetFileName(m.FilePath))}</c>; {defaults}.";
        remarks += " An optional property left null is left out of the request.";
        _w.Doc("remarks", remarks);
        _w.Line($"[{Json}.Serialization.JsonConverter(typeof({ConverterName(m.Request)}))]");
        _w.Line($"[{GeneratedCode}]");
        using (_w.Block($"public sealed partial class {m.TypeName} : global::Oxen.Video.IOxenRequest"))
        {
            _w.Line("/// <summary>The model id, sent as <c>\"model\"</c>.</summary>");
            _w.Line($"public const string ModelId = {CSharp.StringLiteral(m.Id)};");
            _w.Line();
            _w.Line("string global::Oxen.Video.IOxenRequest.ModelId => ModelId;");
            WriteProperties(m.Request, afterMembers: true);
            WriteDefaults(m.Request);
            _w.Line();
            _w.Line("/// <summary>What the registry knows of this model: display name, endpoint, pricing and parameters.</summary>");
            WriteModelInfo();
            _w.Line();
            _w.Line("global::Oxen.Video.Models.OxenModelInfo? global::Oxen.Video.IOxenRequest.ModelInfo => ModelInfo;");
            _w.Line();
            WriteValidateMethod();
            _w.Line();
            // The one-line members of the JSON body read as a group.
            _w.Line("/// <inheritdoc />");
            _w.Line($"public void WriteTo({Json}.Utf8JsonWriter writer) => {Global(ConverterName(m.Request))}.WriteValue(writer ?? throw new global::System.ArgumentNullException(nameof(writer)), this);");
            _w.Line("/// <summary>Parses a request body (<c>{\"model\": ..., ...}</c>) written for this model.</summary>");
            _w.Line($"/// <exception cref=\"{Json}.JsonException\">The JSON is not a body for this model, or a value has the wrong type.</exception>");
            _w.Line($"public static {m.TypeName} Parse(global::System.ReadOnlySpan<byte> utf8Json) => {OxenJson}.Parse(utf8Json, {Global(ConverterName(m.Request))}.ReadValue);");
            _w.Line("/// <inheritdoc cref=\"Parse(global::System.ReadOnlySpan{byte})\"/>");
            _w.Line($"public static {m.TypeName} Parse(string json) => Parse(global::System.Text.Encoding.UTF8.GetBytes(json));");
            _w.Line();
            WriteAddErrors(m.Request, isRequest: true);
        }
    }

    private void WriteNestedType(ObjectSpec spec)
    {
        var text = spec.Description ?? spec.Title;
        var summary = text is null ? $"A value of <c>{CSharp.Xml(spec.JsonPath.TrimEnd('.'))}</c> in <see cref=\"{_model.TypeName}\"/>." : CSharp.Xml(text);
        _w.Doc("summary", summary);
        _w.Doc("remarks", $"JSON path <c>{CSharp.Xml(spec.JsonPath.TrimEnd('.'))}</c> of model <c>{CSharp.Xml(_model.Id)}</c>. "
            + "An optional property left null is left out; a default is applied by the server.");
        _w.Line($"[{Json}.Serialization.JsonConverter(typeof({ConverterName(spec)}))]");
        _w.Line($"[{GeneratedCode}]");
        using (_w.Block($"public sealed partial class {spec.TypeName}"))
        {
            WriteProperties(spec, afterMembers: false);
            WriteDefaults(spec);
            _w.Line();
            WriteAddErrors(spec, isRequest: false);
        }
    }

    private void WriteProperties(ObjectSpec spec, bool afterMembers)
    {
        // The properties read as a list: no blank lines between them.
        if (afterMembers && spec.Properties.Count > 0)
        {
            _w.Line();
        }

        foreach (var property in spec.Properties)
        {
            WritePropertyDocs(property);
            foreach (var attribute in ConstraintAttributes(property.Type))
            {
                _w.Line(attribute);
            }

            var type = ClrType(property.Type);
            var mayBeNull = property.Type.IsNullable ? "?" : "";
            _w.Line(property.IsRequired
                ? $"public required {type}{mayBeNull} {property.PropertyName} {{ get; set; }}"
                : $"public {type}? {property.PropertyName} {{ get; set; }}");
        }
    }

    private void WritePropertyDocs(PropertySpec property)
    {
        var text = property.Description ?? property.Title;
        var summary = text is null ? $"The <c>{CSharp.Xml(property.JsonName)}</c> parameter." : CSharp.Xml(text);
        var remarks = $"JSON <c>{CSharp.Xml(property.JsonName)}</c>";
        remarks += (property.IsRequired, property.Type.IsNullable) switch
        {
            (true, true) => ", required, may be null (sent as JSON null).",
            (true, false) => ", required.",
            // What "optional" means (left out when null) is said once, in the type's remarks.
            (false, true) => ", optional (JSON null is read as not set).",
            _ => ", optional.",
        };
        if (property.Default is { } d)
        {
            // A long default is stated once, in its constant: the docs name the constant.
            remarks += IsLongDefault(d)
                ? $" Default <see cref=\"Defaults.{property.PropertyName}\"/>."
                : $" Default <c>{CSharp.Xml(d.Json)}</c>" + (!d.HasConstant ? "." : $" (<see cref=\"Defaults.{property.PropertyName}\"/>).");
        }

        if (Describe(property.Type) is { Length: > 0 } allowed)
        {
            remarks += " " + allowed;
        }

        // What it is, then how it travels and what it allows.
        _w.Doc("summary", summary);
        _w.Doc("remarks", remarks);
    }

    /// <summary>A sentence on what a value allows, for the docs.</summary>
    private string Describe(TypeSpec type)
    {
        var c = type.Constraints;
        var parts = new System.Collections.Generic.List<string>();
        if (type.Kind == ValueKind.Enum)
        {
            parts.Add("Allowed: " + CSharp.Xml(string.Join(", ", type.Enum!.Members.Select(m => m.WireJson))) + ".");
        }

        if (c.HasRange)
        {
            parts.Add($"Range: {RangeText(c)}.");
        }

        if (c.HasLength)
        {
            parts.Add($"Length: {ValueRules.DescribeCount(c.MinLength ?? 0, c.MaxLength ?? int.MaxValue, "characters")}.");
        }

        if (c.HasItemCount)
        {
            parts.Add($"Items: {ValueRules.DescribeCount(c.MinItems ?? 0, c.MaxItems ?? int.MaxValue, "items")}.");
        }

        if (type.Media != MediaKind.None)
        {
            var noun = type.Media switch
            {
                MediaKind.Image => "An image",
                MediaKind.Video => "A video",
                _ => "An audio clip",
            };
            parts.Add($"{noun}: an http, https or data: URL, or a local file (<see cref=\"global::Oxen.Video.OxenMedia.FromFile\"/>), sent for you.");
        }
        else if (c.IsUri)
        {
            parts.Add("An absolute URI.");
        }

        if (type.Kind == ValueKind.Array && type.Item is { } item && Describe(item) is { Length: > 0 } itemText)
        {
            parts.Add("Each item: " + itemText);
        }

        if (type.IsFreeObject)
        {
            parts.Add("A JSON object; the schema does not describe its keys.");
        }

        if (type.Kind == ValueKind.Any)
        {
            parts.Add("Any JSON value: the schema's shape is not typed.");
        }

        return string.Join(" ", parts);
    }

    private static string RangeText(ConstraintSpec c) =>
        ValueRules.DescribeRange(c.Minimum ?? double.NegativeInfinity, c.Maximum ?? double.PositiveInfinity, c.ExclusiveMinimum, c.ExclusiveMaximum);

    private static System.Collections.Generic.IEnumerable<string> ConstraintAttributes(TypeSpec type)
    {
        var c = type.Constraints;
        if (c.HasRange)
        {
            var args = $"{CSharp.DoubleLiteral(c.Minimum ?? double.NegativeInfinity)}, {CSharp.DoubleLiteral(c.Maximum ?? double.PositiveInfinity)}";
            var named = (c.ExclusiveMinimum ? ", ExclusiveMinimum = true" : "") + (c.ExclusiveMaximum ? ", ExclusiveMaximum = true" : "");
            yield return $"[{Schema}.OxenRange({args}{named})]";
        }

        if (c.HasLength)
        {
            yield return $"[{Schema}.OxenLength({c.MinLength ?? 0}, {(c.MaxLength is null ? "int.MaxValue" : c.MaxLength.ToString())})]";
        }

        if (c.HasItemCount)
        {
            yield return $"[{Schema}.OxenItemCount({c.MinItems ?? 0}, {(c.MaxItems is null ? "int.MaxValue" : c.MaxItems.ToString())})]";
        }

        // On a media property too: OXEN104 then flags a constant such as "images/cat.png", which is not a URL.
        if (c.IsUri)
        {
            yield return $"[{Schema}.OxenUri]";
        }
    }

    private void WriteDefaults(ObjectSpec spec)
    {
        var withConstants = spec.Properties.Where(p => p.Default?.HasConstant == true).ToList();
        if (withConstants.Count == 0)
        {
            return;
        }

        _w.Line();
        _w.Line("/// <summary>The schema's defaults: what the server uses for a property left unset. They are not sent.</summary>");
        using (_w.Block("public static class Defaults"))
        {
            // Each constant is named after its property, whose docs show the schema's JSON for it.
            foreach (var property in withConstants)
            {
                // A media default is the URL the server uses: a string constant, as OxenMedia cannot be one.
                var type = property.Type.Media == MediaKind.None ? ClrType(property.Type) : "string";
                _w.Line($"/// <summary>The server's default for <c>{CSharp.Xml(property.JsonName)}</c>.</summary>");
                _w.Line($"public const {type} {property.PropertyName} = {DefaultLiteral(property.Type, property.Default!)};");
            }
        }
    }

    /// <summary>A default too long to repeat: its constant is the one place that states it.</summary>
    private static bool IsLongDefault(DefaultSpec value) => value.HasConstant && value.Json.Length > LongDefault;

    /// <summary>The C# constant of a default the parser typed.</summary>
    private string DefaultLiteral(TypeSpec type, DefaultSpec value) => type.Kind switch
    {
        ValueKind.String => CSharp.StringLiteral(value.Text!),
        // "R" writes 1E+15 for large integers, which is a double in C#: an integer constant is written in digits.
        ValueKind.Integer => ((long)value.Number!.Value).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ValueKind.Number => CSharp.DoubleLiteral(value.Number!.Value),
        ValueKind.Boolean => value.Boolean!.Value ? "true" : "false",
        _ => $"{Global(type.TypeName!)}.{value.EnumMember}",
    };
}
