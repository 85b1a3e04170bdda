namespace Oxen.Video.Tests.Conformance;

/// <summary>
/// Suite cases the typed model cannot represent or the generator does not support, by name, each with the reason.
/// A test checks that every name exists and still disagrees with the suite, so the list cannot go stale.
/// </summary>
internal static class ConformanceSkips
{
    private const string NotHeld =
        "A typed property holds only the JSON type its keywords apply to (the wrapper states that type, as Oxen schemas always do); data of another type fails in Parse.";

    private const string NullIsUnset =
        "JSON null reads as 'not set' (optional properties are nullable in C#) and is never written, so an explicit null cannot be told from an absent value.";

    private const string NoNullType =
        "type 'null' has no C# type: the generator drops 'null' from the type list and the property is an unchecked JsonElement (OXEN003).";

    private const string TypeUnion =
        "A type union without an enum is not typed: the property is an unchecked JsonElement (OXEN003).";

    private const string UntypedEnum =
        "An enum with array or object members is not typed: the property is an unchecked JsonElement (OXEN003).";

    private const string EmptyEnum =
        "An empty enum is reported (OXEN007) and ignored, so nothing rejects the value.";

    private const string BooleanSchema =
        "Boolean schemas (true/false as a property or items schema) are not supported: the value is an unchecked JsonElement (OXEN003).";

    private const string PrefixItems =
        "prefixItems is not supported: the property is an unchecked JsonElement (OXEN003).";

    private const string RefAndPrefixItems =
        "prefixItems is not supported: the items are unchecked JsonElements (OXEN003); the $ref/$defs beside it are followed.";

    private const string AllOf =
        "allOf of one schema is read as that schema, but the prefixItems inside it is not supported: an unchecked JsonElement (OXEN003).";

    private const string PatternProperties =
        "patternProperties is not supported: the whole object is an unchecked JsonElement (OXEN003), so additionalProperties beside it is not enforced either.";

    private const string Choices =
        "anyOf/oneOf is typed only as one schema (with or without null) or as consts: other choices are an unchecked JsonElement (OXEN003).";

    private const string AlwaysNull =
        "A value that can only be null ('const': null, or choices that are all {\"type\": \"null\"}) has no C# type: an unchecked JsonElement (OXEN003).";

    private const string ConstShape =
        "A 'const' object or array is not typed (an enum member is a string, number or boolean): an unchecked JsonElement (OXEN003).";

    private const string OutsideRef =
        "Only '$ref' to '#/$defs/...' or '#/definitions/...' of the request schema is followed; $id-based, URN, relative, remote and other pointer references are an unchecked JsonElement (OXEN003).";

    private const string Unevaluated =
        "unevaluatedProperties is not enforced (OXEN008); the server still checks it.";

    private const string AdditionalSchema =
        "additionalProperties given as a schema (a map) is not enforced (OXEN008): the other properties are skipped, as in an open object.";

    private const string DependentSchemas =
        "dependentSchemas is not supported: the whole object is an unchecked JsonElement (OXEN003), so additionalProperties beside it is not enforced either.";

    private const string RequiredUndeclared =
        "'required' on an object without 'properties' is not enforced: the generator reports it (OXEN008) and the object is a JsonElement checked only for being an object.";

