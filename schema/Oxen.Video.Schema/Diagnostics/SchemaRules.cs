namespace Oxen.Video.Schemas.Diagnostics;

/// <summary>How bad a schema finding is: an error stops the model's generation, a warning does not.</summary>
internal enum SchemaSeverity
{
    Warning,
    Error,
}

/// <summary>One rule a schema file can break: its stable id, its message (a composite format) and severity.</summary>
internal sealed record SchemaRule(string Id, string Title, string MessageFormat, SchemaSeverity Severity, string Description)
{
    public string Format(params object[] args) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, MessageFormat, args);
}

/// <summary>
/// Every finding about a schema file (OXEN0xx). The generator turns each into a Roslyn descriptor, and
/// <c>oxen schemas check</c> prints them, so the build and the command line say the same thing.
/// </summary>
internal static class SchemaRules
{
    public static readonly SchemaRule InvalidJson = new(
        "OXEN001", "Schema file is not valid JSON", "{0} is not valid JSON: {1}", SchemaSeverity.Error,
        "The file could not be read as JSON; no type is generated for it.");

    public static readonly SchemaRule NotAnObjectSchema = new(
        "OXEN002", "Schema is not an object schema", "{0}", SchemaSeverity.Error,
        "A model's request schema must be a JSON object with \"type\": \"object\"; no type is generated for it.");

    public static readonly SchemaRule UnsupportedSchema = new(
        "OXEN003", "Unsupported schema construct", "{0} '{1}' uses {2}, which the generator does not type; the property is a JsonElement", SchemaSeverity.Warning,
        "The property is generated as System.Text.Json.JsonElement and sent as given, without validation.");

    public static readonly SchemaRule NameCollision = new(
        "OXEN004", "Names collide after Pascal-casing", "{0}: {1} and {2} both become '{3}'; the second is named '{4}'", SchemaSeverity.Warning,
        "Two schema names map to one C# name (type names are compared ignoring case, across every schema file of the project, and with the runtime's own types). Rename one in the schema, or give enum members names with x-enum-varnames.");

    public static readonly SchemaRule InvalidDefault = new(
        "OXEN005", "Default value breaks its own schema", "The default of '{0}' is {1}, which is not allowed: {2}; the default is ignored", SchemaSeverity.Warning,
        "A default outside its enum, range or type is not documented or exposed as a constant.");

    public static readonly SchemaRule DuplicateModel = new(
        "OXEN006", "Two schema files for one model", "Model '{0}' is also defined by {1}; this file is ignored", SchemaSeverity.Error,
        "Each model id must come from exactly one OxenSchema file.");

    public static readonly SchemaRule InvalidKeywordValue = new(
        "OXEN007", "Schema keyword has a value of the wrong kind", "'{0}' in '{1}' must be {2}; the keyword is ignored", SchemaSeverity.Warning,
        "The keyword is ignored, so the constraint it meant is not enforced.");

    public static readonly SchemaRule UnenforcedKeyword = new(
        "OXEN008", "Schema keyword is not enforced", "'{0}' on '{1}' is not supported by the generator; the server still enforces it", SchemaSeverity.Warning,
        "The generated type ignores this validation keyword; Validate() will not check it.");

    public static readonly SchemaRule ReservedProperty = new(
        "OXEN009", "Schema property has a reserved name", "The schema declares '{0}', which the request body already uses for the model id; the property is ignored", SchemaSeverity.Warning,
        "Every Oxen request body starts with \"model\": the model id. A schema property of that name cannot be sent.");

    public static readonly SchemaRule EmptyModelId = new(
        "OXEN014", "Model id is empty", "{0} gives the model an empty or blank id; no type is generated for it", SchemaSeverity.Error,
        "A model id names the model on the wire and in the registry: give the file an \"id\" (or, for a bare schema, a file name).");

    public static readonly SchemaRule UnrepresentableValue = new(
        "OXEN011", "Schema value cannot be represented", "{0} of '{1}' {2}; it is ignored", SchemaSeverity.Warning,
        "A number beyond the range of a double (or, for an integer default, of a 64-bit integer), an enum member equal as a number to an earlier one, or text with a lone surrogate (which UTF-8 cannot carry) is left out of the generated type.");

    public static readonly SchemaRule ContradictoryConstraints = new(
        "OXEN012", "Schema constraints contradict each other", "'{0}' of '{1}' is {2}, which no value can satisfy with '{3}' = {4}; both are ignored", SchemaSeverity.Warning,
        "A lower bound above the upper bound would make a type no value can satisfy; the pair is ignored and the server decides.");

    public static readonly SchemaRule InvalidNamespace = new(
        "OXEN013", "OxenModelsNamespace is not a C# namespace", "OxenModelsNamespace '{0}' is not a C# namespace (dot-separated identifiers); the models are generated in {1}", SchemaSeverity.Error,
        "Set the MSBuild property OxenModelsNamespace to a namespace such as MyApp.Models, or remove it.");

    public static readonly SchemaRule[] All =
    [
        InvalidJson, NotAnObjectSchema, UnsupportedSchema, NameCollision, InvalidDefault, DuplicateModel,
        InvalidKeywordValue, UnenforcedKeyword, ReservedProperty, EmptyModelId, UnrepresentableValue,
        ContradictoryConstraints, InvalidNamespace,
    ];

    public static SchemaRule ById(string id)
    {
        foreach (var rule in All)
        {
            if (rule.Id == id)
            {
                return rule;
            }
        }

        throw new System.ArgumentException($"Unknown schema rule id {id}.", nameof(id));
    }
}
