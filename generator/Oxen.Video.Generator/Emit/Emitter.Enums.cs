using System.Linq;
using Oxen.Video.Schemas.Specs;

namespace Oxen.Video.Generator.Emit;

internal sealed partial class Emitter
{
    private void WriteEnum(EnumSpec spec)
    {
        var summary = spec.Description is null
            ? $"The values allowed for <c>{CSharp.Xml(spec.JsonName)}</c> of model <c>{CSharp.Xml(_model.Id)}</c>."
            : CSharp.Xml(spec.Description);
        _w.Line($"/// <summary>{summary}</summary>");
        _w.Line($"/// <remarks>Each member is sent as the exact JSON value of the schema: {CSharp.Xml(string.Join(", ", spec.Members.Select(m => m.WireJson)))}.</remarks>");
        _w.Line($"[{Json}.Serialization.JsonConverter(typeof({Serialization}.OxenEnumJsonConverter<{Global(spec.TypeName)}, {Global(MembersName(spec))}>))]");
        _w.Line($"[{Schema}.OxenEnum]");
        _w.Line(GeneratedCodeAttribute);
        using (_w.Block($"public enum {spec.TypeName}"))
        {
            foreach (var member in spec.Members)
            {
                _w.Line($"/// <summary>Sent as <c>{CSharp.Xml(member.WireJson)}</c>.</summary>");
                _w.Line($"{member.Name} = {member.Value},");
            }
        }
    }

    /// <summary>
    /// The enum's member table: each member with its exact JSON value. Reading, writing, validation and the
    /// registry all use it, so an enum costs one line per member here and nothing per member anywhere else.
    /// </summary>
    private void WriteEnumMembers(EnumSpec spec)
    {
        var type = Global(spec.TypeName);
        _w.Line($"/// <summary>The JSON value of each member of <see cref=\"{spec.TypeName}\"/>.</summary>");
        _w.Line(GeneratedCodeAttribute);
        using (_w.Block($"internal sealed class {MembersName(spec)} : {Serialization}.IOxenEnumMembers<{type}>"))
        {
            _w.Line("/// <inheritdoc />");
            _w.Line($"public static {Serialization}.OxenEnumTable<{type}> Table {{ get; }} = new({CSharp.StringLiteral(spec.JsonName)}, new {Serialization}.OxenEnumMember<{type}>[]");
            _w.Line("{");
            foreach (var member in spec.Members)
            {
                _w.Line($"    new({type}.{member.Name}, {CSharp.StringLiteral(member.WireJson)}),");
            }

            _w.Line("});");
        }
    }
}
