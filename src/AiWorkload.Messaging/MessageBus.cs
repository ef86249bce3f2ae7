using AiWorkload.Messaging.Serialization;
using AiWorkload.Messaging.Telemetry;
using AiWorkload.Messaging.Transport;

namespace AiWorkload.Messaging;

/// <summary>The port's sender: builds envelopes by the types' conventions, traces each send, and hands it to the adapter.</summary>
internal sealed class MessageBus(MessageTypeRegistry types, IMessagingTransport transport, MessagingTelemetry telemetry, TimeProvider time) : IMessageBus
{
    public Task PublishAsync<TEvent>(TEvent @event, MessageOptions? options = null, CancellationToken cancellationToken = default)
        where TEvent : class
    {
        ArgumentNullException.ThrowIfNull(@event);
        var type = Expect(typeof(TEvent), MessageKind.Event);
        return SendCoreAsync(type, [type.CreateTransportMessage(@event, options)], cancellationToken);
    }

    public Task PublishBatchAsync<TEvent>(IReadOnlyCollection<TEvent> events, CancellationToken cancellationToken = default)
        where TEvent : class
    {
        ArgumentNullException.ThrowIfNull(events);
        var type = Expect(typeof(TEvent), MessageKind.Event);
        return SendCoreAsync(type, [.. events.Select(e => type.CreateTransportMessage(e, null))], cancellationToken);
    }

    public Task SendAsync<TCommand>(TCommand command, MessageOptions? options = null, CancellationToken cancellationToken = default)
        where TCommand : class
    {
        ArgumentNullException.ThrowIfNull(command);
        var type = Expect(typeof(TCommand), MessageKind.Command);
        return SendCoreAsync(type, [type.CreateTransportMessage(command, options)], cancellationToken);
    }

    public Task SendBatchAsync<TCommand>(IReadOnlyCollection<TCommand> commands, CancellationToken cancellationToken = default)
        where TCommand : class
    {
        ArgumentNullException.ThrowIfNull(commands);
        var type = Expect(typeof(TCommand), MessageKind.Command);
        return SendCoreAsync(type, [.. commands.Select(c => type.CreateTransportMessage(c, null))], cancellationToken);
    }

    public async Task<ScheduledMessage> ScheduleAsync<TMessage>(TMessage message, DateTimeOffset enqueueTime, MessageOptions? options = null, CancellationToken cancellationToken = default)
        where TMessage : class
    {
        ArgumentNullException.ThrowIfNull(message);
        var type = types.Get(typeof(TMessage));
        var envelope = type.CreateTransportMessage(message, options);
        var sequenceNumbers = await TraceAsync(MessagingOperations.Schedule, type.Destination, [envelope],
            () => transport.ScheduleAsync(type.Destination, [envelope], enqueueTime, cancellationToken));
        return new ScheduledMessage(type.Destination, sequenceNumbers[0], envelope.MessageId);
    }

    public Task CancelScheduledAsync(ScheduledMessage scheduled, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scheduled);
        return transport.CancelScheduledAsync(scheduled.Destination, [scheduled.SequenceNumber], cancellationToken);
    }

    private async Task SendCoreAsync(MessageType type, IReadOnlyList<TransportMessage> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return;
        }

        await TraceAsync(MessagingOperations.Send, type.Destination, messages, async () =>
        {
            await transport.SendAsync(type.Destination, messages, cancellationToken);
            return true;
        });
    }

    private async Task<T> TraceAsync<T>(string operation, string destination, IReadOnlyList<TransportMessage> messages, Func<Task<T>> send)
    {
        var started = time.GetTimestamp();
        using var activity = telemetry.StartSend(operation, destination, messages);
        try
        {
            var result = await send();
            telemetry.RecordSent(operation, destination, messages.Count, time.GetElapsedTime(started), null);
            return result;
        }
        catch (Exception error)
        {
            activity.RecordError(error);
            telemetry.RecordSent(operation, destination, messages.Count, time.GetElapsedTime(started), error);
            throw;
        }
    }

    private MessageType Expect(Type clrType, MessageKind kind)
    {
        var type = types.Get(clrType);
        if (type.Kind != kind)
        {
            var verb = type.Kind == MessageKind.Event ? "PublishAsync" : "SendAsync";
            throw new InvalidOperationException($"{clrType.Name} is registered as {(type.Kind == MessageKind.Event ? "an event" : "a command")}: use {verb}.");
        }

        return type;
    }
}
