// Targets Aspire.Azure.Messaging.ServiceBus 13.5.2 (AddAzureServiceBusClient) and Microsoft.Extensions.Hosting
// (Host.CreateApplicationBuilder) as Aspire.Hosting.Testing 13.5.2 brings it.
using AiWorkload.Messaging.Topology.AppModel;
using AiWorkload.Messaging.Transport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AiWorkload.Edge.Tests.Contract;

/// <summary>
/// The namespace the contract tests run against, composed exactly as a service host composes it: Aspire's client
/// integration, then the Azure adapter. It must hold the product topology (WorkloadTopology.Model): the emulator started
/// by the AppHost has it, and so does a namespace provisioned by infra. Use one dedicated to tests: the tests complete
/// whatever they receive on the entities they touch.
/// </summary>
public sealed class ServiceBusNamespace : IAsyncLifetime
{
    /// <summary>The messaging connection string: the emulator's (Endpoint=sb://localhost:PORT;...UseDevelopmentEmulator=true) or a namespace's.</summary>
    public const string ConnectionVariable = "AIWORKLOAD_SERVICEBUS_CONNECTION";

    /// <summary>Optional: the emulator serves administration (message counts) on its HTTP port, not its AMQP port.</summary>
    public const string AdministrationVariable = "AIWORKLOAD_SERVICEBUS_ADMINISTRATION_CONNECTION";

    private readonly IHost _host;

    public ServiceBusNamespace()
    {
        var connection = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (string.IsNullOrWhiteSpace(connection))
        {
            throw new InvalidOperationException(
                $"{ConnectionVariable} is not set. These contract tests (Category=RequiresServiceBus) run the Azure adapter against a real " +
                "Service Bus namespace or the emulator that holds the WorkloadTopology entities, for example the one `dotnet run --project " +
                "AiWorkload.AppHost` starts, or one provisioned by infra/. Set it to the connection string (for the emulator, the services' " +
                $"ConnectionStrings__messaging on the dashboard) and, for the emulator, {AdministrationVariable} to the services' " +
                "Messaging__AzureServiceBus__AdministrationConnectionString. See the README, 'Run with Aspire'.");
        }

        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{ServiceBusHosting.ConnectionName}"] = connection,
            [ServiceBusHosting.AdministrationConnectionStringKey] = Environment.GetEnvironmentVariable(AdministrationVariable),
        });
        builder.AddAzureServiceBusClient(ServiceBusHosting.ConnectionName);
        builder.AddAzureServiceBusTransport();
        _host = builder.Build();
        Transport = _host.Services.GetRequiredService<IMessagingTransport>();
    }

    public IMessagingTransport Transport { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Asynchronously: the transport and the client hold AMQP links and implement only IAsyncDisposable.</summary>
    public async Task DisposeAsync()
    {
        if (_host is IAsyncDisposable host)
        {
            await host.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }
    }
}
