using Oxen.Video.Models;
using Oxen.Video.Tests.Infrastructure;

namespace Oxen.Video.Tests.Registry;

/// <summary>OxenModels lists exactly the models of <c>schemas/</c>, each under its file's id.</summary>
public sealed class RegistryTests
{
    [Fact]
    public void All_has_one_entry_per_schema_file_under_the_file_name()
    {
        var files = SchemaFile.All.Select(f => f.FileName).ToList();
        var ids = OxenModels.All.Select(m => m.Id).ToList();

        Assert.NotEmpty(files);
        Assert.Equal(files.Count, OxenModels.All.Count);
        Assert.Equal(files.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        Assert.All(SchemaFile.All, f => Assert.Equal(f.FileName, f.Id));
    }

    [Fact]
    public void Every_entry_is_found_by_id_and_describes_its_own_request_type()
    {
        Assert.All(OxenModels.All, info =>
        {
            var file = SchemaFile.Get(info.Id);
            Assert.Same(info, OxenModels.Find(info.Id));
            Assert.Equal(file.Model.GetProperty("display_name").GetString(), info.DisplayName);
            Assert.Equal(file.Model.GetProperty("endpoint").GetString(), info.Endpoint);
            Assert.True(typeof(IOxenRequest).IsAssignableFrom(info.RequestType), $"{info.RequestType} is not an IOxenRequest.");
            Assert.Equal(info.Id, info.RequestType.GetField("ModelId")?.GetRawConstantValue());
        });
        Assert.Null(OxenModels.Find("no-such-model"));
    }

    [Fact]
    public void Models_removed_from_the_docs_say_so_and_no_other_does()
    {
        var removed = SchemaFile.All.Where(f => f.RemovedFromDocs is not null).ToList();

        // schemas/README.md: the 8 kling-video-o3-* pages that left the docs on 2026-07-27.
        Assert.Equal(8, removed.Count);
        Assert.All(SchemaFile.All, f => Assert.Equal(f.RemovedFromDocs, OxenModels.Find(f.FileName)!.RemovedFromDocsOn));
    }
}
