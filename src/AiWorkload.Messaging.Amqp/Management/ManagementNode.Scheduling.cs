using AiWorkload.Messaging.Amqp.Connections;
using AiWorkload.Messaging.Amqp.Errors;
using AiWorkload.Messaging.Amqp.Messages;
using AiWorkload.Messaging.Amqp.Security;
using AiWorkload.Messaging.Embedded.Messages;
using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Encoding;

namespace AiWorkload.Messaging.Amqp.Management;

internal sealed partial class ManagementNode
{
    private async Task<AmqpMessage> ScheduleAsync(ManagementRequest request, string entity, ConnectionContext connection)
    {
        Demand(connection, entity, AccessRights.Send);
        var messages = new List<OutgoingMessage>();
        foreach (var entry in request.Maps("messages"))
        {
            if (entry[new MapKey("message")] is not ArraySegment<byte> encoded)
            {
                throw AmqpErrors.Argument("Each message to schedule carries its encoded form in 'message'.");
            }

            using var decoded = IncomingMessages.Decode(encoded);
            messages.Add(IncomingMessages.ToEngine(decoded));
        }

        // One engine call per enqueue time keeps each group atomic; clients send one time per request in practice.
        var sequenceNumbers = new List<long>(messages.Count);
        foreach (var group in messages.GroupBy(m => m.ScheduledEnqueueTime ?? engine.TimeProvider.GetUtcNow()))
        {
            sequenceNumbers.AddRange(await engine.ScheduleAsync(entity, [.. group], group.Key));
        }

        return ManagementResponse.Ok("sequence-numbers", sequenceNumbers.ToArray());
    }

    private async Task<AmqpMessage> CancelScheduledAsync(ManagementRequest request, string entity, ConnectionContext connection)
    {
        Demand(connection, entity, AccessRights.Send);
        foreach (var sequenceNumber in request.Longs("sequence-numbers"))
        {
            await engine.CancelScheduledAsync(entity, sequenceNumber);
        }

        return ManagementResponse.Done();
    }
}
