using AiWorkload.Messaging.Embedded.Adapter;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AiWorkload.Messaging.Amqp.Hosting;

/// <summary>Opens the process's engine and serves it over AMQP for the host's lifetime.</summary>
internal sealed class AmqpEndpointService(
    EmbeddedServiceBusProvider engines,
    IOptions<AmqpEndpointSettings> settings,
    AmqpEndpointState state,
    ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    private AmqpServiceBusHost? _host;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var options = settings.Value.ToOptions();
        var engine = await engines.GetEngineAsync(cancellationToken);
        _host = new AmqpServiceBusHost(engine, options, loggers);
        _host.Start();
        state.Started(_host);
    }

    public Task StopAsync(CancellationToken cancellationToken) => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _host, null) is { } host)
        {
            await host.DisposeAsync();
        }
    }
}
