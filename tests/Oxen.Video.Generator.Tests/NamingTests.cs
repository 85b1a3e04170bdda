using Oxen.Video.Schemas.Parsing;
using Xunit;

namespace Oxen.Video.Generator.Tests;

/// <summary>The documented naming rules (README, "Names").</summary>
public sealed class NamingTests
{
    [Theory]
    [InlineData("kling-video-v2-6-pro-text-to-video", "KlingVideoV26ProTextToVideo")]
    [InlineData("bytedance-seedance-2-5-text-to-video", "BytedanceSeedance25TextToVideo")]
    [InlineData("2-fast", "Model2Fast")]
    [InlineData("wan-ai/wan2.2-t2v", "WanAiWan22T2v")]
    public void Model_ids_become_type_stems(string id, string expected) => Assert.Equal(expected, Naming.ModelTypeStem(id));

    [Theory]
    [InlineData("cfg_scale", "CfgScale")]
    [InlineData("aspect_ratio", "AspectRatio")]
    [InlineData("3d_mode", "_3dMode")]
    [InlineData("class", "Class")]
    [InlineData("___", "Value")]
    public void Property_names_are_pascal_and_csharp_safe(string json, string expected) => Assert.Equal(expected, Naming.Property(json));

    [Theory]
    [InlineData("aspect_ratio", "16:9", false, "Ratio16x9")]
    [InlineData("aspect_ratio", "2.39:1", false, "Ratio2_39x1")]
    [InlineData("duration", "5", true, "Seconds5")]
    [InlineData("duration", "5", false, "Seconds5")]
    [InlineData("duration", "10s", false, "Seconds10")]
    [InlineData("seconds", "12", false, "Seconds12")]
    [InlineData("duration", "-1", true, "Minus1")]
    [InlineData("duration", "auto", false, "Auto")]
    [InlineData("resolution", "1080p", false, "P1080")]
    [InlineData("resolution", "1080P", false, "P1080")]
    [InlineData("resolution", "4k", false, "K4")]
    [InlineData("length", "5s", false, "S5")]
    [InlineData("guidance", "0.5", true, "Value0_5")]
    [InlineData("target_fps", "23.976", true, "Value23_976")]
    [InlineData("depth_model", "VDA-Large", false, "VDALarge")]
    [InlineData("mode", "std", false, "Std")]
    [InlineData("mode", "", false, "Empty")]
    public void Enum_members_follow_the_documented_rules(string property, string value, bool isNumber, string expected) =>
        Assert.Equal(expected, Naming.EnumMember(property, value, isNumber));
}
