using System.Text.Json;

namespace Oxen.Video.Tests.Infrastructure;

/// <summary>
/// Compares two JSON documents by meaning: the same properties (in any order) with the same values, where a value
/// keeps its JSON kind (<c>5</c> is not <c>"5"</c>) and a number keeps its exact text.
/// </summary>
internal static class JsonSemantics
{
    /// <summary>Every difference, as <c>path: expected … but got …</c>; empty when the documents mean the same.</summary>
    public static IReadOnlyList<string> Differences(string expectedJson, string actualJson)
    {
        using var expected = JsonDocument.Parse(expectedJson);
        using var actual = JsonDocument.Parse(actualJson);
        var differences = new List<string>();
        Compare(expected.RootElement, actual.RootElement, "$", differences);
        return differences;
    }

    private static void Compare(JsonElement expected, JsonElement actual, string path, List<string> differences)
    {
        if (Kind(expected) != Kind(actual))
        {
            differences.Add($"{path}: expected {Kind(expected)} {expected.GetRawText()} but got {Kind(actual)} {actual.GetRawText()}");
            return;
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var expectedNames = expected.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
                var actualNames = actual.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
                foreach (var missing in expectedNames.Except(actualNames))
                {
                    differences.Add($"{path}.{missing}: missing from the output");
                }

                foreach (var extra in actualNames.Except(expectedNames))
                {
                    differences.Add($"{path}.{extra}: not in the input but written as {actual.GetProperty(extra).GetRawText()}");
                }

                foreach (var name in expectedNames.Intersect(actualNames))
                {
                    Compare(expected.GetProperty(name), actual.GetProperty(name), $"{path}.{name}", differences);
                }

                break;
            case JsonValueKind.Array:
                var expectedItems = expected.EnumerateArray().ToList();
                var actualItems = actual.EnumerateArray().ToList();
                if (expectedItems.Count != actualItems.Count)
                {
                    differences.Add($"{path}: expected {expectedItems.Count} items but got {actualItems.Count}");
                    return;
                }

                for (var i = 0; i < expectedItems.Count; i++)
                {
                    Compare(expectedItems[i], actualItems[i], $"{path}[{i}]", differences);
                }

                break;
            case JsonValueKind.String when expected.GetString() != actual.GetString():
            case JsonValueKind.Number when expected.GetRawText() != actual.GetRawText():
                differences.Add($"{path}: expected {expected.GetRawText()} but got {actual.GetRawText()}");
                break;
        }
    }

    // True and False are one kind here ("boolean"), so a flipped value reports as a value difference.
    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => element.ValueKind == JsonValueKind.True ? "true" : "false",
        var kind => kind.ToString().ToLowerInvariant(),
    };
}
