namespace Oxen.Video.Tests.Infrastructure;

/// <summary>The data files the project copies next to the test assembly (see the csproj).</summary>
internal static class TestFiles
{
    /// <summary>The copy of the repository's <c>schemas/</c> folder: the same files the generator compiled.</summary>
    public static string SchemasDirectory { get; } = Existing(Path.Combine(AppContext.BaseDirectory, "schemas"));

    /// <summary>The vendored JSON Schema Test Suite (MIT, commit in its <c>VERSION</c> file).</summary>
    public static string SuiteDirectory { get; } =
        Existing(Path.Combine(AppContext.BaseDirectory, "Conformance", "json-schema-test-suite"));

    private static string Existing(string directory) =>
        Directory.Exists(directory)
            ? directory
            : throw new DirectoryNotFoundException($"{directory} is missing: the csproj copies it to the output folder.");
}
