namespace Oxen.Video.Tests.Oracle;

/// <summary>Keeps <see cref="OracleKnownLimits"/> honest: every entry exists and still shows the disagreement it documents.</summary>
public sealed class OracleKnownLimitTests
{
    [Fact]
    public async Task Every_skipped_case_exists_and_the_validators_still_disagree_on_it()
    {
        var problems = new List<string>();
        foreach (var (key, reason) in OracleKnownLimits.Entries)
        {
            Assert.False(string.IsNullOrWhiteSpace(reason), $"'{key}' has no reason.");
            if (!OracleCatalog.Exists(key))
            {
                problems.Add($"'{key}' names no oracle case.");
                continue;
            }

            var separator = key.IndexOf(" | ", StringComparison.Ordinal);
            var run = await OracleRun.RunAsync(OracleCatalog.Get(key[..separator], key[(separator + 3)..]));
            if (run.OursAccepts == run.OracleAccepts)
            {
                problems.Add($"'{key}' no longer shows a disagreement (both {(run.OursAccepts ? "accept" : "reject")}); remove the entry.\n{run.Describe()}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
