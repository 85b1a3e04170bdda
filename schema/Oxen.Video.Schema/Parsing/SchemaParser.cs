using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Oxen.Video.Schemas.Diagnostics;
using Oxen.Video.Schemas.Json;
using Oxen.Video.Schemas.Specs;

namespace Oxen.Video.Schemas.Parsing;

/// <summary>
/// Turns one schema file into a <see cref="ModelSpec"/>. Accepts the three shapes Oxen serves: the model object
/// of <c>GET /api/ai/models/{id}</c> (<c>request_schema</c>), an evaluations entry (<c>name</c> +
/// <c>json_request_schema</c>), or a bare JSON Schema whose file name is the model id.
/// </summary>
internal sealed partial class SchemaParser
{
    private const string DefaultEndpoint = "/videos/generate";

    private readonly string _path;
    private readonly List<SchemaDiagnostic> _diagnostics = [];
    private readonly List<EnumSpec> _enums = [];
    private readonly List<ObjectSpec> _objects = [];
    private readonly TypeNameSet _typeNames = new();
    private readonly List<TypeNameClaim> _claims = [];
    private readonly IReadOnlyList<TypeRename> _renames;
    private string _stem = "";
    private string _id = "";

    private SchemaParser(string path, IReadOnlyList<TypeRename> renames)
    {
        _path = path;
        _renames = renames;
    }

    /// <summary>Parses one file on its own: type names are unique within it and against the runtime's types.</summary>
    public static SchemaParseResult Parse(string path, string text) => Parse(path, text, []);

    /// <summary>
    /// Parses one file, giving its types the names <see cref="SchemaSet.Resolve"/> chose where another file holds
    /// the names this one would have claimed.
    /// </summary>
    public static SchemaParseResult Parse(string path, string text, IReadOnlyList<TypeRename> renames)
    {
        var parser = new SchemaParser(path, renames);
        ModelSpec? model;
        try
        {
            model = parser.ParseFile(text);
        }
        catch (JsonSyntaxException ex)
        {
            parser.Report(SchemaRules.InvalidJson, FileLocation.At(path, ex.Position, 1), Path.GetFileName(path), ex.Message);
            model = null;
        }

        var claims = model is null ? null : new ModelClaims(model.Id, path, parser._claims.ToEquatableArray());
        return new SchemaParseResult(model, parser._diagnostics.ToEquatableArray(), claims);
    }

    private ModelSpec? ParseFile(string text)
    {
        var root = JsonReader.Parse(text);
        if (root is not JsonObject file)
        {
            Report(SchemaRules.NotAnObjectSchema, FileLocation.Of(_path, root), $"{Path.GetFileName(_path)} must hold a JSON object (a model object or a JSON Schema), not {Describe(root)}");
            return null;
        }

        var shape = SchemaFile.Detect(file, Path.GetFileNameWithoutExtension(_path));
        if (shape.EncodingError is { } encodingError)
        {
            Report(SchemaRules.InvalidJson, FileLocation.Of(_path, shape.EncodedSchema!), "json_request_schema", encodingError.Message);
        }

        var schemaValue = shape.RequestSchema;
        var metadata = file;
        var id = shape.Id;
        _id = id;
        if (id.Trim().Length == 0)
        {
            var idValue = (file["id"] ?? file["name"]) as JsonString;
            Report(SchemaRules.EmptyModelId, idValue is null ? FileLocation.StartOf(_path) : FileLocation.Of(_path, idValue), Path.GetFileName(_path));
            return null;
        }

        if (schemaValue is not JsonObject schema || !IsObjectSchema(schema))
        {
            var at = schemaValue ?? file;
            Report(SchemaRules.NotAnObjectSchema, FileLocation.Of(_path, at), $"The request schema of '{id}' must be a JSON object with \"type\": \"object\", not {DescribeSchema(at)}");
            return null;
        }

        _root = schema;
        _stem = Naming.ModelTypeStem(id);
        var requestTypeName = Claim(_stem + "Request", schema, "");
        var request = ParseObject(schema, requestTypeName, "", ownerStem: _stem, isRequest: true);
        var isModelObject = shape.IsModelObject;
        return new ModelSpec(
            Id: id,
            FilePath: _path,
            TypeName: requestTypeName,
            DisplayName: DisplayNameOf(isModelObject ? metadata : null, schema, id),
            Description: isModelObject ? String(metadata, "description") ?? String(metadata, "summary") : null,
            Endpoint: (isModelObject ? String(metadata, "endpoint") : null) ?? DefaultEndpoint,
            ModelType: isModelObject ? String(metadata, "model_type") : null,
            InputCapabilities: Capabilities(metadata, "input"),
            OutputCapabilities: isModelObject && metadata["capabilities"] is not null ? Capabilities(metadata, "output") : new[] { "video" }.ToEquatableArray(),
            Pricing: isModelObject ? ParsePricing(metadata) : null,
            RemovedFromDocsOn: isModelObject ? String(metadata, "x-removed-from-docs") : null,
            DocsUrl: isModelObject ? String(metadata, "x-docs-url") : null,
            Request: request,
            NestedObjects: _objects.ToEquatableArray(),
            Enums: _enums.ToEquatableArray());
    }

