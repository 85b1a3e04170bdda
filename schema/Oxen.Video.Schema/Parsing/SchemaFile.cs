using Oxen.Video.Schemas.Json;

namespace Oxen.Video.Schemas.Parsing;

/// <summary>The three shapes Oxen serves a model's schema in.</summary>
internal enum SchemaFileShape
{
    /// <summary>The model object of <c>GET /api/ai/models/{id}</c>: <c>id</c> + <c>request_schema</c>.</summary>
    ModelObject,

    /// <summary>An evaluations entry: <c>name</c> + <c>json_request_schema</c> (an object, or JSON text).</summary>
    EvaluationsEntry,

    /// <summary>A bare JSON Schema: the model id is the file name.</summary>
    BareSchema,
}

/// <summary>
/// What a schema file is: its shape, its model id and its request schema. The one place that knows the shapes, used
/// by the parser (the generator, <c>oxen schemas</c>), the runtime's <c>OxenModel</c> and the emulator's catalog.
/// </summary>
internal sealed class SchemaFile
{
    private SchemaFile(SchemaFileShape shape, string id, JsonObject root, JsonValue? requestSchema, JsonString? encodedSchema, JsonSyntaxException? encodingError)
    {
        Shape = shape;
        Id = id;
        Root = root;
        RequestSchema = requestSchema;
        EncodedSchema = encodedSchema;
        EncodingError = encodingError;
    }

    public SchemaFileShape Shape { get; }

    /// <summary>The model id: <c>id</c> (or <c>name</c> for an evaluations entry), else the fallback (the file name).</summary>
    public string Id { get; }

    /// <summary>The file's object: the model's metadata, or the bare schema itself.</summary>
    public JsonObject Root { get; }

    /// <summary>The request schema, parsed; null when absent, or when given as JSON text that is not JSON.</summary>
    public JsonValue? RequestSchema { get; }

    /// <summary>The <c>json_request_schema</c> string when the schema came as JSON text.</summary>
    public JsonString? EncodedSchema { get; }

    /// <summary>Why <see cref="EncodedSchema"/> could not be read, when it could not.</summary>
    public JsonSyntaxException? EncodingError { get; }

    public bool IsModelObject => Shape != SchemaFileShape.BareSchema;

    /// <summary>Tells the shape of a parsed file; <paramref name="fallbackId"/> names a bare schema.</summary>
    public static SchemaFile Detect(JsonObject root, string fallbackId)
    {
        if (root.Find("request_schema") is { } requestSchema)
        {
            return new SchemaFile(SchemaFileShape.ModelObject, StringOf(root, "id") ?? fallbackId, root, requestSchema.Value, null, null);
        }

        if (root.Find("json_request_schema") is { } evaluation)
        {
            var id = StringOf(root, "name") ?? StringOf(root, "id") ?? fallbackId;
            if (evaluation.Value is not JsonString encoded)
            {
                return new SchemaFile(SchemaFileShape.EvaluationsEntry, id, root, evaluation.Value, null, null);
            }

            // The evaluations list sometimes carries the schema as JSON text.
            try
            {
                return new SchemaFile(SchemaFileShape.EvaluationsEntry, id, root, JsonReader.Parse(encoded.Value), encoded, null);
            }
            catch (JsonSyntaxException ex)
            {
                return new SchemaFile(SchemaFileShape.EvaluationsEntry, id, root, null, encoded, ex);
            }
        }

        return new SchemaFile(SchemaFileShape.BareSchema, fallbackId, root, root, null, null);
    }

    /// <summary>
    /// Reads a whole file or hub answer. Throws <see cref="JsonSyntaxException"/> when it is not JSON and
    /// <see cref="System.FormatException"/> when it is not an object.
    /// </summary>
    public static SchemaFile Read(string jsonText, string fallbackId) =>
        JsonReader.Parse(jsonText) is JsonObject root
            ? Detect(root, fallbackId)
            : throw new System.FormatException("A schema file must hold a JSON object (a model object, an evaluations entry or a JSON Schema).");

    private static string? StringOf(JsonObject obj, string name) => obj[name] is JsonString s ? s.Value : null;
}
