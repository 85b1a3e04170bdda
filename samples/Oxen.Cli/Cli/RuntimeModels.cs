using System.Globalization;
using System.Text.Json.Nodes;
using Oxen.Video;
using Oxen.Video.Models;
using Oxen.Video.Schemas.Specs;

namespace Oxen.Cli.Cli;

/// <summary>
/// A model read at run time (<see cref="OxenModelSchema"/>) described as an <see cref="OxenModelInfo"/>, like a
/// compiled registry entry, so every command treats it the same; its requests are <see cref="OxenSchemaRequest"/>s.
/// </summary>
internal static class RuntimeModels
{
    /// <summary>A schema file's text, read by the schema core as the build would read it.</summary>
    /// <exception cref="UsageException">The text is not a usable schema; the message lists the errors.</exception>
    public static OxenModelInfo Load(string source, string json)
    {
        try
        {
            return ToModelInfo(OxenModelSchema.Parse(json, source));
        }
        catch (OxenSchemaException ex)
        {
            throw new UsageException(ex.Message);
        }
    }

    public static bool IsRuntimeModel(OxenModelInfo model) => model.RequestType == typeof(OxenSchemaRequest);

    private static OxenModelInfo ToModelInfo(OxenModelSchema schema)
    {
        var spec = schema.Spec;
        var parameters = spec.Request.Properties.Select(p => Parameter(spec, p)).ToList();
        return new OxenModelInfo(spec.Id, spec.DisplayName, spec.Description, spec.Endpoint, typeof(OxenSchemaRequest), parameters, utf8 => Parse(schema, utf8))
        {
            ModelType = spec.ModelType,
            InputCapabilities = [.. spec.InputCapabilities],
            OutputCapabilities = [.. spec.OutputCapabilities],
            Pricing = Pricing(spec.Pricing),
            RemovedFromDocsOn = spec.RemovedFromDocsOn,
        };
    }

    /// <summary>A body <c>{"model": ..., ...}</c> as a request: the parameters go to the schema request as given.</summary>
    private static OxenSchemaRequest Parse(OxenModelSchema schema, ReadOnlySpan<byte> utf8)
    {
        var body = JsonNode.Parse(utf8) as JsonObject ?? throw new System.Text.Json.JsonException($"A request body for {schema.ModelId} must be a JSON object.");
        body.Remove("model");
        return schema.CreateRequest(body);
    }

    // The same mapping as the generator's registry entries (Emitter.Registry.ParameterExpression).
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
