namespace AiWorkload.Messaging;

/// <summary>
/// Sends typed messages. Events are published to the topic their type is registered with, commands are sent to their
/// queue. Subject, MessageId, SessionId and routing properties come from the type's conventions unless
/// <see cref="MessageOptions"/> overrides them.
/// </summary>
public interface IMessageBus
{
    Task PublishAsync<TEvent>(TEvent @event, MessageOptions? options = null, CancellationToken cancellationToken = default)
        where TEvent : class;

    /// <summary>Publishes all events in one atomic send: all are accepted or none is.</summary>
    Task PublishBatchAsync<TEvent>(IReadOnlyCollection<TEvent> events, CancellationToken cancellationToken = default)
        where TEvent : class;

    Task SendAsync<TCommand>(TCommand command, MessageOptions? options = null, CancellationToken cancellationToken = default)
        where TCommand : class;

    /// <summary>Sends all commands in one atomic send: all are accepted or none is.</summary>
    Task SendBatchAsync<TCommand>(IReadOnlyCollection<TCommand> commands, CancellationToken cancellationToken = default)
        where TCommand : class;

    /// <summary>Schedules an event or a command for <paramref name="enqueueTime"/>; keep the result to cancel it.</summary>
    Task<ScheduledMessage> ScheduleAsync<TMessage>(TMessage message, DateTimeOffset enqueueTime, MessageOptions? options = null, CancellationToken cancellationToken = default)
        where TMessage : class;

    Task CancelScheduledAsync(ScheduledMessage scheduled, CancellationToken cancellationToken = default);
}
