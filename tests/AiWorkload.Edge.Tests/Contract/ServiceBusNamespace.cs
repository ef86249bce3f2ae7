// Targets Microsoft.Extensions.Hosting (Host.CreateApplicationBuilder) and the Azure adapter's AddAzureServiceBusTransport,
// which registers the ServiceBusClient through Microsoft.Extensions.Azure.
using AiWorkload.Messaging.Topology.AppModel;
using AiWorkload.Messaging.Transport;
using AiWorkload.ServiceBus.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AiWorkload.Edge.Tests.Contract;

/// <summary>
/// The namespace the contract tests run against, composed as a service host composes it: the Azure adapter on
/// <c>ConnectionStrings:messaging</c>. Without <see cref="ConnectionVariable"/>, that is the local Service Bus host
/// (the product topology, AMQP and the administration API on free loopback ports). Otherwise it is the given namespace
/// or emulator, which must hold that topology (a namespace provisioned by infra does). Use one dedicated to tests: the
/// tests complete whatever they receive on the entities they touch.
/// </summary>
public sealed class ServiceBusNamespace : IAsyncLifetime
{
    /// <summary>The messaging connection string: the emulator's (Endpoint=sb://localhost:PORT;...UseDevelopmentEmulator=true) or a namespace's.</summary>
    public const string ConnectionVariable = "AIWORKLOAD_SERVICEBUS_CONNECTION";

    /// <summary>Optional with <see cref="ConnectionVariable"/>: the official emulator serves administration on its HTTP port, not its AMQP port.</summary>
    public const string AdministrationVariable = "AIWORKLOAD_SERVICEBUS_ADMINISTRATION_CONNECTION";

    private LocalHost? _local;
    private IHost? _host;

    public IMessagingTransport Transport => _host?.Services.GetRequiredService<IMessagingTransport>()
        ?? throw new InvalidOperationException("The namespace is not initialized.");

    public async Task InitializeAsync()
    {
        var connection = Environment.GetEnvironmentVariable(ConnectionVariable);
        var administration = Environment.GetEnvironmentVariable(AdministrationVariable);
        if (string.IsNullOrWhiteSpace(connection))
        {
            _local = await LocalHost.StartAsync();
            connection = _local.AmqpConnectionString;
            administration = _local.AdminConnectionString;
        }

        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{ServiceBusHosting.ConnectionName}"] = connection,
            [ServiceBusHosting.AdministrationConnectionStringKey] = administration,
        });
        builder.AddAzureServiceBusTransport();
        _host = builder.Build();
    }

    /// <summary>Asynchronously: the transport and the client hold AMQP links and implement only IAsyncDisposable.</summary>
    public async Task DisposeAsync()
    {
        if (_host is IAsyncDisposable host)
        {
            await host.DisposeAsync();
        }
        else
        {
            _host?.Dispose();
        }

        if (_local is not null)
        {
            await _local.DisposeAsync();
        }
    }
}
