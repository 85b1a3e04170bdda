using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Text.Json.Nodes;
using Oxen.Video.Models;
using Oxen.Video.Validation;
using Xunit;

namespace Oxen.Video.Generator.Tests.Infrastructure;

/// <summary>
/// Schemas generated (with the README's promise checked), compiled and loaded, to run the generated Parse, Validate()
/// and WriteTo on bodies; and the same schema read at run time (<see cref="OxenModelSchema"/>) to compare verdicts.
/// </summary>
internal sealed class GeneratedModels
{
    private readonly Assembly _assembly;
    private readonly Dictionary<string, string> _schemas;

    private GeneratedModels(Assembly assembly, Dictionary<string, string> schemas)
    {
        _assembly = assembly;
        _schemas = schemas;
    }

    /// <summary>Each schema's model id is its file name without <c>.json</c>.</summary>
    public static GeneratedModels Build(params (string Name, string Json)[] schemas)
    {
        var outcome = PromiseRunner.Run(schemas);
        outcome.AssertKept();
        using var stream = new MemoryStream();
        var emitted = outcome.Compilation.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        stream.Position = 0;
        var assembly = new AssemblyLoadContext("generated-models", isCollectible: true).LoadFromStream(stream);
        return new GeneratedModels(assembly, schemas.ToDictionary(s => Path.GetFileNameWithoutExtension(s.Name), s => s.Json));
    }

    public OxenModelInfo Info(string modelId)
    {
        var registry = _assembly.GetType("Oxen.Video.Models.OxenModels", throwOnError: true)!;
        var all = (IReadOnlyList<OxenModelInfo>)registry.GetProperty("All")!.GetValue(null)!;
        return all.Single(m => m.Id == modelId);
    }

    public Type RequestType(string modelId) => Info(modelId).RequestType;

    /// <summary>The generated Parse of a body (parameters without <c>"model"</c>).</summary>
    public IOxenRequest Parse(string modelId, string parameters) =>
        Info(modelId).ParseRequest(Encoding.UTF8.GetBytes(Body(modelId, parameters)));

    /// <summary>The generated verdict: Parse, then Validate(); a JsonException from Parse is an error too.</summary>
    public IReadOnlyList<string> GeneratedErrors(string modelId, string parameters)
    {
        try
        {
            return Errors(Parse(modelId, parameters).Validate());
        }
        catch (System.Text.Json.JsonException ex)
        {
            return ["Parse: " + ex.Message];
        }
    }

    /// <summary>The run-time verdict on the same parameters: the schema read by <see cref="OxenModelSchema"/>.</summary>
    public IReadOnlyList<string> RuntimeErrors(string modelId, string parameters)
    {
        var schema = OxenModelSchema.Parse(_schemas[modelId], $"/schemas/{modelId}.json");
        return Errors(schema.CreateRequest((JsonObject)JsonNode.Parse(parameters)!).Validate());
    }

    public static string Body(string modelId, string parameters) =>
        parameters == "{}" ? $"{{\"model\":\"{modelId}\"}}" : $"{{\"model\":\"{modelId}\",{parameters.TrimStart()[1..]}";

    private static IReadOnlyList<string> Errors(OxenValidationResult result) =>
        result.Errors.Select(e => $"{e.Path}: {e.Message}").ToList();
}
