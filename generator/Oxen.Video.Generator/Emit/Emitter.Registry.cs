using System.Collections.Generic;
using System.Linq;
using Oxen.Video.Schemas.Specs;

namespace Oxen.Video.Generator.Emit;

internal sealed partial class Emitter
{
    private const string ModelsNs = "global::Oxen.Video.Models";

    /// <summary>The model's registry entry, built once per type from the schema's metadata.</summary>
    private void WriteModelInfo()
    {
        var m = _model;
        _w.Line($"public static {ModelsNs}.OxenModelInfo ModelInfo {{ get; }} = new(");
        _w.Line($"    id: ModelId, displayName: {CSharp.StringLiteral(m.DisplayName)}, endpoint: {CSharp.StringLiteral(m.Endpoint)}, requestType: typeof({Global(m.TypeName)}),");
        _w.Line($"    description: {Nullable(m.Description)},");
        _w.Line("    parameters:");
        _w.Line("    [");
        foreach (var property in m.Request.Properties)
        {
            _w.Line($"        {ParameterExpression(property)},");
        }

        _w.Line("    ],");

        // Only what the schema gives: the rest keeps the entry's defaults (null, no capabilities).
        var init = new List<string>();
        if (m.ModelType is not null)
        {
            init.Add($"ModelType = {Nullable(m.ModelType)},");
        }

        if (m.InputCapabilities.Count > 0)
        {
            init.Add($"InputCapabilities = {StringArray(m.InputCapabilities)},");
        }

        if (m.OutputCapabilities.Count > 0)
        {
            init.Add($"OutputCapabilities = {StringArray(m.OutputCapabilities)},");
        }

        if (m.Pricing is not null)
        {
            init.Add($"Pricing = {PricingExpression(m.Pricing)},");
        }

        if (m.RemovedFromDocsOn is not null)
        {
            init.Add($"RemovedFromDocsOn = {Nullable(m.RemovedFromDocsOn)},");
        }

        if (init.Count == 0)
        {
            _w.Line("    parse: Parse);");
            return;
        }

        _w.Line("    parse: Parse)");
        _w.Line("{");
        foreach (var line in init)
        {
            _w.Line("    " + line);
        }

        _w.Line("};");
    }

    /// <summary>A parameter's entry: the name, C# property and kind by position, the rest by name.</summary>
    private string ParameterExpression(PropertySpec property)
    {
        var type = property.Type;
        var allowed = type.Kind == ValueKind.Enum ? $"{Table(type)}.Values" : "[]";
        var init = new List<string>();
        if (type.Item is { } item)
        {
            init.Add($"ItemKind = {ModelsNs}.OxenValueKind.{item.Kind}");
        }

        var constraints = type.Item?.Constraints.HasRange == true ? type.Item.Constraints : type.Constraints;
        if (constraints.Minimum is { } min)
        {
            init.Add($"Minimum = {CSharp.DoubleLiteral(min)}");
        }

        if (constraints.Maximum is { } max)
        {
            init.Add($"Maximum = {CSharp.DoubleLiteral(max)}");
        }

        var format = type.Constraints.Format ?? type.Item?.Constraints.Format;
        if (format is not null)
        {
            init.Add($"Format = {CSharp.StringLiteral(format)}");
        }

        var media = type.MediaOfValueOrItems;
        if (media != MediaKind.None)
        {
            init.Add($"MediaKind = {MediaKindName(media)}");
        }

        var text = property.Description ?? property.Title;
        var expression = $"new({CSharp.StringLiteral(property.JsonName)}, {CSharp.StringLiteral(property.PropertyName)}, {ModelsNs}.OxenValueKind.{type.Kind}, "
            + $"IsRequired: {Bool(property.IsRequired)}, Description: {Nullable(text)}, DefaultJson: {DefaultJson(property)}, AllowedValues: {allowed})";
        return init.Count == 0 ? expression : $"{expression} {{ {string.Join(", ", init)} }}";
    }

    /// <summary>
    /// The default's JSON text; a long string default that needs no escape is built from its constant, so the text
    /// is stated once (a constant: <c>"\"" + Defaults.Prompt + "\""</c>).
    /// </summary>
    private static string DefaultJson(PropertySpec property)
    {
        var d = property.Default;
        if (d is { Text: { } text } && IsLongDefault(d) && d.Json == "\"" + text + "\"" && CSharp.StringLiteral(text) == d.Json)
        {
            return $"\"\\\"\" + Defaults.{property.PropertyName} + \"\\\"\"";
        }

        return Nullable(d?.Json);
    }

    private static string PricingExpression(PricingSpec? pricing)
    {
        if (pricing is null)
        {
            return "null";
        }

        var byResolution = pricing.CostPerSecondByResolution.Count == 0
            ? "null"
            : "new global::System.Collections.Generic.Dictionary<string, double> { "
                + string.Join(", ", pricing.CostPerSecondByResolution.Select(e => $"[{CSharp.StringLiteral(e.Resolution)}] = {e.Cost}d"))
                + " }";
        return $"new {ModelsNs}.OxenModelPricing({Nullable(pricing.Method)}, {NullableNumber(pricing.CostPerSecond)}, {NullableNumber(pricing.CostPerSecondWithAudio)}, {byResolution})";
    }

    private static string Nullable(string? text) => text is null ? "null" : CSharp.StringLiteral(text);

    private static string NullableNumber(string? json) => json is null ? "null" : json + "d";

    private static string StringArray(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? "global::System.Array.Empty<string>()" : $"new string[] {{ {string.Join(", ", list.Select(CSharp.StringLiteral))} }}";
    }

    /// <summary>The <c>OxenModels</c> registry over every model of the compilation, sorted by id.</summary>
    public static string EmitRegistry(IReadOnlyList<ModelSummary> models, string @namespace)
    {
        var w = new SourceWriter();
        WriteHeader(w, @namespace);
        w.Line("/// <summary>Every Oxen model generated from this project's <c>OxenSchema</c> files.</summary>");
        w.Line($"[global::System.CodeDom.Compiler.GeneratedCode(\"{GeneratorName}\", \"{typeof(Emitter).Assembly.GetName().Version}\")]");
        using (w.Block("public static partial class OxenModels"))
        {
            w.Line("/// <summary>The models, sorted by id.</summary>");
            w.Line($"public static global::System.Collections.Generic.IReadOnlyList<{ModelsNs}.OxenModelInfo> All {{ get; }} = new {ModelsNs}.OxenModelInfo[]");
            w.Line("{");
            foreach (var model in models)
            {
                w.Line($"    global::{@namespace}.{model.TypeName}.ModelInfo,");
            }

            w.Line("};");
            w.Line();
            w.Line("/// <summary>The model with this id, or null when none was generated.</summary>");
            w.Open($"public static {ModelsNs}.OxenModelInfo? Find(string id) => id switch");
            foreach (var model in models)
            {
                w.Line($"{CSharp.StringLiteral(model.Id)} => global::{@namespace}.{model.TypeName}.ModelInfo,");
            }

            w.Line("_ => null,");
            w.Close(";");
        }

        return w.ToString();
    }
}
