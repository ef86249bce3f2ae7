using AiWorkload.Messaging;

namespace AiWorkload.Orchestration.CrashHost;

/// <summary>Prints an event's MessageId before completing it, so the parent sees every delivery of every effect.</summary>
internal sealed class Printer<T> : IMessageHandler<T>
    where T : class
{
    public Task HandleAsync(T message, IMessageContext context, CancellationToken cancellationToken)
    {
        Console.WriteLine($"{(typeof(T).Name == "PipelineNotification" ? "NOTIFY" : "CHANGED")} {context.MessageId}");
        return Task.CompletedTask;
    }
}
