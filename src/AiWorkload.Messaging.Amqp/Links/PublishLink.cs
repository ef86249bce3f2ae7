using AiWorkload.Messaging.Amqp.Errors;
using AiWorkload.Messaging.Amqp.Messages;
using AiWorkload.Messaging.Embedded;
using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Framing;

namespace AiWorkload.Messaging.Amqp.Links;

/// <summary>
/// A link on which a client sends to an entity. A transfer is accepted only once the engine has it on disk; a batch is
/// one engine send, so all of it is accepted or none. Refusals carry the engine's reason as the AMQP condition.
/// </summary>
internal sealed class PublishLink(EmbeddedServiceBus engine, string entityPath, ReceivingAmqpLink link)
{
    public void Start() => link.RegisterMessageListener(message => _ = AcceptAsync(message));

    private async Task AcceptAsync(AmqpMessage message)
    {
        Outcome outcome;
        try
        {
            // Read and hand over before the first await: the engine numbers messages in the order transfers arrived.
            await engine.SendAsync(entityPath, IncomingMessages.Read(message));
            outcome = AmqpConstants.AcceptedOutcome;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            outcome = new Rejected { Error = AmqpErrors.From(exception) };
        }

        link.DisposeMessage(message, outcome, settled: true, message.Batchable);
        message.Dispose();
    }
}
