using System.Collections.Concurrent;
using AiWorkload.Messaging.Amqp.Connections;
using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Framing;

namespace AiWorkload.Messaging.Amqp.Links;

/// <summary>
/// A request/response node ($cbs, $management): the client attaches a sender for requests and a receiver whose target is
/// its reply-to address; each request is answered on the receiver link named by its reply-to, correlated by message-id.
/// </summary>
internal abstract class RequestResponseNode(ILogger logger)
{
    private readonly ConcurrentDictionary<(AmqpConnection, string), SendingAmqpLink> _replyLinks = new();

    public void Attach(AmqpLink link, NodeAddress address, ConnectionContext connection)
    {
        if (link is ReceivingAmqpLink requests)
        {
            requests.RegisterMessageListener(request => _ = AnswerAsync(requests, request, address, connection));
            return;
        }

        var replies = (SendingAmqpLink)link;
        var replyTo = (replies.Settings.Target as Target)?.Address?.ToString() ?? "";
        var key = (link.Session.Connection, replyTo);
        if (!_replyLinks.TryAdd(key, replies))
        {
            throw Errors.AmqpErrors.NotAllowed($"A reply link with target address '{replyTo}' is already attached on this connection.");
        }

        replies.SafeAddClosed((_, _) => _replyLinks.TryRemove(new(key, replies)));
    }

    protected abstract Task<AmqpMessage> HandleAsync(AmqpMessage request, NodeAddress address, ConnectionContext connection);

    /// <summary>The node's own way of saying a request failed.</summary>
    protected abstract AmqpMessage ErrorResponse(Exception exception);

    private async Task AnswerAsync(ReceivingAmqpLink requests, AmqpMessage request, NodeAddress address, ConnectionContext connection)
    {
        try
        {
            using (request)
            {
                var replyTo = request.Properties?.ReplyTo?.ToString();
                var messageId = request.Properties?.MessageId;
                AmqpMessage response;
                try
                {
                    response = await HandleAsync(request, address, connection);
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    response = ErrorResponse(exception);
                }

                requests.AcceptMessage(request, settled: true, batchable: false);
                if (replyTo is null || !_replyLinks.TryGetValue((requests.Session.Connection, replyTo), out var replies))
                {
                    Log.NoReplyLink(logger, replyTo ?? "(none)");
                    response.Dispose();
                    return;
                }

                response.Properties.CorrelationId = messageId;
                replies.SendMessageNoWait(response, new ArraySegment<byte>(Guid.NewGuid().ToByteArray()), AmqpConstants.NullBinary);
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            Log.RequestFailed(logger, exception);
        }
    }
}
