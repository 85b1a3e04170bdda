using Xunit.Sdk;

[assembly: TestFramework("Oxen.Video.Packaging.Tests.PackagingTestFramework", "Oxen.Video.Packaging.Tests")]

namespace Oxen.Video.Packaging.Tests;

/// <summary>
/// xunit's own framework, plus the end of the run: the one pack that every test class shared
/// (<see cref="PackagesFixture.SharedAsync"/>) is deleted when the framework is disposed, after the last class.
/// </summary>
public sealed class PackagingTestFramework : XunitTestFramework
{
    public PackagingTestFramework(IMessageSink messageSink)
        : base(messageSink) => DisposalTracker.Add(new SharedPackCleanup());

    private sealed class SharedPackCleanup : IDisposable
    {
        public void Dispose() => PackagesFixture.DeleteShared();
    }
}
