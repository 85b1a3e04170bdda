namespace Oxen.Video.Tests.Oracle;

/// <summary>
/// Oracle cases left out of the theories, by name, each with the reason. A test checks that every entry names an
/// existing case and that the two validators still disagree on it, so the list cannot go stale.
/// </summary>
internal static class OracleKnownLimits
{
    public static IReadOnlyDictionary<string, string> Entries { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // NJsonSchema 11 compares enum members by their ToString() text, so where the type list also allows strings,
        // the string "4" passes as the integer member 4. The generated code rightly refuses to coerce
        // (oxen-api.md: send 5 where the schema says integer, never "5").
        [$"bytedance-seedance-2-5-image-to-video | {SeedanceStringFour}"] = NJsonSchemaEnumByText,
        [$"bytedance-seedance-2-5-reference-to-video | {SeedanceStringFour}"] = NJsonSchemaEnumByText,
        [$"bytedance-seedance-2-5-text-to-video | {SeedanceStringFour}"] = NJsonSchemaEnumByText,
    };

    private const string SeedanceStringFour = "invalid: duration = \"4\" has the wrong JSON type";

    private const string NJsonSchemaEnumByText =
        "NJsonSchema limit: enum members are compared as text, so \"4\" matches 4 when the type allows strings.";
}
