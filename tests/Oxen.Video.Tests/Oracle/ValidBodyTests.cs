using System.Text.Json;
using Oxen.Video.Models;
using Oxen.Video.Tests.Infrastructure;

namespace Oxen.Video.Tests.Oracle;

/// <summary>
/// For every model: bodies built from its parameters (each allowed value in turn) parse, validate, and write back
/// as the same JSON, and NJsonSchema accepts what ToJson() writes.
/// </summary>
public sealed class ValidBodyTests
{
    public static TheoryData<string, string> Cases => OracleCatalog.Rows(c => c.Expected == Expected.Valid);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Valid_body_round_trips_and_both_validators_accept_it(string model, string @case)
    {
        var run = await OracleRun.RunAsync(OracleCatalog.Get(model, @case));

        Assert.True(run.OursAccepts && run.OracleAccepts, "A valid body was rejected.\n" + run.Describe());
        var differences = JsonSemantics.Differences(run.Case.Body, run.Output!);
        Assert.True(differences.Count == 0, "ToJson() does not write the body it parsed:\n  " + string.Join("\n  ", differences) + "\n" + run.Describe());

        // JsonSerializer goes through the [JsonConverter] on the type and must write the same bytes.
        var serialized = JsonSerializer.Serialize(run.Request, OxenModels.Find(model)!.RequestType);
        Assert.Equal(run.Output, serialized);
    }
}
