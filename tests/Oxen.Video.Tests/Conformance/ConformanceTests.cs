using Xunit.Abstractions;

namespace Oxen.Video.Tests.Conformance;

/// <summary>
/// The generated Parse + Validate() held to the official JSON Schema Test Suite: valid ⇔ Parse succeeds and
/// Validate() finds nothing, for every case not in <see cref="ConformanceSkips"/>.
/// </summary>
public sealed class ConformanceTests(ConformanceFixture fixture, ITestOutputHelper output) : IClassFixture<ConformanceFixture>
{
    public static TheoryData<string> Cases =>
        new(JsonSchemaTestSuite.Cases.Select(c => c.Name).Where(name => !ConformanceSkips.Entries.ContainsKey(name)));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_code_agrees_with_the_suite(string name)
    {
        var @case = JsonSchemaTestSuite.Cases.Single(c => c.Name == name);
        var outcome = fixture.Evaluate(@case);

        Assert.True(outcome.Crash is null, outcome.Crash);
        Assert.True(
            outcome.Valid == @case.Valid,
            $"{name}\n  schema: {Schema(@case)}\n  data:   {@case.DataJson}\n  suite says {(@case.Valid ? "valid" : "invalid")}, "
            + $"the generated code says {(outcome.Valid ? "valid" : "invalid")}: {outcome.Detail}");
    }

    [Fact]
    public void Every_suite_schema_became_a_model_that_compiles_without_warnings()
    {
        var expected = JsonSchemaTestSuite.Groups.Select(g => g.ModelId).Order(StringComparer.Ordinal);

        // The unmarked additional file (no OxenSchema metadata) must not have become a model.
        Assert.Equal(expected, fixture.ModelIds.Order(StringComparer.Ordinal));
        // Consumers build with warnings as errors, so generated code must be warning-free even for odd schemas.
        Assert.True(fixture.CompilerWarnings.Count == 0, string.Join("\n", fixture.CompilerWarnings));
        output.WriteLine($"{fixture.GeneratedSourceCount} generated files; generator diagnostics: "
            + string.Join(", ", fixture.GeneratorDiagnostics.GroupBy(d => d.Id).Select(g => $"{g.Key} x{g.Count()}")));
    }

    [Fact]
    public void Skip_list_names_existing_cases_that_still_disagree_with_the_suite()
    {
        var cases = JsonSchemaTestSuite.Cases.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var (name, reason) in ConformanceSkips.Entries)
        {
            if (string.IsNullOrWhiteSpace(reason))
            {
                problems.Add($"'{name}' has no reason.");
            }
            else if (!cases.TryGetValue(name, out var @case))
            {
                problems.Add($"'{name}' is not a case of the suite.");
            }
            else if (fixture.Evaluate(@case) is { Crash: null } outcome && outcome.Valid == @case.Valid)
            {
                problems.Add($"'{name}' now agrees with the suite ({outcome.Detail}); remove it from the skip list.");
            }
        }

        var total = cases.Count;
        output.WriteLine($"JSON Schema Test Suite: {total} cases, {total - ConformanceSkips.Entries.Count} checked, {ConformanceSkips.Entries.Count} skipped by name.");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static string Schema(SuiteCase @case) =>
        JsonSchemaTestSuite.Groups.Single(g => g.ModelId == @case.ModelId).WrappedSchemaJson;
}
