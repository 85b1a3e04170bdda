namespace Oxen.Video.Packaging.Tests;

/// <summary>
/// A test class on the run's one pack (<see cref="PackagesFixture.SharedAsync"/>). Each class is its own xunit
/// collection, so the classes run side by side while each one's tests run in order.
/// </summary>
public abstract class PackagesTest(ITestOutputHelper log) : IAsyncLifetime, IClassFixture<PackagesLease>
{
    protected PackagesFixture Packages { get; private set; } = null!;

    protected ITestOutputHelper Log { get; } = log;

    public async Task InitializeAsync() => Packages = await PackagesFixture.SharedAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>
/// Held by each <see cref="PackagesTest"/> class while its tests run (an xunit class fixture): when the last class is
/// done, the shared pack's folder is deleted, inside the run. A filtered run that skips a class leaves that to
/// <see cref="PackagingTestFramework"/> at the very end.
/// </summary>
public sealed class PackagesLease : IDisposable
{
    private static int _classesLeft = typeof(PackagesTest).Assembly.GetTypes().Count(t => !t.IsAbstract && t.IsSubclassOf(typeof(PackagesTest)));

    public void Dispose()
    {
        if (Interlocked.Decrement(ref _classesLeft) == 0)
        {
            PackagesFixture.DeleteShared();
        }
    }
}
