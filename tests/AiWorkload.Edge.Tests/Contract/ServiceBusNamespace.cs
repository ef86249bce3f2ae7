// Targets Microsoft.Extensions.Hosting (Host.CreateApplicationBuilder) and the Azure adapter's AddAzureServiceBusTransport,
// which registers the ServiceBusClient through Microsoft.Extensions.Azure.
using System.Net;
using System.Net.Sockets;
using AiWorkload.Messaging.Amqp;
using AiWorkload.Messaging.Embedded;
using AiWorkload.Messaging.Topology;
using AiWorkload.Messaging.Topology.AppModel;
using AiWorkload.Messaging.Transport;
using AiWorkload.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AiWorkload.Edge.Tests.Contract;

/// <summary>
/// The namespace the contract tests run against, composed as a service host composes it: the Azure adapter on
/// <c>ConnectionStrings:messaging</c>. Without <see cref="ConnectionVariable"/>, that is a durable embedded engine with the
/// product topology (WorkloadTopology.Model) behind its local AMQP face on a free loopback port. Otherwise it is the given
/// namespace or emulator, which must hold that topology (the emulator started by the AppHost has it, and so does a
/// namespace provisioned by infra). Use one dedicated to tests: the tests complete whatever they receive on the entities they touch.
/// </summary>
public sealed class ServiceBusNamespace : IAsyncLifetime, IDisposable
{
    /// <summary>The messaging connection string: the emulator's (Endpoint=sb://localhost:PORT;...UseDevelopmentEmulator=true) or a namespace's.</summary>
    public const string ConnectionVariable = "AIWORKLOAD_SERVICEBUS_CONNECTION";

    /// <summary>Optional: the emulator serves administration (message counts) on its HTTP port, not its AMQP port.</summary>
    public const string AdministrationVariable = "AIWORKLOAD_SERVICEBUS_ADMINISTRATION_CONNECTION";

    private readonly TemporaryDirectory? _directory;
    private EmbeddedServiceBus? _engine;
    private AmqpServiceBusHost? _face;
    private IHost? _host;

    public ServiceBusNamespace()
    {
        if (!HasExternalNamespace)
        {
            _directory = new TemporaryDirectory();
        }
    }

    /// <summary>Whether the message counts can be read: a namespace serves them itself, the local face only through <see cref="AdministrationVariable"/>.</summary>
    public static bool HasAdministration => HasExternalNamespace || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(AdministrationVariable));

    public IMessagingTransport Transport => _host?.Services.GetRequiredService<IMessagingTransport>()
        ?? throw new InvalidOperationException("The namespace is not initialized.");

    private static bool HasExternalNamespace => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(ConnectionVariable));

    public async Task InitializeAsync()
    {
        var connection = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (_directory is not null)
        {
            _engine = await EmbeddedServiceBus.OpenAsync(new EmbeddedServiceBusOptions { Topology = WorkloadTopology.Model, DataDirectory = _directory.Path });
            _face = new AmqpServiceBusHost(_engine, new AmqpServiceBusOptions { Port = FreePort(), HostName = "127.0.0.1" });
            _face.Start();
            connection = _face.ConnectionString;
        }

        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{ServiceBusHosting.ConnectionName}"] = connection,
            [ServiceBusHosting.AdministrationConnectionStringKey] = Environment.GetEnvironmentVariable(AdministrationVariable),
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

        if (_face is not null)
        {
            await _face.DisposeAsync();
        }

        if (_engine is not null)
        {
            await _engine.DisposeAsync();
        }

        Dispose();
    }

    /// <summary>Only the engine's directory: everything holding a connection is disposed asynchronously above.</summary>
    public void Dispose() => _directory?.Dispose();

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
