using AiWorkload.Messaging.Amqp.Connections;
using AiWorkload.Messaging.Amqp.Links;
using AiWorkload.Messaging.Amqp.Messages;
using AiWorkload.Messaging.Amqp.Security;
using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Encoding;

namespace AiWorkload.Messaging.Amqp.Management;

internal sealed partial class ManagementNode
{
    /// <summary>receiver-settle-mode 0 is receive-and-delete: the deferred message is completed as it is handed out.</summary>
    private async Task<AmqpMessage> ReceiveDeferredAsync(ManagementRequest request, string entity, ConnectionContext connection)
    {
        Demand(connection, entity, AccessRights.Listen);
        var sequenceNumbers = request.Longs("sequence-numbers");
        var receiveAndDelete = request.Int("receiver-settle-mode", 1) == 0;
        var sessionId = request.OptionalString("session-id");
        var received = sessionId is null
            ? await engine.ReceiveDeferredAsync(entity, sequenceNumbers)
            : await HeldSession(connection, entity, sessionId).ReceiveDeferredAsync(sequenceNumbers);

        var messages = new List<object>(received.Count);
        foreach (var message in received)
        {
            if (receiveAndDelete)
            {
                await engine.CompleteAsync(entity, message.LockToken);
            }

            messages.Add(new AmqpMap
            {
                [new MapKey("lock-token")] = message.LockToken,
                [new MapKey("message")] = OutgoingMessages.Encode(OutgoingMessages.ToAmqp(message)),
            });
        }

        return ManagementResponse.Ok("messages", messages);
    }

    private async Task<AmqpMessage> UpdateDispositionAsync(ManagementRequest request, string entity, ConnectionContext connection)
    {
        Demand(connection, entity, AccessRights.Listen);
        var status = request.String("disposition-status");
        var reason = request.OptionalString("deadletter-reason");
        var description = request.OptionalString("deadletter-description");
        var properties = Settlement.Properties(request.Map("properties-to-modify"));
        foreach (var lockToken in request.Guids("lock-tokens"))
        {
            await Settlement.ApplyAsync(engine, entity, lockToken, status, reason, description, properties);
        }

        return ManagementResponse.Done();
    }
}
