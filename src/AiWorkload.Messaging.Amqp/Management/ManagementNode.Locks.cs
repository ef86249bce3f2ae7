using AiWorkload.Messaging.Amqp.Connections;
using AiWorkload.Messaging.Amqp.Security;
using Microsoft.Azure.Amqp;

namespace AiWorkload.Messaging.Amqp.Management;

internal sealed partial class ManagementNode
{
    private async Task<AmqpMessage> RenewLockAsync(ManagementRequest request, string entity, ConnectionContext connection)
    {
        Demand(connection, entity, AccessRights.Listen);
        var lockTokens = request.Guids("lock-tokens");
        var expirations = new DateTime[lockTokens.Count];
        for (var i = 0; i < lockTokens.Count; i++)
        {
            expirations[i] = (await engine.RenewLockAsync(entity, lockTokens[i])).UtcDateTime;
        }

        return ManagementResponse.Ok("expirations", expirations);
    }

    private static AmqpMessage RenewSessionLock(ManagementRequest request, string entity, ConnectionContext connection)
    {
        Demand(connection, entity, AccessRights.Listen);
        var session = HeldSession(connection, entity, request.String("session-id"));
        var lockedUntil = session.RenewSessionLockAsync().GetAwaiter().GetResult();
        return ManagementResponse.Ok("expiration", lockedUntil.UtcDateTime);
    }
}
