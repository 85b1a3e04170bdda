using Microsoft.CodeAnalysis;

namespace Oxen.Video.Generator.Diagnostics;

/// <summary>Every diagnostic the generator (OXEN0xx) and the analyzer (OXEN1xx) report. Ids are stable.</summary>
internal static class DiagnosticDescriptors
{
    private const string SchemaCategory = "Oxen.Schema";
    private const string UsageCategory = "Oxen.Usage";

    public static readonly DiagnosticDescriptor InvalidJson = new(
        "OXEN001", "Schema file is not valid JSON", "{0} is not valid JSON: {1}", SchemaCategory, DiagnosticSeverity.Error, true,
        "The file could not be read as JSON; no type is generated for it.");

    public static readonly DiagnosticDescriptor NotAnObjectSchema = new(
        "OXEN002", "Schema is not an object schema", "{0}", SchemaCategory, DiagnosticSeverity.Error, true,
        "A model's request schema must be a JSON object with \"type\": \"object\"; no type is generated for it.");

    public static readonly DiagnosticDescriptor UnsupportedSchema = new(
        "OXEN003", "Unsupported schema construct", "{0} '{1}' uses {2}, which the generator does not type; the property is a JsonElement", SchemaCategory, DiagnosticSeverity.Warning, true,
        "The property is generated as System.Text.Json.JsonElement and sent as given, without validation.");

    public static readonly DiagnosticDescriptor NameCollision = new(
        "OXEN004", "Names collide after Pascal-casing", "{0}: '{1}' and '{2}' both become '{3}'; the second is named '{4}'", SchemaCategory, DiagnosticSeverity.Warning, true,
        "Two schema names map to one C# name. Rename one in the schema, or give enum members names with x-enum-varnames.");

    public static readonly DiagnosticDescriptor InvalidDefault = new(
        "OXEN005", "Default value breaks its own schema", "The default of '{0}' is {1}, which is not allowed: {2}; the default is ignored", SchemaCategory, DiagnosticSeverity.Warning, true,
        "A default outside its enum, range or type is not documented or exposed as a constant.");

    public static readonly DiagnosticDescriptor DuplicateModel = new(
        "OXEN006", "Two schema files for one model", "Model '{0}' is also defined by {1}; this file is ignored", SchemaCategory, DiagnosticSeverity.Error, true,
        "Each model id must come from exactly one OxenSchema file.");

    public static readonly DiagnosticDescriptor InvalidKeywordValue = new(
        "OXEN007", "Schema keyword has a value of the wrong kind", "'{0}' in '{1}' must be {2}; the keyword is ignored", SchemaCategory, DiagnosticSeverity.Warning, true,
        "The keyword is ignored, so the constraint it meant is not enforced.");

    public static readonly DiagnosticDescriptor UnenforcedKeyword = new(
        "OXEN008", "Schema keyword is not enforced", "'{0}' on '{1}' is not supported by the generator; the server still enforces it", SchemaCategory, DiagnosticSeverity.Warning, true,
        "The generated type ignores this validation keyword; Validate() will not check it.");

    public static readonly DiagnosticDescriptor ReservedProperty = new(
        "OXEN009", "Schema property has a reserved name", "The schema declares '{0}', which the request body already uses for the model id; the property is ignored", SchemaCategory, DiagnosticSeverity.Warning, true,
        "Every Oxen request body starts with \"model\": the model id. A schema property of that name cannot be sent.");

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
        InvalidKeywordValue, UnenforcedKeyword, ReservedProperty, ValueOutOfRange, StringLengthOutOfRange, UndefinedEnumValue, NotAbsoluteUri,
    ];

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
