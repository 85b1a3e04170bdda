using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Oxen.Video.Models;
using Oxen.Video.Tests.Infrastructure;
using Oxen.Video.Tests.Oracle;

namespace Oxen.Video.Tests.Dynamic;

/// <summary>
/// A model read at run time (<see cref="OxenModelSchema"/>) must judge every oracle body exactly as the generated
/// type of the same schema does: the same errors, at the same paths, in the same words.
/// </summary>
public sealed class SchemaRequestTests
{
    private static readonly Dictionary<string, OxenModelSchema> Schemas = OxenModels.All.ToDictionary(
        m => m.Id,
        m => OxenModelSchema.Parse(File.ReadAllText(Path.Combine(TestFiles.SchemasDirectory, m.Id + ".json")), m.Id + ".json"));

    [Fact]
    public void Every_oracle_body_gets_the_generated_verdict_and_messages()
    {
        var cases = OracleCatalog.All.ToList();
        Assert.True(cases.Count > 1000, $"only {cases.Count} oracle cases");
        var disagreements = new List<string>();
        foreach (var c in cases)
        {
            var body = JsonNode.Parse(c.Body)!.AsObject();
            body.Remove("model");
            var dynamic = Schemas[c.ModelId].CreateRequest(body).Validate().Errors.Select(e => $"{e.Path}: {e.Message}").ToList();
            IOxenRequest generated;
            try
            {
                generated = OxenModels.Find(c.ModelId)!.ParseRequest(Encoding.UTF8.GetBytes(c.Body));
            }
            catch (JsonException)
            {
                // A wrong JSON type: the generated type cannot even hold it, so the body must be refused at that field.
                if (!dynamic.Any(e => e.StartsWith(c.Field + ":", StringComparison.Ordinal) || e.StartsWith(c.Field + "[", StringComparison.Ordinal)))
                {
                    disagreements.Add($"{c.Key}: Parse refused it, the schema request said [{string.Join("; ", dynamic)}]");
                }

                continue;
            }

            var expected = generated.Validate().Errors.Select(e => $"{e.Path}: {e.Message}").ToList();
            if (!expected.SequenceEqual(dynamic))
            {
                disagreements.Add($"{c.Key}:\n    generated [{string.Join("; ", expected)}]\n    schema    [{string.Join("; ", dynamic)}]");
            }
        }

        Assert.True(disagreements.Count == 0, $"{disagreements.Count} of {cases.Count} disagree:\n" + string.Join("\n", disagreements.Take(20)));
    }

    [Fact]
    public void A_valid_request_writes_the_model_and_exactly_the_given_json_types()
    {
        var schema = Schemas["kling-video-v2-6-pro-text-to-video"];
        var request = schema.CreateRequest(new JsonObject { ["prompt"] = "a surfer", ["duration"] = 10, ["aspect_ratio"] = "9:16", ["cfg_scale"] = 0.5 });
        Assert.True(request.Validate().IsValid, request.Validate().ToString());
        Assert.Equal("{\"model\":\"kling-video-v2-6-pro-text-to-video\",\"prompt\":\"a surfer\",\"duration\":10,\"aspect_ratio\":\"9:16\",\"cfg_scale\":0.5}", request.ToJson());
    }

    [Fact]
    public void Values_of_the_wrong_json_type_and_unknown_parameters_are_named()
    {
        var schema = Schemas["kling-video-v2-6-pro-text-to-video"];
        var errors = schema.CreateRequest(new JsonObject { ["prompt"] = 5, ["duration"] = "10", ["speed"] = 2, ["cfg_scale"] = double.NaN }).Validate().Errors;
        Assert.Contains(errors, e => e.Path == "cfg_scale" && e.Message == "must be a number, not a number JSON cannot hold.");
        Assert.Contains(errors, e => e.Path == "prompt" && e.Message == "must be a string, not 5.");
        Assert.Contains(errors, e => e.Path == "duration" && e.Message.Contains("\"10\" is not allowed; allowed: 5, 10", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Path == "speed" && e.Message.Contains("is not a parameter of model 'kling-video-v2-6-pro-text-to-video'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_schema_that_cannot_be_used_lists_its_located_errors()
    {
        var error = Assert.Throws<OxenSchemaException>(() => OxenModelSchema.Parse("{\"id\": \"m\", \"request_schema\": {\"type\": \"string\"}}", "m.json"));
        Assert.Contains("m.json(1,", error.Message, StringComparison.Ordinal);
        Assert.Contains("OXEN002", error.Message, StringComparison.Ordinal);
        Assert.Throws<OxenSchemaException>(() => OxenModelSchema.Parse("{oops", "bad.json"));
    }

    [Fact]
    public void The_model_info_of_a_schema_read_at_run_time_equals_the_generated_one()
    {
        foreach (var generated in OxenModels.All)
        {
            var info = Schemas[generated.Id].Info;
            Assert.Equal((generated.Id, generated.DisplayName, generated.Description, generated.Endpoint, generated.ModelType, generated.Pricing?.CostPerSecond), (info.Id, info.DisplayName, info.Description, info.Endpoint, info.ModelType, info.Pricing?.CostPerSecond));
            Assert.Equal(generated.Parameters, info.Parameters, (a, b) => a.Name == b.Name && a.PropertyName == b.PropertyName && a.Kind == b.Kind && a.IsRequired == b.IsRequired
                && a.Description == b.Description && a.DefaultJson == b.DefaultJson && a.AllowedValues.SequenceEqual(b.AllowedValues)
                && a.ItemKind == b.ItemKind && a.Minimum == b.Minimum && a.Maximum == b.Maximum && a.Format == b.Format);
        }

        var request = Schemas["kling-video-v2-6-pro-text-to-video"].Info.ParseRequest("{\"model\": \"kling-video-v2-6-pro-text-to-video\", \"prompt\": \"x\"}"u8);
        Assert.Equal("{\"model\":\"kling-video-v2-6-pro-text-to-video\",\"prompt\":\"x\"}", request.ToJson());
    }

    [Fact]
    public void A_schema_request_is_priced_from_its_file_like_the_generated_one()
    {
        var parameters = new JsonObject { ["prompt"] = "x", ["duration"] = 10, ["generate_audio"] = true };
        var generated = OxenModels.Find("kling-video-v2-6-pro-text-to-video")!.ParseRequest("{\"model\": \"kling-video-v2-6-pro-text-to-video\", \"prompt\": \"x\", \"duration\": 10, \"generate_audio\": true}"u8);
        var dynamic = Schemas["kling-video-v2-6-pro-text-to-video"].CreateRequest(parameters);
        Assert.Equal(generated.EstimateCost()!.TotalUsd, dynamic.EstimateCost()!.TotalUsd);
        Assert.Equal(1.4m, dynamic.EstimateCost()!.TotalUsd);

        // Without generate_audio, the schema's default (false) decides: the base rate.
        var silent = Schemas["kling-video-v2-6-pro-text-to-video"].CreateRequest(new JsonObject { ["prompt"] = "x", ["duration"] = 10 });
        Assert.Equal(0.7m, silent.EstimateCost()!.TotalUsd);
        Assert.Equal(0.7m, OxenModels.Find("kling-video-v2-6-pro-text-to-video")!.ParseRequest("{\"model\": \"kling-video-v2-6-pro-text-to-video\", \"prompt\": \"x\", \"duration\": 10}"u8).EstimateCost()!.TotalUsd);
    }
}
