using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Oxen.Video.Models;
using Oxen.Video.Schemas.Parsing;
using Oxen.Video.Schemas.Specs;

namespace Oxen.Video.Dynamic;

/// <summary>
/// A model read from its schema at run time: parsed by the schema core (the generator's own reader), described
/// as an <see cref="OxenModelInfo"/> like a compiled registry entry, whose requests are <see cref="OxenDynamicRequest"/>s.
/// </summary>
internal static class OxenDynamicModel
{
    /// <summary>Reads a schema file's text (a model object, an evaluations entry, or a bare schema named by <paramref name="path"/>).</summary>
    /// <exception cref="InvalidDataException">The file yields no model; the message lists the schema core's errors.</exception>
    public static ModelSpec Read(string path, string text)
    {
        var parsed = SchemaParser.Parse(path, text);
        return parsed.Model ?? throw new InvalidDataException(
            string.Join(Environment.NewLine, parsed.Diagnostics.Select(d => d.ToString())));
    }

    /// <summary>The registry's view of <paramref name="model"/>, as the generator would emit it.</summary>
    public static OxenModelInfo ToModelInfo(ModelSpec model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var parameters = model.Request.Properties.Select(p => Parameter(model, p)).ToList();
        return new OxenModelInfo(model.Id, model.DisplayName, model.Description, model.Endpoint, typeof(OxenDynamicRequest), parameters, utf8 => OxenDynamicRequest.Parse(model, utf8))
        {
            ModelType = model.ModelType,
            InputCapabilities = [.. model.InputCapabilities],
            OutputCapabilities = [.. model.OutputCapabilities],
            Pricing = Pricing(model.Pricing),
            RemovedFromDocsOn = model.RemovedFromDocsOn,
        };
    }

    // The same mapping as the generator's registry (Emitter.Registry.ParameterExpression).
    private static OxenParameterInfo Parameter(ModelSpec model, PropertySpec property)
    {
        var type = property.Type;
        var allowed = type.Kind == ValueKind.Enum
            ? model.Enums.First(e => e.TypeName == type.TypeName).Members.Select(m => m.WireJson).ToArray()
            : [];
        var constraints = type.Item?.Constraints.HasRange == true ? type.Item.Constraints : type.Constraints;
        return new OxenParameterInfo(property.JsonName, property.PropertyName, Kind(type.Kind), property.IsRequired, property.Description ?? property.Title, property.Default?.Json, allowed)
        {
            ItemKind = type.Item is { } item ? Kind(item.Kind) : null,
            Minimum = constraints.Minimum,
            Maximum = constraints.Maximum,
            Format = type.Constraints.Format ?? type.Item?.Constraints.Format,
        };
    }

    // By name, as the generator writes OxenValueKind.{Kind}: the two enums order their members differently.
    private static OxenValueKind Kind(ValueKind kind) => kind switch
    {
        ValueKind.String => OxenValueKind.String,
        ValueKind.Integer => OxenValueKind.Integer,
        ValueKind.Number => OxenValueKind.Number,
        ValueKind.Boolean => OxenValueKind.Boolean,
        ValueKind.Enum => OxenValueKind.Enum,
        ValueKind.Object => OxenValueKind.Object,
        ValueKind.Array => OxenValueKind.Array,
        _ => OxenValueKind.Any,
    };

    private static OxenModelPricing? Pricing(PricingSpec? pricing) => pricing is null ? null : new OxenModelPricing(
        pricing.Method,
        Number(pricing.CostPerSecond),
        Number(pricing.CostPerSecondWithAudio),
        pricing.CostPerSecondByResolution.Count == 0 ? null : pricing.CostPerSecondByResolution.ToDictionary(e => e.Resolution, e => Number(e.Cost) ?? 0, StringComparer.Ordinal));

    private static double? Number(string? json) =>
        json is not null && double.TryParse(json, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
