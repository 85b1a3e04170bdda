using System.CommandLine;

namespace Oxen.Cli.Cli;

/// <summary>Options shared by several commands, each declared once.</summary>
internal static class CommonOptions
{
    public static Option<string> Out(string defaultText) => new("--out", "-o")
    {
        Description = $"Where to save the video (default {defaultText}). Only a regular file is created or replaced; '-' writes to standard output.",
        HelpName = "file.mp4",
    };

    public static Option<TimeSpan?> Timeout() => new("--timeout")
    {
        Description = "Bounds the whole wait, e.g. 90s, 10m, 1h. When it runs out: exit 3, and the id is printed to resume.",
        HelpName = "duration",
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (Durations.TryParse(text, out var duration))
            {
                return duration;
            }

            result.AddError($"--timeout {text} is not a duration; allowed: 1s or more, a number with s, m or h, e.g. 90s, 10m, 1h.");
            return null;
        },
    };

    public static Option<string> SchemaDirectory(string description) => new("--dir")
    {
        Description = $"{description} (default {SchemaFolders.Default}, the folder of the MSBuild property OxenSchemaDirectory).",
        HelpName = "folder",
        DefaultValueFactory = _ => SchemaFolders.Default,
    };
}

/// <summary>The one default schema folder of the CLI and of the build integration.</summary>
internal static class SchemaFolders
{
    /// <summary>The default of <c>OxenSchemaDirectory</c> in <c>Oxen.Video.targets</c>.</summary>
    public const string Default = "oxen-schemas";
}
