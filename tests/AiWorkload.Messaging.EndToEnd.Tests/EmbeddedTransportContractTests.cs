using AiWorkload.Messaging.Contract;
using AiWorkload.Messaging.Transport;
using AiWorkload.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AiWorkload.Messaging.EndToEnd.Tests;

/// <summary>The shared transport contract on the durable embedded adapter: the same tests the Azure adapter runs on a namespace.</summary>
public sealed class EmbeddedTransportContractTests(EmbeddedTransportContractTests.EmbeddedTransport transport)
    : TransportContractTests, IClassFixture<EmbeddedTransportContractTests.EmbeddedTransport>
{
    protected override IMessagingTransport Transport => transport.Transport;

    /// <summary>An in-process engine delivers at once, so a second of silence already means nothing else is coming.</summary>
    protected override TimeSpan QuietPeriod => TimeSpan.FromSeconds(1);

    /// <summary>One durable engine with the product topology for the whole class, as a namespace is for the Azure run.</summary>
    public sealed class EmbeddedTransport : IAsyncLifetime, IDisposable
    {
        private readonly TemporaryDirectory _directory = new();
        private ServiceProvider? _services;

        public IMessagingTransport Transport => _services!.GetRequiredService<IMessagingTransport>();

        public Task InitializeAsync()
        {
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddMessaging();
            services.AddEmbeddedServiceBus(options => options.DataDirectory = _directory.Path);
            _services = services.BuildServiceProvider();
            return Task.CompletedTask;
        }

        public async Task DisposeAsync()
        {
            if (_services is not null)
            {
                await _services.DisposeAsync();
            }

            Dispose();
        }

        public void Dispose() => _directory.Dispose();
    }
}
