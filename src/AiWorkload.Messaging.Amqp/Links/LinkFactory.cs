using AiWorkload.Messaging.Amqp.Cbs;
using AiWorkload.Messaging.Amqp.Connections;
using AiWorkload.Messaging.Amqp.Errors;
using AiWorkload.Messaging.Amqp.Management;
using AiWorkload.Messaging.Amqp.Security;
using AiWorkload.Messaging.Embedded;
using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Framing;
using Microsoft.Azure.Amqp.Transport;

namespace AiWorkload.Messaging.Amqp.Links;

/// <summary>
/// Decides what each attach means: <c>$cbs</c>, an entity's <c>$management</c>, or an entity to send to or receive from,
/// after the connection's grants allow it. A refused attach is answered with the reason as an AMQP error.
/// </summary>
internal sealed class LinkFactory(
    EmbeddedServiceBus engine,
    ConnectionRegistry connections,
    CbsNode cbs,
    ManagementNode management,
    SessionLinks sessions,
    AmqpServiceBusOptions options,
    ILoggerFactory loggers) : IRuntimeProvider
{
    private readonly ILogger _logger = loggers.CreateLogger<LinkFactory>();

    public AmqpConnection CreateConnection(TransportBase transport, ProtocolHeader protocolHeader, bool isInitiator, AmqpSettings amqpSettings, AmqpConnectionSettings connectionSettings)
    {
        var connection = new AmqpConnection(transport, protocolHeader, isInitiator, amqpSettings, connectionSettings);
        connections.Add(connection, transport.Principal as KeyPrincipal);
        return connection;
    }

    public AmqpSession CreateSession(AmqpConnection connection, AmqpSessionSettings settings) => new(connection, settings, this);

    public AmqpLink CreateLink(AmqpSession session, AmqpLinkSettings settings)
    {
        // Clients size their batches by this; a missing value would read as unlimited.
        settings.MaxMessageSize = (ulong)engine.MaxMessageSizeBytes;
        return settings.Role == true ? new ReceivingAmqpLink(session, settings) : new SendingAmqpLink(session, settings);
    }

    public IAsyncResult BeginOpenLink(AmqpLink link, TimeSpan timeout, AsyncCallback callback, object state)
    {
        var completion = new TaskCompletionSource(state);
        OpenLinkAsync(link).ContinueWith(
            opened =>
            {
                if (opened.Exception is { } failure)
                {
                    completion.TrySetException(AmqpErrors.Exception(failure.InnerException ?? failure));
                }
                else
                {
                    completion.TrySetResult();
                }

                callback?.Invoke(completion.Task);
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return completion.Task;
    }

    public void EndOpenLink(IAsyncResult result) => ((Task)result).GetAwaiter().GetResult();

    private async Task OpenLinkAsync(AmqpLink link)
    {
        var rawAddress = link.IsReceiver ? (link.Settings.Target as Target)?.Address?.ToString() : (link.Settings.Source as Source)?.Address?.ToString();
        try
        {
            var address = NodeAddress.Parse(rawAddress);
            var connection = connections.Get(link.Session.Connection);
            switch (address.Kind)
            {
                case NodeKind.Cbs:
                    cbs.Attach(link, address, connection);
                    break;
                case NodeKind.Management:
                    management.Attach(link, address, connection);
                    break;
                case NodeKind.Entity when link is ReceivingAmqpLink publisher:
                    connection.Demand(address.EntityPath, AccessRights.Send);
                    engine.EnsureSendable(address.EntityPath);
                    new PublishLink(engine, address.EntityPath, publisher).Start();
                    break;
                case NodeKind.Entity:
                    connection.Demand(address.EntityPath, AccessRights.Listen);
                    engine.EnsureReceivable(address.EntityPath);
                    var source = await sessions.SourceForAsync((SendingAmqpLink)link, address.EntityPath, connection);
                    new DeliveryLink(engine, address.EntityPath, (SendingAmqpLink)link, source, options.ReceivePollInterval, _logger).Start();
                    break;
            }
        }
        catch (AmqpException timeout) when (timeout.Error.Condition.Equals(ServiceBusConditions.Timeout))
        {
            // Session processors ask for the next session in a loop; an empty entity is their normal state, not news.
            Log.NoSessionAvailable(_logger, rawAddress ?? "(none)", timeout.Message);
            throw;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            Log.LinkRefused(_logger, rawAddress ?? "(none)", exception.Message);
            throw;
        }
    }
}
