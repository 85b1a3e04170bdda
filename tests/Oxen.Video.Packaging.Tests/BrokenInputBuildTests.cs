namespace Oxen.Video.Packaging.Tests;

/// <summary>Consumer builds with broken input: located errors from the package's generator and targets.</summary>
public sealed class BrokenInputBuildTests(ITestOutputHelper log) : PackagesTest(log)
{
    [Fact]
    public async Task A_schema_that_is_not_json_fails_the_build_with_OXEN001_and_no_generator_crash()
    {
        var app = new Consumer(Packages, "BadSchemaApp", """    <OxenSchema Include="kling.json" />""", "System.Console.WriteLine();\n");
        await File.WriteAllTextAsync(Path.Combine(app.Directory, "kling.json"), "{ \"request_schema\": { \"type\": \"object\", \"properties\": { ");

        var build = await app.BuildAsync();
        Log.WriteLine($"build: {build.Elapsed.TotalSeconds:0.0} s");
        Assert.True(build.ExitCode != 0, build.ToString());
        Assert.Contains("error OXEN001", build.Output, StringComparison.Ordinal);
        Assert.Contains("kling.json", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("CS8785", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("AD0001", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_OxenModel_id_that_is_a_path_fails_the_build_with_a_located_OXEN010_and_writes_nothing()
    {
        var app = new Consumer(Packages, "BadModelIdApp", """    <OxenModel Include="../escape" />""", "System.Console.WriteLine();\n");
        // What the id would name: a file beside the project, which must not be taken for the model's schema.
        await File.WriteAllTextAsync(Path.Combine(app.Directory, "escape.json"), "{}");
        var before = Directory.GetFileSystemEntries(app.Directory).Order(StringComparer.Ordinal).ToList();

        var build = await app.BuildAsync();
        Log.WriteLine($"build: {build.Elapsed.TotalSeconds:0.0} s");
        Assert.True(build.ExitCode != 0, build.ToString());
        Assert.Contains(
            $"{Path.Combine(app.Directory, "BadModelIdApp.csproj")} : error OXEN010: The OxenModel '../escape' is not a model id: it contains a path separator '/'",
            build.Output,
            StringComparison.Ordinal);
        Assert.DoesNotContain("error CS", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("OXEN001", build.Output, StringComparison.Ordinal);
        // Nothing written: no schema folder, nothing new beside the project but the build's own bin/ and obj/.
        Assert.False(Directory.Exists(Path.Combine(app.Directory, "oxen-schemas")));
        Assert.Equal(
            before,
            Directory.GetFileSystemEntries(app.Directory).Where(e => Path.GetFileName(e) is not ("bin" or "obj")).Order(StringComparer.Ordinal));
        Assert.Equal("{}", await File.ReadAllTextAsync(Path.Combine(app.Directory, "escape.json")));
    }
}