    private static bool IsObjectSchema(JsonObject schema) => schema["type"] switch
    {
        JsonString { Value: "object" } => true,
        JsonArray types => types.Items.Any(t => t is JsonString { Value: "object" }),
        null => schema["properties"] is JsonObject,
        _ => false,
    };

    private EquatableArray<string> Capabilities(JsonObject metadata, string direction) =>
        (metadata["capabilities"] as JsonObject)?[direction] is JsonArray values
            ? values.Items.OfType<JsonString>().Select(v => v.Value).ToEquatableArray()
            : EquatableArray<string>.Empty;

    // A model object names itself; a bare schema's title is often the generic "Input".
    private static string DisplayNameOf(JsonObject? metadata, JsonObject schema, string id) =>
        (metadata is null ? null : String(metadata, "display_name"))
        ?? (String(schema, "title") is { } title && title != "Input" ? title : id);

    private PricingSpec? ParsePricing(JsonObject metadata)
    {
        if (metadata["pricing"] is not JsonObject pricing)
        {
            return null;
        }

        var byResolution = pricing["cost_per_second_by_resolution"] is JsonObject table
            ? table.Properties
                .Where(p => p.Value is JsonNumber cost && FiniteNumber(cost, p.Name, "pricing.cost_per_second_by_resolution") is not null)
                .Select(p => new PricingEntry(p.Name, p.Value.RawText)).ToEquatableArray()
            : EquatableArray<PricingEntry>.Empty;
        return new PricingSpec(
            String(pricing, "method"),
            FiniteNumber(pricing["cost_per_second"] as JsonNumber, "cost_per_second", "pricing")?.RawText,
            FiniteNumber(pricing["cost_per_second_with_audio"] as JsonNumber, "cost_per_second_with_audio", "pricing")?.RawText,
            byResolution);
    }

    /// <summary>The number, or null (reported) when it is beyond the range of a double, as 1e400 is.</summary>
    private JsonNumber? FiniteNumber(JsonNumber? number, string what, string where)
    {
        if (number is null || !double.IsInfinity(number.Value))
        {
            return number;
        }

        Report(SchemaRules.UnrepresentableValue, FileLocation.Of(_path, number), $"{what} {number.RawText}", where, "is beyond the range of a double");
        return null;
    }

    /// <summary>
    /// Reserves a generated type name; a clash within the file (a property named <c>request</c>, say) gets a suffix,
    /// and a name another file holds gets the one <see cref="SchemaSet"/> chose.
    /// </summary>
    private string Claim(string typeName, JsonValue at, string jsonPath)
    {
        var owner = jsonPath.Length == 0 ? $"the request of model '{_id}'" : $"'{jsonPath}' of model '{_id}'";
        var (name, heldBy) = _typeNames.Take(typeName, owner);
        if (heldBy is not null)
        {
            Report(SchemaRules.NameCollision, FileLocation.Of(_path, at), "type names", heldBy, owner, typeName, name);
        }

        _claims.Add(new TypeNameClaim(name, owner, FileLocation.Of(_path, at)));
        foreach (var rename in _renames)
        {
            if (rename.From == name)
            {
                return rename.To;
            }
        }

        return name;
    }

    private void Report(SchemaRule rule, FileLocation location, params string[] args) =>
        _diagnostics.Add(new SchemaDiagnostic(rule.Id, location, args.ToEquatableArray()));

    private static string? String(JsonObject obj, string name) => obj[name] is JsonString s ? s.Value : null;

    // A schema object is described by its type, so {"type": "string"} is not called "an object".
    private static string DescribeSchema(JsonValue value) => value is JsonObject schema && schema["type"] is { } type
        ? $"a schema of \"type\": {type.RawText}"
        : Describe(value);

    private static string Describe(JsonValue value) => value.Kind switch
    {
        JsonKind.Object => "an object",
        JsonKind.Array => "an array",
        JsonKind.String => "a string",
        JsonKind.Number => "a number",
        JsonKind.Null => "null",
        _ => "a boolean",
    };
}
