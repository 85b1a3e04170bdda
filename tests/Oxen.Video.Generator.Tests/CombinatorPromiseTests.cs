using Oxen.Video.Generator.Tests.Infrastructure;
using Xunit;

namespace Oxen.Video.Generator.Tests;

/// <summary>
/// The README's promise (no schema file causes a C# error or a warning in generated code) for the combinator
/// forms the schema core now types, with hostile names and values in them.
/// </summary>
public sealed class CombinatorPromiseTests
{
    [Fact]
    public void Hostile_choices_consts_references_and_closed_objects_keep_the_promise()
    {
        const string schema = """
            {"type": "object", "additionalProperties": false,
             "required": ["value", "reader", "has_value", "writer", "node"],
             "$defs": {
               "Node": {"type": "object", "additionalProperties": false, "required": ["next"],
                        "properties": {"next": {"anyOf": [{"$ref": "#/$defs/Node"}, {"type": "null"}]}}},
               "E": {"oneOf": [{"const": "a", "title": "value__"}, {"const": "b", "title": "Equals"}, {"const": "c", "title": ""},
                               {"const": "d", "title": "\u0000"}, {"const": "e", "title": "value__"}, {"const": "\ud800", "title": "x"}]},
               "Loop": {"$ref": "#/$defs/Loop"}
             },
             "properties": {
               "value": {"anyOf": [{"$ref": "#/$defs/E"}, {"type": "null"}], "default": "b"},
               "reader": {"oneOf": [{"type": "null"}, {"type": "array", "items": {"$ref": "#/$defs/Node"}, "maxItems": 2}]},
               "has_value": {"type": ["integer", "null"], "maximum": 3000000000, "default": 1e400},
               "writer": {"allOf": [{"$ref": "#/$defs/E"}], "default": "zzz"},
               "node": {"$ref": "#/$defs/Node"},
               "loop": {"$ref": "#/$defs/Loop"},
               "model": {"anyOf": [{"type": "string"}, {"type": "null"}]},
               "odd": {"$ref": "#/$defs/%ZZ"},
               "fixed": {"const": "*/ \"\"\" </summary>"}
             }}
            """;

        var outcome = PromiseRunner.Run([("hostile-combinators.json", schema)]);

        outcome.AssertKept();
        Assert.Contains(outcome.Oxen("OXEN003"), d => d.GetMessage().Contains("a cycle (#/$defs/Loop → #/$defs/Loop)", StringComparison.Ordinal));
        Assert.Contains(outcome.Oxen("OXEN004"), d => d.GetMessage().Contains("'a' and 'e' both become 'Value'", StringComparison.Ordinal));
        Assert.Single(outcome.Oxen("OXEN009"));
    }
}
