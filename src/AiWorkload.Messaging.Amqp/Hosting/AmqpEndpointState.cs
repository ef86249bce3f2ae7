namespace AiWorkload.Messaging.Amqp.Hosting;

/// <summary>Whether the AMQP endpoint listens, and its connection string: what health checks and banners read.</summary>
public sealed class AmqpEndpointState
{
    private AmqpServiceBusHost? _host;

    public bool IsListening => _host is not null;

    public string? ConnectionString => _host?.ConnectionString;

    public int ConnectionCount => _host?.ConnectionCount ?? 0;

    internal void Started(AmqpServiceBusHost host) => _host = host;
}
