namespace Oxen.Video.Packaging.Tests;

/// <summary>
/// A test class on the run's one pack (<see cref="PackagesFixture.SharedAsync"/>). Each class is its own xunit
/// collection, so the classes run side by side while each one's tests run in order.
/// </summary>
public abstract class PackagesTest(ITestOutputHelper log) : IAsyncLifetime
{
    protected PackagesFixture Packages { get; private set; } = null!;

    protected ITestOutputHelper Log { get; } = log;

    public async Task InitializeAsync() => Packages = await PackagesFixture.SharedAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
