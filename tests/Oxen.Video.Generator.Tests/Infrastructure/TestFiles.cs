using System.Runtime.CompilerServices;

namespace Oxen.Video.Generator.Tests.Infrastructure;

/// <summary>Files next to the tests: the real schemas/, test schemas, golden outputs.</summary>
internal static class TestFiles
{
    /// <summary>This project's source folder (where golden files are written back).</summary>
    public static string ProjectDirectory() => Path.GetDirectoryName(Path.GetDirectoryName(ThisFile()))!;

    private static string ThisFile([CallerFilePath] string path = "") => path;

    public static string RepositorySchema(string id) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", id + ".json"));

    public static string TestSchema(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestSchemas", name));

    public static IEnumerable<string> RepositorySchemaFiles() => Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Schemas"), "*.json").Order(StringComparer.Ordinal);
}
