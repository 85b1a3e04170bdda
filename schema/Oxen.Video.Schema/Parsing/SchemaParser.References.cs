using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Oxen.Video.Schemas.Diagnostics;
using Oxen.Video.Schemas.Json;
using Oxen.Video.Schemas.Specs;

namespace Oxen.Video.Schemas.Parsing;

/// <summary>
/// <c>$ref</c> into the request schema's own <c>$defs</c> or <c>definitions</c> (pydantic's and OpenAPI's
/// components), and <c>allOf</c> of one schema (pydantic's <c>allOf: [{"$ref": ...}]</c> beside a default). The
/// target is read as if written in place, with the keywords beside the reference merged in. A cycle, a missing
/// target or a reference outside the file is a located OXEN003, and the value stays a JsonElement.
/// </summary>
internal sealed partial class SchemaParser
{
    // Each use of a definition is generated in place; the cap keeps a file whose definitions fan out (each using
    // the next twice) from growing the output exponentially.
    private const int MaxReferenceExpansions = 1000;

    private readonly List<string> _referenceStack = [];
    private int _referenceExpansions;

    /// <summary>The request schema: what <c>#</c> in a reference names.</summary>
    private JsonObject? _root;

    private TypeSpec? ParseReference(
        JsonObject schema,
        JsonProperty keyword,
        string jsonName,
        string jsonPath,
        string typeStem,
        out JsonObject effective)
    {
        effective = schema;
        if (keyword.Value is not JsonString { Value: var reference })
        {
            var notText = "'$ref' that is not a string";
            Report(SchemaRules.UnsupportedSchema, FileLocation.OfName(_path, keyword), "Property", jsonPath, notText);
            return null;
        }

        var problem = Resolve(reference, out var target);
        if (problem is null && _referenceStack.Contains(reference, StringComparer.Ordinal))
        {
            var chain = string.Join(" → ", _referenceStack.SkipWhile(r => r != reference).Append(reference));
            problem = $"inside its own definition, a cycle ({chain})";
        }
        else if (problem is null && ++_referenceExpansions > MaxReferenceExpansions)
        {
            // Said once: past the cap every reference is cut the same way, and thousands of lines would hide why.
            if (_referenceExpansions > MaxReferenceExpansions + 1)
            {
                return null;
            }

            problem = $"after {MaxReferenceExpansions} references were followed in this file (so is every later one)";
        }

        if (problem is not null)
        {
            var what = $"'$ref' to '{reference}' {problem}";
            Report(SchemaRules.UnsupportedSchema, FileLocation.OfName(_path, keyword), "Property", jsonPath, what);
            return null;
        }

        if (Merge(target!, schema, keyword, jsonPath) is not { } merged)
        {
            return null;
        }

        _referenceStack.Add(reference);
        try
        {
            return ParseType(merged, jsonName, jsonPath, typeStem, out effective);
        }
        finally
        {
            _referenceStack.RemoveAt(_referenceStack.Count - 1);
        }
    }

    /// <summary><c>allOf</c> of exactly one schema is that schema with the siblings merged in.</summary>
    private TypeSpec? ParseAllOf(
        JsonObject schema,
        JsonProperty keyword,
        string jsonName,
        string jsonPath,
        string typeStem,
        out JsonObject effective)
    {
        effective = schema;
        if (keyword.Value is not JsonArray { Items.Count: 1 } parts || parts.Items[0] is not JsonObject part)
        {
            var count = keyword.Value is JsonArray list ? list.Items.Count : 0;
            var what = keyword.Value is JsonArray && count != 1
                ? $"'allOf' of {count} schemas (typed: one schema)"
                : "'allOf' that is not a list of schemas";
            Report(SchemaRules.UnsupportedSchema, FileLocation.OfName(_path, keyword), "Property", jsonPath, what);
            return null;
        }

        return Merge(part, schema, keyword, jsonPath) is { } merged
            ? ParseType(merged, jsonName, jsonPath, typeStem, out effective)
            : null;
    }

    /// <summary>
    /// Finds what <paramref name="reference"/> names in the request schema; null when found, else why not (the end
    /// of the message "'$ref' to 'x' ...").
    /// </summary>
    private string? Resolve(string reference, out JsonObject? target)
    {
        target = null;
        if (!reference.StartsWith("#", StringComparison.Ordinal))
        {
            return "outside this file (only '#/$defs/...' and '#/definitions/...' are followed)";
        }

        // The fragment is URI-encoded (%25 for %), then a JSON pointer (~1 for /, ~0 for ~).
        var pointer = Uri.UnescapeDataString(reference.Substring(1));
        if (!pointer.StartsWith("/$defs/", StringComparison.Ordinal)
            && !pointer.StartsWith("/definitions/", StringComparison.Ordinal))
        {
            return "outside the request schema's '$defs' and 'definitions'";
        }

        JsonValue? at = _root;
        foreach (var token in pointer.Substring(1).Split('/').Select(t => t.Replace("~1", "/").Replace("~0", "~")))
        {
            at = at switch
            {
                JsonObject obj => obj[token],
                JsonArray array when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var i)
                    && i < array.Items.Count => array.Items[i],
                _ => null,
            };
            if (at is null)
            {
                return "which the request schema does not define";
            }
        }

        target = at as JsonObject;
        return target is null ? $"which is {Describe(at!)}, not a schema object" : null;
    }
}
