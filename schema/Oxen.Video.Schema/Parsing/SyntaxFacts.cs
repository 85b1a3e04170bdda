using System.Globalization;

namespace Oxen.Video.Schemas.Parsing;

/// <summary>C#'s rules for a plain identifier, without Roslyn (the schema core has no dependency).</summary>
internal static class SyntaxFacts
{
    // The reserved keywords of C# (contextual keywords are valid identifiers).
    private static readonly string[] Keywords =
    [
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    ];

    /// <summary>
    /// A non-empty identifier of letters, digits and connectors that is not a keyword. Formatting characters, which
    /// C# allows but ignores when comparing names (so <c>A\u200B</c> would clash with <c>A</c>), are refused.
    /// </summary>
    public static bool IsValidIdentifier(string? name)
    {
        if (string.IsNullOrEmpty(name) || System.Array.IndexOf(Keywords, name) >= 0)
        {
            return false;
        }

        for (var i = 0; i < name!.Length; i++)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(name[i]);
            var ok = IsLetter(category) || name[i] == '_'
                || (i > 0 && category is UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation
                    or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark);
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLetter(UnicodeCategory category) => category is UnicodeCategory.UppercaseLetter
        or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter
        or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber;
}
