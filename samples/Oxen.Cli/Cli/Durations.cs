using System.Globalization;
using System.Text.RegularExpressions;

namespace Oxen.Cli.Cli;

/// <summary><c>90s</c>, <c>10m</c>, <c>1h</c>, <c>1h30m</c>: whole seconds or more, as the help says.</summary>
internal static partial class Durations
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var match = DurationPattern().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        foreach (Capture part in match.Groups["part"].Captures)
        {
            var unit = part.Value.TrimStart("0123456789.".ToCharArray());
            var number = double.Parse(part.Value[..^unit.Length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            duration += unit switch
            {
                "s" => TimeSpan.FromSeconds(number),
                "m" => TimeSpan.FromMinutes(number),
                _ => TimeSpan.FromHours(number),
            };
        }

        // Under a second no generation can even be enqueued: such a limit could only end before the hub answers.
        return duration >= TimeSpan.FromSeconds(1) && duration < TimeSpan.FromDays(30);
    }

    /// <summary><c>1h30m</c>, <c>90s</c> → <c>1m30s</c>, <c>500ms</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration < TimeSpan.FromSeconds(1))
        {
            return $"{(int)duration.TotalMilliseconds}ms";
        }

        var text = (duration.Days * 24 + duration.Hours > 0 ? $"{duration.Days * 24 + duration.Hours}h" : "")
            + (duration.Minutes > 0 ? $"{duration.Minutes}m" : "")
            + (duration.Seconds > 0 ? $"{duration.Seconds}s" : "");
        return text.Length > 0 ? text : "0s";
    }

    [GeneratedRegex(@"^(?<part>\d+(\.\d+)?(s|m|h))+$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();
}
