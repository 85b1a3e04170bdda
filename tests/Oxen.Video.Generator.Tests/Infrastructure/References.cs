using Microsoft.CodeAnalysis;

namespace Oxen.Video.Generator.Tests.Infrastructure;

/// <summary>What generated code compiles against: .NET 10 reference assemblies and the Oxen.Video runtime.</summary>
internal static class References
{
    public static readonly MetadataReference Runtime = MetadataReference.CreateFromFile(typeof(Oxen.Video.IOxenRequest).Assembly.Location);

    public static IEnumerable<MetadataReference> All => Basic.Reference.Assemblies.Net100.References.All.Append(Runtime);
}
