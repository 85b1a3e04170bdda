using Oxen.Video;
using Oxen.Video.Models;

namespace Oxen.Cli.Cli;

/// <summary>
/// A model read at run time (<see cref="OxenModelSchema"/>), seen through its <see cref="OxenModelSchema.Info"/>
/// like a compiled registry entry, so every command treats it the same; its requests are <see cref="OxenSchemaRequest"/>s.
/// </summary>
internal static class RuntimeModels
{
    /// <summary>A schema file's text, read by the schema core as the build would read it.</summary>
    /// <exception cref="UsageException">The text is not a usable schema; the message lists the errors.</exception>
    public static OxenModelInfo Load(string source, string json)
    {
        try
        {
            return OxenModelSchema.Parse(json, source).Info;
        }
        catch (OxenSchemaException ex)
        {
            throw new UsageException(ex.Message);
        }
    }

    public static bool IsRuntimeModel(OxenModelInfo model) => model.RequestType == typeof(OxenSchemaRequest);
}
