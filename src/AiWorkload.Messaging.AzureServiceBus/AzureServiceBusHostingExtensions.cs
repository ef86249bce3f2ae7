// Targets Azure.Messaging.ServiceBus 7.20.1 (Microsoft.Extensions.Azure.ServiceBusClientBuilderExtensions:
// AddServiceBusAdministrationClient, AddServiceBusAdministrationClientWithNamespace) and Microsoft.Extensions.Azure as
// Aspire.Azure.Messaging.ServiceBus 13.5.2 brings it (AddAzureClients, WithCredential).
using AiWorkload.Messaging.AzureServiceBus;
using AiWorkload.Messaging.Topology.AppModel;
using AiWorkload.Messaging.Transport;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.Hosting;

public static class AzureServiceBusHostingExtensions
{
    /// <summary>Aspire.Azure.Messaging.ServiceBus's settings section (AspireServiceBusExtensions.DefaultConfigSectionName).</summary>
    private const string AspireSettingsSection = "Aspire:Azure:Messaging:ServiceBus";

    /// <summary>
    /// Runs the messaging port on Azure Service Bus (or the emulator), through the ServiceBusClient that
    /// <c>builder.AddAzureServiceBusClient(connectionName)</c> registers; call that first. Message counts for the depth
    /// gauges come from a ServiceBusAdministrationClient built from the same configuration as that client.
    /// </summary>
    public static IHostApplicationBuilder AddAzureServiceBusTransport(
        this IHostApplicationBuilder builder,
        string connectionName = ServiceBusHosting.ConnectionName,
        Action<AzureServiceBusTransportOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(connectionName);
        var options = new AzureServiceBusTransportOptions
        {
            AdministrationConnectionString = builder.Configuration[ServiceBusHosting.AdministrationConnectionStringKey],
        };
        configure?.Invoke(options);

        var settings = builder.Configuration.GetSection(AspireSettingsSection);
        var named = settings.GetSection(connectionName);
        var connection = ServiceBusConnectionInfo.Resolve(
            options.AdministrationConnectionString,
            builder.Configuration.GetConnectionString(connectionName),
            named["ConnectionString"] ?? settings["ConnectionString"],
            named["FullyQualifiedNamespace"] ?? settings["FullyQualifiedNamespace"]);
        if (!connection.IsEmpty)
        {
            builder.Services.AddAzureClients(clients =>
            {
                var administration = connection.ConnectionString is { } connectionString
                    ? clients.AddServiceBusAdministrationClient(connectionString)
                    : clients.AddServiceBusAdministrationClientWithNamespace(connection.FullyQualifiedNamespace!);
                if (options.Credential is { } credential)
                {
                    administration.WithCredential(credential);
                }
            });
        }

        builder.Services.Replace(ServiceDescriptor.Singleton<IMessagingTransport>(services => new AzureServiceBusTransport(
            services.GetService<ServiceBusClient>() ?? throw new InvalidOperationException(
                $"No ServiceBusClient is registered: call builder.AddAzureServiceBusClient(\"{connectionName}\") before AddAzureServiceBusTransport()."),
            services)));
        return builder;
    }
}
