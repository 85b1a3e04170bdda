using System.Text.Json;
using Oxen.Video.Models;

namespace Oxen.Video.Tests.Serialization;

/// <summary>Enum members keep the schema's JSON type on the wire: never coerced between number and string.</summary>
public sealed class WireValueTests
{
    [Fact]
    public void Sora_seconds_is_a_string_on_the_wire()
    {
        var request = new OpenaiSora2ProRequest { Prompt = "a fox", Seconds = OpenaiSora2ProSeconds.Seconds4 };

        Assert.Equal("""{"model":"openai-sora-2-pro","prompt":"a fox","seconds":"4"}""", request.ToJson());
        Assert.Equal(OpenaiSora2ProSeconds.Seconds8, OpenaiSora2ProRequest.Parse("""{"model":"openai-sora-2-pro","prompt":"a fox","seconds":"8"}""").Seconds);
        var error = Assert.Throws<JsonException>(() => OpenaiSora2ProRequest.Parse("""{"model":"openai-sora-2-pro","prompt":"a fox","seconds":4}"""));
        Assert.Contains("seconds", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(BytedanceSeedance25TextToVideoDuration.Auto, "\"auto\"")]
    [InlineData(BytedanceSeedance25TextToVideoDuration.Seconds10, "10")]
    [InlineData(BytedanceSeedance25TextToVideoDuration.Seconds30, "30")]
    public void Seedance_2_5_duration_writes_auto_as_a_string_and_seconds_as_numbers(BytedanceSeedance25TextToVideoDuration duration, string wire)
    {
        var request = new BytedanceSeedance25TextToVideoRequest { Prompt = "a fox", Duration = duration };

        var json = request.ToJson();

        Assert.Equal($$"""{"model":"bytedance-seedance-2-5-text-to-video","prompt":"a fox","duration":{{wire}}}""", json);
        Assert.Equal(duration, BytedanceSeedance25TextToVideoRequest.Parse(json).Duration);
    }

    [Theory]
    [InlineData("\"10\"")]
    [InlineData("\"Auto\"")]
    [InlineData("7")]
    public void Seedance_2_5_duration_refuses_values_outside_the_enum(string wire)
    {
        var body = $$"""{"model":"bytedance-seedance-2-5-text-to-video","prompt":"a fox","duration":{{wire}}}""";

        var error = Assert.Throws<JsonException>(() => BytedanceSeedance25TextToVideoRequest.Parse(body));

        Assert.Contains("'duration'", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"auto\", 4, 5", error.Message, StringComparison.Ordinal);
    }
}
