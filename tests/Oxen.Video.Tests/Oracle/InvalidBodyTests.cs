namespace Oxen.Video.Tests.Oracle;

/// <summary>
/// For every model: bodies with one broken rule (a bound, a URI, a required field, an enum member, a JSON type)
/// are rejected by the generated code, where the rule says and naming the field, and by NJsonSchema.
/// </summary>
public sealed class InvalidBodyTests
{
    public static TheoryData<string, string> Cases => OracleCatalog.Rows(c => c.Expected != Expected.Valid);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Invalid_body_is_rejected_by_both_validators(string model, string @case)
    {
        var run = await OracleRun.RunAsync(OracleCatalog.Get(model, @case));
        var c = run.Case;

        Assert.False(run.OracleAccepts && !run.OursAccepts, "NJsonSchema accepts a body the test calls invalid.\n" + run.Describe());
        Assert.False(run.OursAccepts, "The generated code accepts an invalid body.\n" + run.Describe());
        Assert.False(run.OracleAccepts, "NJsonSchema accepts an invalid body.\n" + run.Describe());

        string message;
        if (run.ParseError is not null)
        {
            Assert.True(c.Expected is Expected.ParseRejects or Expected.Rejected, $"Parse should accept the body and Validate() reject it.\n{run.Describe()}");
            Assert.True(run.ParseError.Contains(c.Field!, StringComparison.Ordinal), $"The JsonException does not name '{c.Field}'.\n{run.Describe()}");
            message = run.ParseError;
        }
        else
        {
            Assert.True(c.Expected is Expected.ValidateRejects or Expected.Rejected, $"Parse should throw a JsonException.\n{run.Describe()}");
            Assert.True(run.ValidationErrors.All(e => e.Path == c.Field), $"Every error should have the Path '{c.Field}'.\n{run.Describe()}");
            message = string.Join("\n", run.ValidationErrors.Select(e => e.Message));
        }

        var missing = (c.MessageMustContain ?? []).Where(text => !message.Contains(text, StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, $"The message does not name {string.Join(", ", missing)}.\n{run.Describe()}");
    }
}
