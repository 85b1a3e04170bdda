using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Oxen.Video.Schemas.Diagnostics;
using Oxen.Video.Schemas.Json;
using Oxen.Video.Schemas.Specs;

namespace Oxen.Video.Schemas.Parsing;

internal sealed partial class SchemaParser
{
    // Members every generated type declares; a schema property with one of these names is renamed.
    private static readonly string[] ReservedMembers =
    [
        "ModelId", "ModelInfo", "CreateModelInfo", "Defaults", "Validate", "WriteTo", "Parse", "AddErrors", "ReadFrom",
        "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "ReferenceEquals",
    ];

    private ObjectSpec ParseObject(JsonObject schema, string typeName, string jsonPath, string ownerStem, bool isRequest)
    {
        var required = ReadRequired(schema, jsonPath);
        var memberNames = new Dictionary<string, string>(StringComparer.Ordinal) { [typeName] = $"the type's own name {typeName}" };
        foreach (var reserved in ReservedMembers)
        {
            memberNames[reserved] = $"the member {reserved} every generated type has";
        }

        var properties = new List<PropertySpec>();
        var declared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in OrderedProperties(schema, jsonPath))
        {
            declared.Add(property.Name);
            if (isRequest && property.Name == "model")
            {
                // The body's "model" is the model id, written by the generated type; a second one would clash on the wire.
                Report(SchemaRules.ReservedProperty, FileLocation.OfName(_path, property), property.Name);
                continue;
            }

            if (!JsonText.IsWellFormed(property.Name))
            {
                Report(SchemaRules.UnrepresentableValue, FileLocation.OfName(_path, property), "The property name " + JsonText.Quote(property.Name), DescribePath(jsonPath), "holds a lone surrogate, which UTF-8 cannot carry");
                continue;
            }

            var propertyName = UniqueMemberName(Naming.Property(property.Name), property, memberNames);
            var propertyPath = jsonPath + property.Name;
            TypeSpec type;
            JsonObject? propertySchema = property.Value as JsonObject;
            if (propertySchema is null)
            {
                Report(SchemaRules.UnsupportedSchema, FileLocation.OfName(_path, property), "Property", propertyPath, $"a schema that is {Describe(property.Value)}");
                type = AnyType;
            }
            else
            {
                // Docs and default come from the schema the type was read from: anyOf's one schema with its siblings.
                var stem = ownerStem + Naming.Pascal(property.Name);
                type = ParseType(propertySchema, property.Name, propertyPath, stem, out var effective);
                propertySchema = effective;
            }

            var isRequired = required.Contains(property.Name);
            var defaultSpec = propertySchema is null ? null : ParseDefault(propertySchema, propertyPath, type, isRequired);
            properties.Add(new PropertySpec(
                property.Name,
                propertyName,
                type,
                isRequired,
                propertySchema is null ? null : String(propertySchema, "title"),
                propertySchema is null ? null : String(propertySchema, "description"),
                defaultSpec));
        }

        foreach (var name in required.Where(n => !declared.Contains(n)))
        {
            Report(SchemaRules.InvalidKeywordValue, FileLocation.OfName(_path, schema.Find("required")!), "required", jsonPath.Length == 0 ? "the request" : jsonPath.TrimEnd('.'), $"a list of declared properties ('{name}' is not one)");
        }

        var spec = new ObjectSpec(typeName, String(schema, "title"), String(schema, "description"), jsonPath, properties.ToEquatableArray())
        {
            MediaReferences = isRequest ? ParseMediaReferences(schema, properties) : EquatableArray<MediaReferenceSpec>.Empty,
            IsClosed = ReadClosed(schema, jsonPath),
        };
        if (!isRequest)
        {
            _objects.Add(spec);
        }

        return spec;
    }

    private IEnumerable<JsonProperty> OrderedProperties(JsonObject schema, string jsonPath)
    {
        switch (schema.Find("properties"))
        {
            case null:
                return [];
            case { Value: JsonObject properties }:
                // Keys may be sorted in a normalized file; x-order keeps the schema's intended order.
                return properties.Properties
                    .Select((p, index) => (p, index, order: (p.Value as JsonObject)?["x-order"] is JsonNumber n ? n.Value : double.MaxValue))
                    .OrderBy(t => t.order)
                    .ThenBy(t => t.index)
                    .Select(t => t.p)
                    .ToList();
            case { } other:
                Report(SchemaRules.InvalidKeywordValue, FileLocation.OfName(_path, other), "properties", DescribePath(jsonPath), "an object");
                return [];
        }
    }

    /// <summary>
    /// <c>additionalProperties</c>: <c>false</c> closes the object; a schema for the other properties (a map) is
    /// not followed (OXEN008), so they are skipped as in an open object.
    /// </summary>
    private bool ReadClosed(JsonObject schema, string jsonPath)
    {
        switch (schema.Find("additionalProperties"))
        {
            case null or { Value.Kind: JsonKind.True }:
                return false;
            case { Value.Kind: JsonKind.False }:
                return true;
            case { Value: JsonObject } map:
                var where = DescribePath(jsonPath);
                Report(SchemaRules.UnenforcedKeyword, FileLocation.OfName(_path, map), "additionalProperties", where);
                return false;
            case { } other:
                var at = FileLocation.OfName(_path, other);
                Report(SchemaRules.InvalidKeywordValue, at, "additionalProperties", DescribePath(jsonPath), "a boolean or a schema");
                return false;
        }
    }

    private HashSet<string> ReadRequired(JsonObject schema, string jsonPath)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        switch (schema.Find("required"))
        {
            case null:
                break;
            case { Value: JsonArray list } when list.Items.All(i => i is JsonString):
                foreach (var item in list.Items)
                {
                    names.Add(((JsonString)item).Value);
                }

                break;
            case { } other:
                Report(SchemaRules.InvalidKeywordValue, FileLocation.OfName(_path, other), "required", DescribePath(jsonPath), "an array of property names");
                break;
        }

        return names;
    }

    private string UniqueMemberName(string candidate, JsonProperty property, Dictionary<string, string> taken)
    {
        if (!taken.TryGetValue(candidate, out var owner))
        {
            taken[candidate] = $"'{property.Name}'";
            return candidate;
        }

        // A property named like a generated member reads better as ValidateValue than as Validate2.
        var name = candidate + (owner.StartsWith("'", StringComparison.Ordinal) ? "2" : "Value");
        for (var i = 3; taken.ContainsKey(name); i++)
        {
            name = candidate + i.ToString(CultureInfo.InvariantCulture);
        }

        taken[name] = $"'{property.Name}'";
        Report(SchemaRules.NameCollision, FileLocation.OfName(_path, property), "property names", owner, $"'{property.Name}'", candidate, name);
        return name;
    }

    private static string DescribePath(string jsonPath) => jsonPath.Length == 0 ? "the request" : jsonPath.TrimEnd('.');
}
