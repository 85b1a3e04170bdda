using Microsoft.Extensions.Logging;

namespace Oxen.Cli;

/// <summary>Creates the console loggers on first use: most commands never log, and startup stays fast.</summary>
internal sealed class LazyLoggerFactory(Func<ILoggerFactory> create) : ILoggerFactory
{
    private readonly Lazy<ILoggerFactory> _factory = new(create);

    public ILogger CreateLogger(string categoryName) => _factory.Value.CreateLogger(categoryName);

    public void AddProvider(ILoggerProvider provider) => _factory.Value.AddProvider(provider);

    public void Dispose()
    {
        if (_factory.IsValueCreated)
        {
            _factory.Value.Dispose();
        }
    }
}
