using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Oxen.Video.Models;
using Oxen.Video.Schemas.Specs;

namespace Oxen.Video;

public sealed partial class OxenModelSchema
{
    private OxenModelInfo? _info;

    /// <summary>
    /// The registry's view of this model, as a generated type's <c>ModelInfo</c> gives it: display name, endpoint,
    /// pricing and parameters (requests parse into <see cref="OxenSchemaRequest"/>).
    /// </summary>
    public OxenModelInfo Info => _info ??= CreateInfo();

    private OxenModelInfo CreateInfo()
    {
        var m = Spec;
        return new OxenModelInfo(m.Id, m.DisplayName, m.Description, m.Endpoint, typeof(OxenSchemaRequest), [.. m.Request.Properties.Select(Parameter)], ParseBody)
        {
            ModelType = m.ModelType,
            InputCapabilities = [.. m.InputCapabilities],
            OutputCapabilities = [.. m.OutputCapabilities],
            Pricing = m.Pricing is { } p ? new OxenModelPricing(p.Method, Number(p.CostPerSecond), Number(p.CostPerSecondWithAudio), ByResolution(p)) : null,
            RemovedFromDocsOn = m.RemovedFromDocsOn,
        };
    }

    // The same mapping as the generated CreateModelInfo(), from the same spec.
    private OxenParameterInfo Parameter(PropertySpec property)
    {
        var type = property.Type;
        var allowed = type.Kind == ValueKind.Enum ? Spec.Enums.First(e => e.TypeName == type.TypeName).Members.Select(m => m.WireJson).ToArray() : [];
        var constraints = type.Item?.Constraints.HasRange == true ? type.Item.Constraints : type.Constraints;
        return new OxenParameterInfo(property.JsonName, property.PropertyName, KindOf(type.Kind), property.IsRequired, property.Description ?? property.Title, property.Default?.Json, allowed)
        {
            ItemKind = type.Item is { } item ? KindOf(item.Kind) : null,
            Minimum = constraints.Minimum,
            Maximum = constraints.Maximum,
            Format = type.Constraints.Format ?? type.Item?.Constraints.Format,
            MediaKind = SchemaValueValidator.ToRuntime(type.MediaOfValueOrItems),
        };
    }

    // The two enums name the same kinds (the generated code maps them by name too).
    private static OxenValueKind KindOf(ValueKind kind) => Enum.Parse<OxenValueKind>(kind.ToString());

    private OxenSchemaRequest ParseBody(ReadOnlySpan<byte> utf8Json)
    {
        var body = JsonNode.Parse(Encoding.UTF8.GetString(utf8Json)) as JsonObject
            ?? throw new System.Text.Json.JsonException($"A request body for '{ModelId}' must be a JSON object.");
        body.Remove("model");
        return new OxenSchemaRequest(this, body);
    }

    private static double? Number(string? json) =>
        json is not null && double.TryParse(json, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;

    private static Dictionary<string, double>? ByResolution(PricingSpec pricing) =>
        pricing.CostPerSecondByResolution.Count == 0
            ? null
            : pricing.CostPerSecondByResolution.Where(e => Number(e.Cost) is not null).ToDictionary(e => e.Resolution, e => Number(e.Cost)!.Value);
}
