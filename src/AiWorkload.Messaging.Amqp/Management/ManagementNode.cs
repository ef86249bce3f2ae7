using AiWorkload.Messaging.Amqp.Connections;
using AiWorkload.Messaging.Amqp.Errors;
using AiWorkload.Messaging.Amqp.Links;
using AiWorkload.Messaging.Amqp.Security;
using AiWorkload.Messaging.Embedded;
using Microsoft.Azure.Amqp;

namespace AiWorkload.Messaging.Amqp.Management;

/// <summary>
/// <c>&lt;entity&gt;/$management</c>: the request/response operations the Service Bus clients use beside their links.
/// Each operation is one engine call; this class only reads requests, checks rights and writes responses.
/// </summary>
internal sealed partial class ManagementNode(EmbeddedServiceBus engine, ILogger<ManagementNode> logger) : RequestResponseNode(logger)
{
    private const string Vendor = "com.microsoft:";

    protected override async Task<AmqpMessage> HandleAsync(AmqpMessage message, NodeAddress address, ConnectionContext connection)
    {
        var request = ManagementRequest.Read(message);
        var entity = address.EntityPath;
        return request.Operation switch
        {
            Vendor + "renew-lock" => await RenewLockAsync(request, entity, connection),
            Vendor + "peek-message" => Peek(request, entity, connection),
            Vendor + "schedule-message" => await ScheduleAsync(request, entity, connection),
            Vendor + "cancel-scheduled-message" => await CancelScheduledAsync(request, entity, connection),
            Vendor + "receive-by-sequence-number" => await ReceiveDeferredAsync(request, entity, connection),
            Vendor + "update-disposition" => await UpdateDispositionAsync(request, entity, connection),
            Vendor + "renew-session-lock" => RenewSessionLock(request, entity, connection),
            Vendor + "get-session-state" => await GetSessionStateAsync(request, entity, connection),
            Vendor + "set-session-state" => await SetSessionStateAsync(request, entity, connection),
            Vendor + "get-message-sessions" => ListSessions(request, entity, connection),
            Vendor + "add-rule" => await AddRuleAsync(request, entity, connection),
            Vendor + "remove-rule" => await RemoveRuleAsync(request, entity, connection),
            Vendor + "enumerate-rules" => EnumerateRules(request, entity, connection),
            _ => throw new AmqpException(AmqpErrorCode.NotImplemented, $"The management operation '{request.Operation}' is not supported."),
        };
    }

    protected override AmqpMessage ErrorResponse(Exception exception) => ManagementResponse.Error(exception);

    private static EmbeddedSessionReceiver HeldSession(ConnectionContext connection, string entity, string sessionId) =>
        connection.FindSession(entity, sessionId)
        ?? throw new MessagingException(MessagingErrorReason.SessionLockLost, entity, $"This connection holds no lock on session '{sessionId}': accept the session first, or it expired.");

    private static void Demand(ConnectionContext connection, string entity, AccessRights rights) => connection.Demand(entity, rights);
}
