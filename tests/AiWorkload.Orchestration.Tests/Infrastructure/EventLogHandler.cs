using AiWorkload.Messaging;

namespace AiWorkload.Orchestration.Tests.Infrastructure;

/// <summary>Records what another subscriber of the topic receives.</summary>
internal sealed class EventLogHandler<T>(EventLog log) : IMessageHandler<T>
    where T : class
{
    public Task HandleAsync(T message, IMessageContext context, CancellationToken cancellationToken)
    {
        log.Received.Enqueue((message, context.MessageId));
        return Task.CompletedTask;
    }
}
