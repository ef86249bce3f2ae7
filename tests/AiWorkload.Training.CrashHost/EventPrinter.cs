using AiWorkload.Contracts.Events;
using AiWorkload.Messaging;

namespace AiWorkload.Training.CrashHost;

/// <summary>Prints every workload event of one type that reaches the orchestrator subscription, for the parent test to wait on.</summary>
internal sealed class EventPrinter<TEvent> : IMessageHandler<TEvent>
    where TEvent : class, IWorkloadEvent
{
    public Task HandleAsync(TEvent message, IMessageContext context, CancellationToken cancellationToken)
    {
        Console.WriteLine($"EVENT {typeof(TEvent).Name} {message.EventId}");
        return Task.CompletedTask;
    }
}
