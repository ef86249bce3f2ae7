using AiWorkload.Messaging.Embedded.Adapter;
using AiWorkload.Messaging.Telemetry;
using AiWorkload.Messaging.Transport;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

public static class EmbeddedServiceBusHostingExtensions
{
    /// <summary>
    /// Runs the messaging port on the embedded engine: durable in <see cref="EmbeddedTransportOptions.DataDirectory"/>,
    /// provisioned from the topology the port is given. Pair it with AddMessaging().
    /// </summary>
    public static IHostApplicationBuilder AddEmbeddedServiceBus(this IHostApplicationBuilder builder, Action<EmbeddedTransportOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configured = builder.Configuration["Messaging:Embedded:DataDirectory"];
        var defaultDirectory = configured ?? Path.Combine(builder.Environment.ContentRootPath, ".servicebus");
        builder.Services.AddEmbeddedServiceBus(options =>
        {
            options.DataDirectory = defaultDirectory;
            configure?.Invoke(options);
        });
        return builder;
    }

    public static IServiceCollection AddEmbeddedServiceBus(this IServiceCollection services, Action<EmbeddedTransportOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MessagingTelemetry>();
        services.TryAddSingleton<EmbeddedServiceBusProvider>();
        services.Replace(ServiceDescriptor.Singleton<IMessagingTransport, EmbeddedTransport>());
        return services;
    }
}
