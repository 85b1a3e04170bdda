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
    private readonly HashSet<string> _typeNames = new(StringComparer.Ordinal);
    private string _stem = "";

    private SchemaParser(string path) => _path = path;

    public static SchemaParseResult Parse(string path, string text)
    {
        var parser = new SchemaParser(path);
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

        return new SchemaParseResult(model, parser._diagnostics.ToEquatableArray());
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
        if (schemaValue is not JsonObject schema || !IsObjectSchema(schema))
        {
            var at = schemaValue ?? file;
            Report(SchemaRules.NotAnObjectSchema, FileLocation.Of(_path, at), $"The request schema of '{id}' must be a JSON object with \"type\": \"object\", not {Describe(at)}");
            return null;
        }

        _stem = Naming.ModelTypeStem(id);
        var requestTypeName = Claim(_stem + "Request", schema, id);
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

    private static PricingSpec? ParsePricing(JsonObject metadata)
    {
        if (metadata["pricing"] is not JsonObject pricing)
        {
            return null;
        }

        var byResolution = pricing["cost_per_second_by_resolution"] is JsonObject table
            ? table.Properties.Where(p => p.Value is JsonNumber).Select(p => new PricingEntry(p.Name, p.Value.RawText)).ToEquatableArray()
            : EquatableArray<PricingEntry>.Empty;
        return new PricingSpec(
            String(pricing, "method"),
            (pricing["cost_per_second"] as JsonNumber)?.RawText,
            (pricing["cost_per_second_with_audio"] as JsonNumber)?.RawText,
            byResolution);
    }

    /// <summary>Reserves a generated type name; a clash (a property named <c>request</c>, say) gets a suffix.</summary>
    private string Claim(string typeName, JsonValue at, string source)
    {
        var name = typeName;
        for (var i = 2; !_typeNames.Add(name); i++)
        {
            name = typeName + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (name != typeName)
        {
            Report(SchemaRules.NameCollision, FileLocation.Of(_path, at), "type names", source, typeName, typeName, name);
        }

        return name;
    }

    private void Report(SchemaRule rule, FileLocation location, params string[] args) =>
        _diagnostics.Add(new SchemaDiagnostic(rule.Id, location, args.ToEquatableArray()));

    private static string? String(JsonObject obj, string name) => obj[name] is JsonString s ? s.Value : null;

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
