using Microsoft.CodeAnalysis;
using Oxen.Video.Schemas.Diagnostics;

namespace Oxen.Video.Generator.Diagnostics;

/// <summary>Every diagnostic the generator (OXEN0xx) and the analyzer (OXEN1xx) report. Ids are stable.</summary>
internal static class DiagnosticDescriptors
{
    private const string SchemaCategory = "Oxen.Schema";
    private const string UsageCategory = "Oxen.Usage";

    public static readonly DiagnosticDescriptor InvalidJson = FromRule("OXEN001", SchemaRules.InvalidJson);

    public static readonly DiagnosticDescriptor NotAnObjectSchema = FromRule("OXEN002", SchemaRules.NotAnObjectSchema);

    public static readonly DiagnosticDescriptor UnsupportedSchema = FromRule("OXEN003", SchemaRules.UnsupportedSchema);

    public static readonly DiagnosticDescriptor NameCollision = FromRule("OXEN004", SchemaRules.NameCollision);

    public static readonly DiagnosticDescriptor InvalidDefault = FromRule("OXEN005", SchemaRules.InvalidDefault);

    public static readonly DiagnosticDescriptor DuplicateModel = FromRule("OXEN006", SchemaRules.DuplicateModel);

    public static readonly DiagnosticDescriptor InvalidKeywordValue = FromRule("OXEN007", SchemaRules.InvalidKeywordValue);

    public static readonly DiagnosticDescriptor UnenforcedKeyword = FromRule("OXEN008", SchemaRules.UnenforcedKeyword);

    public static readonly DiagnosticDescriptor ReservedProperty = FromRule("OXEN009", SchemaRules.ReservedProperty);

    public static readonly DiagnosticDescriptor EmptyModelId = FromRule("OXEN014", SchemaRules.EmptyModelId);

    public static readonly DiagnosticDescriptor UnrepresentableValue = FromRule("OXEN011", SchemaRules.UnrepresentableValue);

    public static readonly DiagnosticDescriptor ContradictoryConstraints = FromRule("OXEN012", SchemaRules.ContradictoryConstraints);

    public static readonly DiagnosticDescriptor InvalidNamespace = FromRule("OXEN013", SchemaRules.InvalidNamespace);

    public static readonly DiagnosticDescriptor ValueOutOfRange = new(
        "OXEN101", "Value is outside the schema's range", "{0} = {1} is outside the schema's range; allowed: {2}", UsageCategory, DiagnosticSeverity.Error, true,
        "The model rejects this value; the generation would fail after it was queued.");

    public static readonly DiagnosticDescriptor StringLengthOutOfRange = new(
        "OXEN102", "String length is outside the schema's limits", "{0} has {1} characters; allowed: {2}", UsageCategory, DiagnosticSeverity.Error, true,
        "The model rejects strings of this length.");

    public static readonly DiagnosticDescriptor UndefinedEnumValue = new(
        "OXEN103", "Value is not a member of the schema's enum", "{0} = {1} is not one of the allowed values: {2}", UsageCategory, DiagnosticSeverity.Error, true,
        "Only the enum's named members are sent; a cast from another number is rejected by the model.");

    public static readonly DiagnosticDescriptor NotAbsoluteUri = new(
        "OXEN104", "Value is not an absolute URI", "{0} = \"{1}\" is not an absolute URI; the schema requires format 'uri'", UsageCategory, DiagnosticSeverity.Error, true,
        "The model expects a URL such as https://example.com/image.png.");

    private static readonly DiagnosticDescriptor[] All =
    [
        InvalidJson, NotAnObjectSchema, UnsupportedSchema, NameCollision, InvalidDefault, DuplicateModel,
        InvalidKeywordValue, UnenforcedKeyword, ReservedProperty, EmptyModelId, UnrepresentableValue, ContradictoryConstraints,
        InvalidNamespace, ValueOutOfRange, StringLengthOutOfRange, UndefinedEnumValue, NotAbsoluteUri,
    ];

    /// <summary>
    /// A schema rule of the core as a compiler diagnostic. The id is written here as a constant (release tracking
    /// reads it); a test checks it matches the rule's, and that every rule has a descriptor.
    /// </summary>
    private static DiagnosticDescriptor FromRule(string id, SchemaRule rule) => new(
        id,
        rule.Title,
        rule.MessageFormat,
        SchemaCategory,
        rule.Severity == SchemaSeverity.Error ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        rule.Description);

    public static DiagnosticDescriptor ById(string id)
    {
        foreach (var descriptor in All)
        {
            if (descriptor.Id == id)
            {
                return descriptor;
            }
        }

        throw new System.ArgumentException($"Unknown diagnostic id {id}.", nameof(id));
    }
}
