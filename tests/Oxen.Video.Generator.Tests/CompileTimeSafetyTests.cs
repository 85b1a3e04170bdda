using Oxen.Video.Generator.Tests.Infrastructure;
using Xunit;

namespace Oxen.Video.Generator.Tests;

/// <summary>What the types themselves rule out, before any analyzer: the compiler rejects values outside an enum.</summary>
public sealed class CompileTimeSafetyTests
{
    private static GeneratorOutcome Compile(string body) => GeneratorRunner.Run(
        "kling-video-v2-6-pro-text-to-video.json",
        TestFiles.RepositorySchema("kling-video-v2-6-pro-text-to-video"),
        $$"""
        using Oxen.Video.Models;
        public static class UserCode
        {
            public static object Build() => {{body}};
        }
        """);

    [Theory]
    [InlineData("new KlingVideoV26ProTextToVideoRequest { Prompt = \"p\", Duration = 7 }", "CS0266")]
    [InlineData("new KlingVideoV26ProTextToVideoRequest { Prompt = \"p\", AspectRatio = \"16:9\" }", "CS0029")]
    [InlineData("new KlingVideoV26ProTextToVideoRequest { Duration = KlingVideoV26ProTextToVideoDuration.Seconds5 }", "CS9035")]
    public void Invalid_values_and_missing_required_members_do_not_compile(string expression, string expectedError)
    {
        var errors = Compile(expression).CompilerErrors;
        Assert.Contains(errors, e => e.Id == expectedError);
    }

    [Fact]
    public void Valid_values_compile()
    {
        var outcome = Compile("""
            new KlingVideoV26ProTextToVideoRequest
            {
                Prompt = "p",
                Duration = KlingVideoV26ProTextToVideoDuration.Seconds10,
                AspectRatio = KlingVideoV26ProTextToVideoAspectRatio.Ratio16x9,
                CfgScale = 0.5,
                GenerateAudio = true,
            }
            """);
        Assert.Empty(outcome.CompilerErrors);
    }
}
