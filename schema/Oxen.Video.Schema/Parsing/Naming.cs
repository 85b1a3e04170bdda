using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Oxen.Video.Schemas.Parsing;

/// <summary>The naming rules of the generated API (documented in the README under "Names").</summary>
internal static class Naming
{
    private static readonly Regex AspectRatio = new(@"^(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$", RegexOptions.CultureInvariant);
    private static readonly Regex NumberWithUnit = new(@"^(\d+(?:\.\d+)?)([A-Za-z]+)$", RegexOptions.CultureInvariant);
    private static readonly Regex Number = new(@"^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$", RegexOptions.CultureInvariant);
    private static readonly Regex SecondsValue = new(@"^(-?\d+(?:\.\d+)?)s?$", RegexOptions.CultureInvariant);

    /// <summary>Splits on anything not a letter or digit and upper-cases the first letter of each part.</summary>
    public static string Pascal(string name)
    {
        var builder = new StringBuilder(name.Length);
        var startOfPart = true;
        foreach (var c in name)
        {
            if (!char.IsLetterOrDigit(c))
            {
                startOfPart = true;
                continue;
            }

            builder.Append(startOfPart ? char.ToUpperInvariant(c) : c);
            startOfPart = false;
        }

        return builder.ToString();
    }

    /// <summary><c>kling-video-v2-6-pro-text-to-video</c> → <c>KlingVideoV26ProTextToVideo</c>; a leading digit gets <c>Model</c>.</summary>
    public static string ModelTypeStem(string modelId)
    {
        var pascal = Pascal(modelId);
        return pascal.Length == 0 || char.IsDigit(pascal[0]) ? "Model" + pascal : pascal;
    }

    /// <summary><c>cfg_scale</c> → <c>CfgScale</c>; a leading digit gets <c>_</c>, an empty name <c>Value</c>.</summary>
    public static string Property(string jsonName)
    {
        var pascal = Pascal(jsonName);
        if (pascal.Length == 0)
        {
            return "Value";
        }

        return char.IsDigit(pascal[0]) ? "_" + pascal : pascal;
    }

    /// <summary>
    /// The C# name of an enum member. <paramref name="wireValue"/> is the member as a string (numbers as written);
    /// <paramref name="isNumber"/> tells a JSON number from a JSON string.
    /// </summary>
    public static string EnumMember(string propertyJsonName, string wireValue, bool isNumber)
    {
        var ratio = AspectRatio.Match(wireValue);
        if (!isNumber && ratio.Success)
        {
            return $"Ratio{Digits(ratio.Groups[1].Value)}x{Digits(ratio.Groups[2].Value)}";
        }

        if (IsDurationProperty(propertyJsonName))
        {
            var seconds = SecondsValue.Match(wireValue);
            if (seconds.Success && !(isNumber && wireValue.EndsWith("s", System.StringComparison.Ordinal)))
            {
                var value = seconds.Groups[1].Value;
                return value.StartsWith("-", System.StringComparison.Ordinal) ? "Minus" + Digits(value.Substring(1)) : "Seconds" + Digits(value);
            }
        }

        if (Number.IsMatch(wireValue))
        {
            return wireValue.StartsWith("-", System.StringComparison.Ordinal) ? "Minus" + Digits(wireValue.Substring(1)) : "Value" + Digits(wireValue);
        }

        var withUnit = NumberWithUnit.Match(wireValue);
        if (withUnit.Success)
        {
            return Pascal(withUnit.Groups[2].Value) + Digits(withUnit.Groups[1].Value);
        }

        var pascal = Pascal(wireValue);
        if (pascal.Length == 0)
        {
            return "Empty";
        }

        return char.IsDigit(pascal[0]) ? "Value" + pascal : pascal;
    }

    /// <summary>A name given in <c>x-enum-varnames</c>, made a valid identifier.</summary>
    public static string ExplicitMember(string name)
    {
        // value__ is the field behind every C# enum (CS0076).
        if (SyntaxFacts.IsValidIdentifier(name) && name != "value__")
        {
            return name;
        }

        var pascal = Pascal(name);
        return pascal.Length == 0 ? "Empty" : char.IsDigit(pascal[0]) ? "_" + pascal : pascal;
    }

    public static bool IsDurationProperty(string jsonName) => jsonName is "duration" or "seconds";

    // 0.5 → 0_5, 1e3 → 1e3 made safe.
    private static string Digits(string number) =>
        number.Replace('.', '_').Replace('+', '_').Replace('-', '_').ToString(CultureInfo.InvariantCulture);
}
