using System.Collections.Concurrent;
using AiWorkload.Messaging;

namespace AiWorkload.Ingestion.Tests.Infrastructure;

/// <summary>
/// An <see cref="IMessageBus"/> for failure tests: it fails the first <see cref="FailuresLeft"/> sends as an unreachable
/// broker would, then hands them to <paramref name="inner"/> (or just records them); with <paramref name="crashAfterSend"/>
/// it sends and then fails, as a process that dies before marking its outbox entry sent.
/// </summary>
internal sealed class ScriptedBus(IMessageBus? inner = null, bool crashAfterSend = false) : IMessageBus
{
    public int FailuresLeft { get; set; }

    /// <summary>An error to throw for a given message, as Service Bus refusing that one message.</summary>
    public Func<object, Exception?> Refuse { get; set; } = _ => null;

    public int Attempts => _attempts;

    public ConcurrentQueue<object> Sent { get; } = new();

    private int _attempts;

    public Task PublishAsync<TEvent>(TEvent @event, MessageOptions? options = null, CancellationToken cancellationToken = default)
        where TEvent : class =>
        HandleAsync(@event, () => inner?.PublishAsync(@event, options, cancellationToken) ?? Task.CompletedTask);

    public Task SendAsync<TCommand>(TCommand command, MessageOptions? options = null, CancellationToken cancellationToken = default)
        where TCommand : class =>
        HandleAsync(command, () => inner?.SendAsync(command, options, cancellationToken) ?? Task.CompletedTask);

    public Task PublishBatchAsync<TEvent>(IReadOnlyCollection<TEvent> events, CancellationToken cancellationToken = default)
        where TEvent : class => throw new NotSupportedException();

    public Task SendBatchAsync<TCommand>(IReadOnlyCollection<TCommand> commands, CancellationToken cancellationToken = default)
        where TCommand : class => throw new NotSupportedException();

    public Task<ScheduledMessage> ScheduleAsync<TMessage>(TMessage message, DateTimeOffset enqueueTime, MessageOptions? options = null, CancellationToken cancellationToken = default)
        where TMessage : class => throw new NotSupportedException();

    public Task CancelScheduledAsync(ScheduledMessage scheduled, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    private async Task HandleAsync(object message, Func<Task> send)
    {
        Interlocked.Increment(ref _attempts);
        if (Refuse(message) is { } refusal)
        {
            throw refusal;
        }

        if (FailuresLeft > 0)
        {
            FailuresLeft--;
            throw new MessagingException(MessagingErrorReason.ServiceBusy, "workload-events", "The broker is unreachable.");
        }

        await send();
        Sent.Enqueue(message);
        if (crashAfterSend)
        {
            throw new MessagingException(MessagingErrorReason.GeneralError, null, "The process died after the broker accepted the message.");
        }
    }
}
