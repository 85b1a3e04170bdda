namespace Oxen.Video.Schemas.Specs;

/// <summary>Everything emitted for one model: plain data only (no symbols, syntax, locations or JSON nodes).</summary>
internal sealed record ModelSpec(
    string Id,
    string FilePath,
    string TypeName,
    string DisplayName,
    string? Description,
    string Endpoint,
    string? ModelType,
    EquatableArray<string> InputCapabilities,
    EquatableArray<string> OutputCapabilities,
    PricingSpec? Pricing,
    string? RemovedFromDocsOn,
    string? DocsUrl,
    ObjectSpec Request,
    EquatableArray<ObjectSpec> NestedObjects,
    EquatableArray<EnumSpec> Enums);

/// <summary>A model object's <c>pricing</c>; numbers are kept as JSON text.</summary>
internal sealed record PricingSpec(
    string? Method,
    string? CostPerSecond,
    string? CostPerSecondWithAudio,
    EquatableArray<PricingEntry> CostPerSecondByResolution);

internal sealed record PricingEntry(string Resolution, string Cost);

/// <summary>The registry's view of a model, collected across all files.</summary>
internal sealed record ModelSummary(string Id, string TypeName, string FilePath);
