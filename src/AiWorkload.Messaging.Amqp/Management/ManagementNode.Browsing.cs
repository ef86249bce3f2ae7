using AiWorkload.Messaging.Amqp.Connections;
using AiWorkload.Messaging.Amqp.Messages;
using AiWorkload.Messaging.Amqp.Security;
using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Encoding;

namespace AiWorkload.Messaging.Amqp.Management;

internal sealed partial class ManagementNode
{
    private AmqpMessage Peek(ManagementRequest request, string entity, ConnectionContext connection)
    {
        Demand(connection, entity, AccessRights.Listen);
        var from = request.Long("from-sequence-number");
        var count = Math.Max(1, request.Int("message-count", 1));
        var sessionId = request.OptionalString("session-id");
        var peeked = engine.Peek(entity, from, sessionId is null ? count : int.MaxValue)
            .Where(m => sessionId is null || string.Equals(m.SessionId, sessionId, StringComparison.Ordinal))
            .Take(count)
            .ToList();
        if (peeked.Count == 0)
        {
            return ManagementResponse.NoContent();
        }

        var messages = peeked
            .Select(m => (object)new AmqpMap { [new MapKey("message")] = OutgoingMessages.Encode(OutgoingMessages.ToAmqp(m, peeked: true)) })
            .ToList();
        return ManagementResponse.Ok("messages", messages);
    }
}
