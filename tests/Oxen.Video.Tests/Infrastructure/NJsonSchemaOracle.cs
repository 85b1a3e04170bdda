using System.Collections.Concurrent;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Oxen.Video.Tests.Infrastructure;

/// <summary>NJsonSchema, loaded with each model's <c>request_schema</c>: the independent judge of a request body.</summary>
internal static class NJsonSchemaOracle
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<JsonSchema>>> Schemas = new(StringComparer.Ordinal);

    /// <summary>Every error NJsonSchema reports for <paramref name="json"/>, nested ones flattened, as text.</summary>
    public static async Task<IReadOnlyList<string>> ValidateAsync(string modelId, string json)
    {
        var schema = await Schemas.GetOrAdd(modelId, id => new Lazy<Task<JsonSchema>>(() =>
            JsonSchema.FromJsonAsync(SchemaFile.Get(id).RequestSchema.GetRawText()))).Value;
        var errors = new List<string>();
        Flatten(schema.Validate(json), errors);
        return errors;
    }

    private static void Flatten(IEnumerable<ValidationError> errors, List<string> into)
    {
        foreach (var error in errors)
        {
            into.Add($"{error.Kind} at {error.Path}");
            if (error is ChildSchemaValidationError child)
            {
                foreach (var nested in child.Errors.Values)
                {
                    Flatten(nested, into);
                }
            }
        }
    }
}