    public static IReadOnlyDictionary<string, string> Entries { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["draft2020-12/exclusiveMaximum.json: exclusiveMaximum validation / ignores non-numbers"] = NotHeld,
        ["draft2020-12/exclusiveMinimum.json: exclusiveMinimum validation / ignores non-numbers"] = NotHeld,
        ["draft2020-12/format-uri.json: validation of URIs / all string formats ignore arrays"] = NotHeld,
        ["draft2020-12/format-uri.json: validation of URIs / all string formats ignore booleans"] = NotHeld,
        ["draft2020-12/format-uri.json: validation of URIs / all string formats ignore floats"] = NotHeld,
        ["draft2020-12/format-uri.json: validation of URIs / all string formats ignore integers"] = NotHeld,
        ["draft2020-12/format-uri.json: validation of URIs / all string formats ignore objects"] = NotHeld,
        ["draft2020-12/items.json: a schema given for items / JavaScript pseudo-array is valid"] = NotHeld,
        ["draft2020-12/items.json: a schema given for items / ignores non-arrays"] = NotHeld,
        ["draft2020-12/maxItems.json: maxItems validation / ignores non-arrays"] = NotHeld,
        ["draft2020-12/maxLength.json: maxLength validation / ignores non-strings"] = NotHeld,
        ["draft2020-12/maximum.json: maximum validation / ignores non-numbers"] = NotHeld,
        ["draft2020-12/minItems.json: minItems validation / ignores non-arrays"] = NotHeld,
        ["draft2020-12/minLength.json: minLength validation / ignores non-strings"] = NotHeld,
        ["draft2020-12/minimum.json: minimum validation / ignores non-numbers"] = NotHeld,
        ["draft2020-12/minimum.json: minimum validation with signed integer / ignores non-numbers"] = NotHeld,
        ["draft2020-12/properties.json: object properties validation / ignores arrays"] = NotHeld,
        ["draft2020-12/properties.json: object properties validation / ignores other non-objects"] = NotHeld,
        ["draft2020-12/properties.json: properties whose names are Javascript object property names / ignores arrays"] = NotHeld,
        ["draft2020-12/properties.json: properties whose names are Javascript object property names / ignores other non-objects"] = NotHeld,
        ["draft2020-12/required.json: required validation / ignores arrays"] = NotHeld,
        ["draft2020-12/required.json: required validation / ignores boolean"] = NotHeld,
        ["draft2020-12/required.json: required validation / ignores other non-objects"] = NotHeld,
        ["draft2020-12/required.json: required validation / ignores strings"] = NotHeld,
        ["draft2020-12/required.json: required properties whose names are Javascript object property names / ignores arrays"] = NotHeld,
        ["draft2020-12/required.json: required properties whose names are Javascript object property names / ignores other non-objects"] = NotHeld,
        ["draft4/maximum.json: maximum validation (explicit false exclusivity) / ignores non-numbers"] = NotHeld,
        ["draft4/maximum.json: maximum validation / ignores non-numbers"] = NotHeld,
        ["draft4/minimum.json: minimum validation (explicit false exclusivity) / ignores non-numbers"] = NotHeld,
        ["draft4/minimum.json: minimum validation / ignores non-numbers"] = NotHeld,
        ["draft4/minimum.json: minimum validation with signed integer / ignores non-numbers"] = NotHeld,

        ["draft2020-12/type.json: array type matches arrays / null is not an array"] = NullIsUnset,
        ["draft2020-12/type.json: boolean type matches booleans / null is not a boolean"] = NullIsUnset,
        ["draft2020-12/type.json: integer type matches integers / null is not an integer"] = NullIsUnset,
        ["draft2020-12/type.json: number type matches numbers / null is not a number"] = NullIsUnset,
        ["draft2020-12/type.json: object type matches objects / null is not an object"] = NullIsUnset,
        ["draft2020-12/type.json: string type matches strings / null is not a string"] = NullIsUnset,

        ["draft2020-12/type.json: null type matches only the null object / a float is not null"] = NoNullType,
        ["draft2020-12/type.json: null type matches only the null object / a string is not null"] = NoNullType,
        ["draft2020-12/type.json: null type matches only the null object / an array is not null"] = NoNullType,
        ["draft2020-12/type.json: null type matches only the null object / an empty string is not null"] = NoNullType,
        ["draft2020-12/type.json: null type matches only the null object / an integer is not null"] = NoNullType,
        ["draft2020-12/type.json: null type matches only the null object / an object is not null"] = NoNullType,
        ["draft2020-12/type.json: null type matches only the null object / false is not null"] = NoNullType,
        ["draft2020-12/type.json: null type matches only the null object / true is not null"] = NoNullType,
        ["draft2020-12/type.json: null type matches only the null object / zero is not null"] = NoNullType,

        ["draft2020-12/type.json: multiple types can be specified in an array / a boolean is invalid"] = TypeUnion,
        ["draft2020-12/type.json: multiple types can be specified in an array / a float is invalid"] = TypeUnion,
        ["draft2020-12/type.json: multiple types can be specified in an array / an array is invalid"] = TypeUnion,
        ["draft2020-12/type.json: multiple types can be specified in an array / an object is invalid"] = TypeUnion,
        ["draft2020-12/type.json: multiple types can be specified in an array / null is invalid"] = TypeUnion,
        ["draft2020-12/type.json: type: array or object / null is invalid"] = TypeUnion,
        ["draft2020-12/type.json: type: array or object / number is invalid"] = TypeUnion,
        ["draft2020-12/type.json: type: array or object / string is invalid"] = TypeUnion,
        ["draft2020-12/type.json: type: array, object or null / number is invalid"] = TypeUnion,
        ["draft2020-12/type.json: type: array, object or null / string is invalid"] = TypeUnion,

        ["draft2020-12/enum.json: enum with [0] does not match [false] / [false] is invalid"] = UntypedEnum,
        ["draft2020-12/enum.json: enum with [1] does not match [true] / [true] is invalid"] = UntypedEnum,
        ["draft2020-12/enum.json: enum with [false] does not match [0] / [0.0] is invalid"] = UntypedEnum,
        ["draft2020-12/enum.json: enum with [false] does not match [0] / [0] is invalid"] = UntypedEnum,
        ["draft2020-12/enum.json: enum with [true] does not match [1] / [1.0] is invalid"] = UntypedEnum,
        ["draft2020-12/enum.json: enum with [true] does not match [1] / [1] is invalid"] = UntypedEnum,
        ["draft2020-12/enum.json: heterogeneous enum validation / extra properties in object is invalid"] = UntypedEnum,
        ["draft2020-12/enum.json: heterogeneous enum validation / objects are deep compared"] = UntypedEnum,
        ["draft2020-12/enum.json: heterogeneous enum validation / something else is invalid"] = UntypedEnum,

        ["draft2020-12/enum.json: empty enum / array is invalid"] = EmptyEnum,
        ["draft2020-12/enum.json: empty enum / boolean is invalid"] = EmptyEnum,
        ["draft2020-12/enum.json: empty enum / null is invalid"] = EmptyEnum,
        ["draft2020-12/enum.json: empty enum / number is invalid"] = EmptyEnum,
        ["draft2020-12/enum.json: empty enum / object is invalid"] = EmptyEnum,
        ["draft2020-12/enum.json: empty enum / string is invalid"] = EmptyEnum,

        ["draft2020-12/items.json: items with boolean schema (false) / any non-empty array is invalid"] = BooleanSchema,
        ["draft2020-12/properties.json: properties with boolean schema / both properties present is invalid"] = BooleanSchema,
        ["draft2020-12/properties.json: properties with boolean schema / only 'false' property present is invalid"] = BooleanSchema,

        ["draft2020-12/items.json: items with heterogeneous array / heterogeneous invalid instance"] = PrefixItems,
        ["draft2020-12/items.json: prefixItems validation adjusts the starting index for items / wrong type of second item"] = PrefixItems,
        ["draft2020-12/items.json: prefixItems with no additional items allowed / additional items are not permitted"] = PrefixItems,

        ["draft2020-12/items.json: items and subitems / too many items"] = RefAndPrefixItems,
        ["draft2020-12/items.json: items and subitems / too many sub-items"] = RefAndPrefixItems,
        ["draft2020-12/items.json: items and subitems / wrong item"] = RefAndPrefixItems,
        ["draft2020-12/items.json: items and subitems / wrong sub-item"] = RefAndPrefixItems,

        ["draft2020-12/items.json: items does not look in applicators, valid case / prefixItems in allOf does not constrain items, invalid case"] = AllOf,

        ["draft2020-12/properties.json: properties, patternProperties, additionalProperties interaction / additionalProperty invalidates others"] = PatternProperties,
        ["draft2020-12/properties.json: properties, patternProperties, additionalProperties interaction / patternProperty invalidates nonproperty"] = PatternProperties,
        ["draft2020-12/properties.json: properties, patternProperties, additionalProperties interaction / patternProperty invalidates property"] = PatternProperties,
        ["draft2020-12/properties.json: properties, patternProperties, additionalProperties interaction / property invalidates property"] = PatternProperties,

        ["draft2020-12/required.json: required properties whose names are Javascript object property names / __proto__ present"] = RequiredUndeclared,
        ["draft2020-12/required.json: required properties whose names are Javascript object property names / constructor present"] = RequiredUndeclared,
        ["draft2020-12/required.json: required properties whose names are Javascript object property names / none of the properties mentioned"] = RequiredUndeclared,
        ["draft2020-12/required.json: required properties whose names are Javascript object property names / toString present"] = RequiredUndeclared,
        ["draft2020-12/required.json: required with escaped characters / object with some properties missing is invalid"] = RequiredUndeclared,

        ["draft2020-12/anyOf.json: anyOf / neither anyOf valid"] = Choices,
        ["draft2020-12/anyOf.json: anyOf complex types / neither anyOf valid (complex)"] = Choices,
        ["draft2020-12/anyOf.json: anyOf with base schema / both anyOf invalid"] = Choices,
        ["draft2020-12/anyOf.json: anyOf with base schema / mismatch base schema"] = Choices,
        ["draft2020-12/oneOf.json: oneOf / both oneOf valid"] = Choices,
        ["draft2020-12/oneOf.json: oneOf / neither oneOf valid"] = Choices,
        ["draft2020-12/oneOf.json: oneOf complex types / both oneOf valid (complex)"] = Choices,
        ["draft2020-12/oneOf.json: oneOf complex types / neither oneOf valid (complex)"] = Choices,
        ["draft2020-12/oneOf.json: oneOf with base schema / both oneOf valid"] = Choices,
        ["draft2020-12/oneOf.json: oneOf with base schema / mismatch base schema"] = Choices,
        ["draft2020-12/oneOf.json: oneOf with empty schema / both valid - invalid"] = Choices,
        ["draft2020-12/oneOf.json: oneOf with missing optional property / both oneOf valid"] = Choices,
        ["draft2020-12/oneOf.json: oneOf with missing optional property / neither oneOf valid"] = Choices,
        ["draft2020-12/oneOf.json: oneOf with required / both invalid - invalid"] = Choices,
        ["draft2020-12/oneOf.json: oneOf with required / both valid - invalid"] = Choices,

        ["draft2020-12/anyOf.json: anyOf with boolean schemas, all false / any value is invalid"] = BooleanSchema,
        ["draft2020-12/oneOf.json: oneOf with boolean schemas, all false / any value is invalid"] = BooleanSchema,
        ["draft2020-12/oneOf.json: oneOf with boolean schemas, all true / any value is invalid"] = BooleanSchema,
        ["draft2020-12/oneOf.json: oneOf with boolean schemas, more than one true / any value is invalid"] = BooleanSchema,
        ["draft2020-12/ref.json: $ref to boolean schema false / any value is invalid"] = BooleanSchema,

        ["draft2020-12/anyOf.json: nested anyOf, to check validation semantics / anything non-null is invalid"] = AlwaysNull,
        ["draft2020-12/const.json: const with null / not null is invalid"] = AlwaysNull,
        ["draft2020-12/oneOf.json: nested oneOf, to check validation semantics / anything non-null is invalid"] = AlwaysNull,

        ["draft2020-12/const.json: const with [false] does not match [0] / [0.0] is invalid"] = ConstShape,
        ["draft2020-12/const.json: const with [false] does not match [0] / [0] is invalid"] = ConstShape,
        ["draft2020-12/const.json: const with [true] does not match [1] / [1.0] is invalid"] = ConstShape,
        ["draft2020-12/const.json: const with [true] does not match [1] / [1] is invalid"] = ConstShape,
        ["draft2020-12/const.json: const with array / another array item is invalid"] = ConstShape,
        ["draft2020-12/const.json: const with array / array with additional items is invalid"] = ConstShape,
        ["draft2020-12/const.json: const with object / another object is invalid"] = ConstShape,
        ["draft2020-12/const.json: const with object / another type is invalid"] = ConstShape,
        ["draft2020-12/const.json: const with {\"a\": false} does not match {\"a\": 0} / {\"a\": 0.0} is invalid"] = ConstShape,
        ["draft2020-12/const.json: const with {\"a\": false} does not match {\"a\": 0} / {\"a\": 0} is invalid"] = ConstShape,
        ["draft2020-12/const.json: const with {\"a\": true} does not match {\"a\": 1} / {\"a\": 1.0} is invalid"] = ConstShape,
        ["draft2020-12/const.json: const with {\"a\": true} does not match {\"a\": 1} / {\"a\": 1} is invalid"] = ConstShape,

        ["draft2020-12/defs.json: validate definition against metaschema / invalid definition schema"] = OutsideRef,
        ["draft2020-12/ref.json: $id must be resolved against nearest parent, not just immediate parent / non-number is invalid"] = OutsideRef,
        ["draft2020-12/ref.json: Recursive references between schemas / invalid tree"] = OutsideRef,
        ["draft2020-12/ref.json: URN base URI with URN and JSON pointer ref / a non-string is invalid"] = OutsideRef,
        ["draft2020-12/ref.json: URN base URI with URN and anchor ref / a non-string is invalid"] = OutsideRef,
        ["draft2020-12/ref.json: URN ref with nested pointer ref / a non-string is invalid"] = OutsideRef,
        ["draft2020-12/ref.json: order of evaluation: $id and $anchor and $ref / data is invalid against first definition"] = OutsideRef,
        ["draft2020-12/ref.json: order of evaluation: $id and $ref / data is invalid against first definition"] = OutsideRef,
        ["draft2020-12/ref.json: order of evaluation: $id and $ref on nested schema / data is invalid against nested sibling"] = OutsideRef,
        ["draft2020-12/ref.json: ref to else / a non-integer is invalid due to the $ref"] = OutsideRef,
        ["draft2020-12/ref.json: ref to if / a non-integer is invalid due to the $ref"] = OutsideRef,
        ["draft2020-12/ref.json: ref to then / a non-integer is invalid due to the $ref"] = OutsideRef,
        ["draft2020-12/ref.json: ref with absolute-path-reference / an integer is invalid"] = OutsideRef,
        ["draft2020-12/ref.json: refs with relative uris and defs / invalid on inner field"] = OutsideRef,
        ["draft2020-12/ref.json: refs with relative uris and defs / invalid on outer field"] = OutsideRef,
        ["draft2020-12/ref.json: relative pointer ref to array / mismatch array"] = OutsideRef,
        ["draft2020-12/ref.json: relative pointer ref to object / mismatch"] = OutsideRef,
        ["draft2020-12/ref.json: relative refs with absolute uris and defs / invalid on inner field"] = OutsideRef,
        ["draft2020-12/ref.json: relative refs with absolute uris and defs / invalid on outer field"] = OutsideRef,
        ["draft2020-12/ref.json: remote ref, containing refs itself / remote ref invalid"] = OutsideRef,
        ["draft2020-12/ref.json: root pointer ref / recursive mismatch"] = OutsideRef,
        ["draft2020-12/ref.json: simple URN base URI with $ref via the URN / invalid under the URN IDed schema"] = OutsideRef,

        ["draft2020-12/ref.json: naive replacement of $ref with its destination is not correct / do not evaluate the $ref inside the enum, definition exact match"] = UntypedEnum,
        ["draft2020-12/ref.json: naive replacement of $ref with its destination is not correct / do not evaluate the $ref inside the enum, matching any string"] = UntypedEnum,

        ["draft2020-12/ref.json: ref creates new scope when adjacent to keywords / referenced subschema doesn't see annotations from properties"] = Unevaluated,

        ["draft2020-12/additionalProperties.json: additionalProperties can exist by itself / an additional invalid property is invalid"] = AdditionalSchema,
        ["draft2020-12/additionalProperties.json: additionalProperties does not look in applicators / properties defined in allOf are not examined"] = AdditionalSchema,
        ["draft2020-12/additionalProperties.json: additionalProperties with propertyNames / Valid against propertyNames, but not additionalProperties"] = AdditionalSchema,
        ["draft2020-12/additionalProperties.json: additionalProperties with schema / an additional invalid property is invalid"] = AdditionalSchema,

        ["draft2020-12/additionalProperties.json: additionalProperties being false does not allow other properties / an additional property is invalid"] = PatternProperties,
        ["draft2020-12/additionalProperties.json: non-ASCII pattern with additionalProperties / not matching the pattern is invalid"] = PatternProperties,

        ["draft2020-12/additionalProperties.json: dependentSchemas with additionalProperties / additionalProperties can't see bar"] = DependentSchemas,
        ["draft2020-12/additionalProperties.json: dependentSchemas with additionalProperties / additionalProperties can't see bar even when foo2 is present"] = DependentSchemas,
        ["draft2020-12/additionalProperties.json: dependentSchemas with additionalProperties / additionalProperties doesn't consider dependentSchemas"] = DependentSchemas,
    };
}
