using System;
using System.Collections.Generic;
using System.Globalization;

namespace Oxen.Video.Schemas.Parsing;

/// <summary>
/// The top-level type names of one generated namespace, and who holds each. Names are compared ignoring case (hint
/// names, and so generated file names, must be unique that way), and the companions the emitter writes beside a type
/// (<c>{name}JsonConverter</c> for objects, <c>{name}Members</c> for enums) are held with it, so a property
/// <c>mode_members</c> cannot take the member table of <c>mode</c>. Used by the parser within one file and by <see cref="SchemaSet"/> across files.
/// </summary>
internal sealed class TypeNameSet
{
    /// <summary>The suffixes of the companion types the emitter writes next to a generated type.</summary>
    public static readonly string[] CompanionSuffixes = ["JsonConverter", "Members"];

    /// <summary>Public types of the runtime in <c>Oxen.Video.Models</c>, and the generated registry: never a model's.</summary>
    public static readonly string[] RuntimeTypes =
    [
        "OxenModels", "OxenModelInfo", "OxenModelPricing", "OxenParameterInfo", "OxenValueKind", "OxenRequestParser",
        "OxenCostEstimate",
    ];

    private readonly Dictionary<string, string> _owners = new(StringComparer.OrdinalIgnoreCase);

    public TypeNameSet()
    {
        foreach (var name in RuntimeTypes)
        {
            Hold(name, $"the runtime's type {name}");
        }
    }

    /// <summary>Who holds <paramref name="name"/> (or one of its companions' names), or null when it is free.</summary>
    public string? OwnerOf(string name)
    {
        if (_owners.TryGetValue(name, out var owner))
        {
            return owner;
        }

        foreach (var suffix in CompanionSuffixes)
        {
            if (_owners.TryGetValue(name + suffix, out owner))
            {
                return owner;
            }
        }

        return null;
    }

    /// <summary>
    /// Takes <paramref name="name"/> for <paramref name="owner"/>, or the first free <c>name2</c>, <c>name3</c>...;
    /// returns the name taken and, when it is not the one asked for, who held that one.
    /// </summary>
    public (string Name, string? HeldBy) Take(string name, string owner)
    {
        var heldBy = OwnerOf(name);
        var taken = name;
        for (var i = 2; OwnerOf(taken) is not null; i++)
        {
            taken = name + i.ToString(CultureInfo.InvariantCulture);
        }

        Hold(taken, owner);
        return (taken, heldBy);
    }

    private void Hold(string name, string owner)
    {
        _owners[name] = owner;
        foreach (var suffix in CompanionSuffixes)
        {
            _owners[name + suffix] = $"{(suffix == "Members" ? "the member table" : "the JSON converter")} of {owner}";
        }
    }
}
