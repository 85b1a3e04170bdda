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
        _w.Doc("summary", summary);
        _w.Doc("remarks", $"Each member is sent as the exact JSON value of the schema: {CSharp.Xml(string.Join(", ", spec.Members.Select(m => m.WireJson)))}.");
        // OxenEnum: the analyzer (OXEN103) allows only the named members in constants. Each member's JSON value is in
        // the table below, so the members carry no attributes or docs of their own.
        // One attribute a line: a list of three does not fit a line once the type names are long.
        _w.Line($"[{Json}.Serialization.JsonConverter(typeof({Serialization}.OxenEnumJsonConverter<{spec.TypeName}, {MembersName(spec)}>))]");
        _w.Line($"[{Schema}.OxenEnum, {GeneratedCode}]");
        var members = spec.Members.Select(m => $"{m.Name} = {m.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}").ToList();
        var declaration = $"public enum {spec.TypeName} {{ {string.Join(", ", members)} }}";
        if (declaration.Length <= MaxLineLength)
        {
            _w.Line(declaration); // a short enum reads best on one line
            return;
        }

        using (_w.Block($"public enum {spec.TypeName}"))
        {
            foreach (var member in members)
            {
                _w.Line(member + ",");
            }
        }
    }

    /// <summary>
    /// The enum's member table: each member with its exact JSON value. Reading, writing, validation and the
    /// registry all use it, so an enum costs one line per member here and nothing per member anywhere else.
    /// </summary>
    private void WriteEnumMembers(EnumSpec spec) => WithShortNames(() => WriteEnumTable(spec));

    private void WriteEnumTable(EnumSpec spec)
    {
        var type = Global(spec.TypeName);
        // Internal, so without docs: the enum's remarks above list the same values. Entries name the enum simply: the
        // class sits in the enum's namespace and declares nothing that could hide it.
        var entries = spec.Members.Select(m => $"new({spec.TypeName}.{m.Name}, {CSharp.StringLiteral(m.WireJson)})").ToList();
        var table = $"public static {Serialization}.OxenEnumTable<{type}> Table {{ get; }} = new({CSharp.StringLiteral(spec.JsonName)}, ";
        using (_w.Block($"internal sealed class {MembersName(spec)} : {Serialization}.IOxenEnumMembers<{type}>"))
        {
            var inline = $"[{string.Join(", ", entries)}]);";
            if (inline.Length <= MaxLineLength)
            {
                _w.Line(table + inline); // a short table reads best on one line, like its enum
                return;
            }

            _w.Line(table + "new " + $"{Serialization}.OxenEnumMember<{type}>[]");
            _w.Line("{");
            _w.Packed(entries, ",", MaxLineLength);
            _w.Line("});");
        }
    }
}
