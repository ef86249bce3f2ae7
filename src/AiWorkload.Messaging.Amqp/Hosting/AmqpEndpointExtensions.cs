using AiWorkload.Messaging.Amqp.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

public static class AmqpEndpointExtensions
{
    /// <summary>
    /// Serves the process's embedded engine (AddEmbeddedServiceBus) over AMQP 1.0 when <c>ServiceBus:Amqp:Port</c> is set,
    /// so the Azure SDKs and tools outside the process reach the same queues; a health check named 'amqp' reports it.
    /// </summary>
    public static IHostApplicationBuilder AddAmqpEndpoint(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(AmqpEndpointSettings.SectionName);
        builder.Services.Configure<AmqpEndpointSettings>(section);
        builder.Services.AddSingleton<AmqpEndpointState>();
        if (section.GetValue<int>(nameof(AmqpEndpointSettings.Port)) > 0)
        {
            builder.Services.AddHostedService<AmqpEndpointService>();
            builder.Services.AddHealthChecks().AddCheck<AmqpEndpointHealthCheck>("amqp");
        }

        return builder;
    }
}
