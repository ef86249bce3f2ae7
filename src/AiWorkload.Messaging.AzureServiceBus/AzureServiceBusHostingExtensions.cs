// Targets Azure.Messaging.ServiceBus 7.21.0 (Microsoft.Extensions.Azure.ServiceBusClientBuilderExtensions: AddServiceBusClient,
// AddServiceBusClientWithNamespace, AddServiceBusAdministrationClient, AddServiceBusAdministrationClientWithNamespace),
// Microsoft.Extensions.Azure 1.14.1 (AddAzureClients, UseCredential, WithCredential) and Azure.Identity 1.21.0
// (DefaultAzureCredential); see Directory.Packages.props.
using AiWorkload.Messaging.AzureServiceBus;
using AiWorkload.Messaging.Topology.AppModel;
using AiWorkload.Messaging.Transport;
using Azure.Core;
using Azure.Identity;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.Hosting;

public static class AzureServiceBusHostingExtensions
{
    /// <summary>Aspire.Azure.Messaging.ServiceBus's settings section (AspireServiceBusExtensions.DefaultConfigSectionName), still honoured.</summary>
    private const string AspireSettingsSection = "Aspire:Azure:Messaging:ServiceBus";

    /// <summary>The health check of the connection to the namespace, on <c>/health</c>.</summary>
    public const string HealthCheckName = "servicebus";

    /// <summary>
    /// Runs the messaging port on Azure Service Bus (a namespace, the emulator or the local AMQP face). The ServiceBusClient
    /// is registered here through Microsoft.Extensions.Azure from <c>ConnectionStrings:{connectionName}</c> (or the Aspire
    /// settings section's ConnectionString / FullyQualifiedNamespace): a connection string with its key, or a namespace with
    /// <see cref="AzureServiceBusTransportOptions.Credential"/> (DefaultAzureCredential by default). A ServiceBusClient
    /// registered before (Aspire's <c>builder.AddAzureServiceBusClient(connectionName)</c>) is used instead. Message counts for
    /// the depth gauges come from a ServiceBusAdministrationClient built from the same configuration, or from
    /// <see cref="AzureServiceBusTransportOptions.AdministrationConnectionString"/>. A health check named
    /// <see cref="HealthCheckName"/> reports whether the namespace answers.
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
        var namedConnectionString = builder.Configuration.GetConnectionString(connectionName);
        var settingsConnectionString = named["ConnectionString"] ?? settings["ConnectionString"];
        var settingsNamespace = named["FullyQualifiedNamespace"] ?? settings["FullyQualifiedNamespace"];
        var messaging = ServiceBusConnectionInfo.Resolve(null, namedConnectionString, settingsConnectionString, settingsNamespace);
        var administration = ServiceBusConnectionInfo.Resolve(options.AdministrationConnectionString, namedConnectionString, settingsConnectionString, settingsNamespace);
        var ownsClient = !messaging.IsEmpty && !builder.Services.Any(service => service.ServiceType == typeof(ServiceBusClient));
        if (ownsClient || !administration.IsEmpty)
        {
            // One credential for both clients, made only for a namespace without a key.
            var credential = new Lazy<TokenCredential>(() => options.Credential ?? new DefaultAzureCredential());
            builder.Services.AddAzureClients(clients =>
            {
                if (ownsClient)
                {
                    // As the Azure SDK documents for hosted apps: a key in the connection string, or the credential for the namespace.
                    if (messaging.ConnectionString is { } connectionString)
                    {
                        clients.AddServiceBusClient(connectionString);
                    }
                    else
                    {
                        clients.AddServiceBusClientWithNamespace(messaging.FullyQualifiedNamespace!);
                        clients.UseCredential(credential.Value);
                    }
                }

                if (!administration.IsEmpty)
                {
                    var client = administration.ConnectionString is { } administrationConnectionString
                        ? clients.AddServiceBusAdministrationClient(administrationConnectionString)
                        : clients.AddServiceBusAdministrationClientWithNamespace(administration.FullyQualifiedNamespace!);
                    if (administration.ConnectionString is null)
                    {
                        client.WithCredential(credential.Value);
                    }
                }
            });
        }

        builder.Services.Replace(ServiceDescriptor.Singleton<IMessagingTransport>(services => new AzureServiceBusTransport(
            services.GetService<ServiceBusClient>() ?? throw new InvalidOperationException(
                $"No ServiceBusClient is registered: set ConnectionStrings:{connectionName} (a connection string, or a fully qualified namespace) before AddAzureServiceBusTransport()."),
            services)));
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            HealthCheckName,
            services => new ServiceBusConnectionHealthCheck(services.GetRequiredService<ServiceBusClient>(), options.HealthCheckQueue),
            failureStatus: null,
            tags: null));
        return builder;
    }
}
