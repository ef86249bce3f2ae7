namespace AiWorkload.Messaging;

/// <summary>
/// Handles one message type. Delivery is at least once, so a handler must be idempotent on <see cref="IMessageContext.MessageId"/>
/// or on a business key. Returning completes the message unless the handler settled it; throwing applies the failure policy.
/// </summary>
public interface IMessageHandler<in TMessage>
    where TMessage : class
{
    Task HandleAsync(TMessage message, IMessageContext context, CancellationToken cancellationToken);
}
