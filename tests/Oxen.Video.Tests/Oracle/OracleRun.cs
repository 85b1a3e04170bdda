using System.Text;
using System.Text.Json;
using Oxen.Video.Models;
using Oxen.Video.Tests.Infrastructure;
using Oxen.Video.Validation;

namespace Oxen.Video.Tests.Oracle;

/// <summary>What the generated code and NJsonSchema each said about one case.</summary>
internal sealed class OracleRun
{
    private OracleRun(OracleCase @case) => Case = @case;

    public OracleCase Case { get; }

    public IOxenRequest? Request { get; private set; }

    /// <summary>The JsonException Parse threw, when it threw.</summary>
    public string? ParseError { get; private set; }

    public IReadOnlyList<OxenValidationError> ValidationErrors { get; private set; } = [];

    /// <summary>The body the request writes back (<c>ToJson()</c>), when Parse accepted it.</summary>
    public string? Output { get; private set; }

    /// <summary>NJsonSchema's errors for the output when there is one, else for the input body.</summary>
    public IReadOnlyList<string> OracleErrors { get; private set; } = [];

    public bool OursAccepts => ParseError is null && ValidationErrors.Count == 0;

    public bool OracleAccepts => OracleErrors.Count == 0;

    public static async Task<OracleRun> RunAsync(OracleCase @case)
    {
        var run = new OracleRun(@case);
        var info = OxenModels.Find(@case.ModelId)!;
        try
        {
            run.Request = info.ParseRequest(Encoding.UTF8.GetBytes(@case.Body));
        }
        catch (JsonException ex)
        {
            run.ParseError = ex.Message;
        }
        catch (Exception ex)
        {
            Assert.Fail($"Parse crashed with {ex.GetType().Name} instead of a JsonException.\nbody: {@case.Body}\n{ex}");
        }

        if (run.Request is not null)
        {
            run.ValidationErrors = run.Request.Validate().Errors;
            if (run.ValidationErrors.Count == 0)
            {
                run.Output = run.Request.ToJson();
            }
        }

        run.OracleErrors = await NJsonSchemaOracle.ValidateAsync(@case.ModelId, run.Output ?? @case.Body);
        return run;
    }

    /// <summary>Both verdicts, the JSON in and out, for failure messages.</summary>
    public string Describe()
    {
        var ours = ParseError is not null
            ? $"Parse threw JsonException: {ParseError}"
            : ValidationErrors.Count == 0
                ? "Parse accepted it and Validate() found nothing"
                : "Validate() reported:\n" + string.Join("\n", ValidationErrors.Select(e => $"    - Path '{e.Path}', Value {e.Value ?? "null"}: {e.Message}"));
        var oracle = OracleErrors.Count == 0 ? "no errors" : string.Join("; ", OracleErrors);
        var agreement = OursAccepts == OracleAccepts ? "" : "\n  DISAGREEMENT between the generated code and NJsonSchema.";
        return $"case:        {Case.Key} (expected: {Case.Expected})\n"
            + $"  body:      {Case.Body}\n"
            + (Output is null ? "" : $"  ToJson():  {Output}\n")
            + $"  generated: {ours}\n"
            + $"  NJsonSchema ({(Output is null ? "on the body" : "on ToJson()")}): {oracle}"
            + agreement;
    }
}
