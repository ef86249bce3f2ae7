using AiWorkload.Messaging.Amqp.Connections;
using AiWorkload.Messaging.Amqp.Security;
using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Encoding;

namespace AiWorkload.Messaging.Amqp.Management;

internal sealed partial class ManagementNode
{
    private static async Task<AmqpMessage> GetSessionStateAsync(ManagementRequest request, string entity, ConnectionContext connection)
    {
        Demand(connection, entity, AccessRights.Listen);
        var state = await HeldSession(connection, entity, request.String("session-id")).GetSessionStateAsync();
        return ManagementResponse.Ok("session-state", state is null ? null : (object)new ArraySegment<byte>(state));
    }

    private static async Task<AmqpMessage> SetSessionStateAsync(ManagementRequest request, string entity, ConnectionContext connection)
    {
        Demand(connection, entity, AccessRights.Listen);
        var session = HeldSession(connection, entity, request.String("session-id"));
        var state = request["session-state"] switch
        {
            ArraySegment<byte> bytes => bytes.ToArray(),
            null => null,
            _ => throw Errors.AmqpErrors.Argument("'session-state' is binary or null."),
        };
        await session.SetSessionStateAsync(state);
        return ManagementResponse.Done();
    }

    private AmqpMessage ListSessions(ManagementRequest request, string entity, ConnectionContext connection)
    {
        Demand(connection, entity, AccessRights.Listen);
        var skip = Math.Max(0, request.Int("skip", 0));
        var top = Math.Max(0, request.Int("top", int.MaxValue));
        var page = engine.GetSessionIds(entity).Skip(skip).Take(top).ToArray();
        if (page.Length == 0)
        {
            return ManagementResponse.NoContent();
        }

        return ManagementResponse.Ok(new AmqpMap
        {
            [new MapKey("skip")] = skip + page.Length,
            [new MapKey("sessions-ids")] = page,
        });
    }
}
