namespace AiWorkload.Bench.Broker;

/// <summary>A broker under test. Drivers keep their connection or engine across runs so a run measures only the message path.</summary>
internal interface IBrokerDriver : IAsyncDisposable
{
    string Name { get; }

    /// <summary>True for the embedded engine rows, which the ratio line compares against RabbitMQ.</summary>
    bool IsEmbedded { get; }

    /// <summary>Sends <paramref name="messageCount"/> durable messages and returns once every one was received and settled.</summary>
    Task<BrokerRunResult> RunAsync(BrokerScenario scenario, int messageCount, CancellationToken cancellationToken);
}
