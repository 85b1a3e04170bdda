using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Oxen.Video;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="OxenClient"/> with dependency injection.</summary>
public static class OxenServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> used for result downloads (it never follows redirects itself).</summary>
    public const string DownloadHttpClientName = "Oxen.Video.Downloads";

    /// <summary>The name of the <see cref="HttpClient"/> used for API calls.</summary>
    public const string HttpClientName = "Oxen.Video";

    /// <summary>
    /// Registers <see cref="OxenClient"/> as a typed client of <c>IHttpClientFactory</c>, with
    /// <see cref="OxenClientOptions"/> and <see cref="ILogger{OxenClient}"/>. Typed clients are transient, but they
    /// share one event-stream connection per hub and API key (a singleton behind them), however many are made.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets options; unset ones come from the environment, then defaults.</param>
    /// <returns>The client's builder, for further configuration (handlers, resilience, ...).</returns>
    public static IHttpClientBuilder AddOxenClient(this IServiceCollection services, Action<OxenClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<OxenClientOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddHttpClient(DownloadHttpClientName)
            .ConfigureHttpClient(static client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler { AllowAutoRedirect = false, MaxConnectionsPerServer = OxenPipeline.MaxConnectionsPerServer });

        var builder = services.AddHttpClient(HttpClientName)
            .ConfigureHttpClient(static client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler { AllowAutoRedirect = false, MaxConnectionsPerServer = OxenPipeline.MaxConnectionsPerServer });
        services.TryAddSingleton(static provider => new OxenSharedEventStreams(
            () => provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            provider.GetService<ILogger<OxenClient>>()));
        builder.AddTypedClient(static (http, provider) => new OxenClient(
            http,
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(DownloadHttpClientName),
            provider.GetRequiredService<IOptions<OxenClientOptions>>().Value,
            provider.GetService<ILogger<OxenClient>>(),
            provider.GetRequiredService<OxenSharedEventStreams>()));
        return builder;
    }
}
