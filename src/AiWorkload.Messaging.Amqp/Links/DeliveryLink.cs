using AiWorkload.Messaging.Amqp.Errors;
using AiWorkload.Messaging.Amqp.Messages;
using AiWorkload.Messaging.Embedded;
using AiWorkload.Messaging.Embedded.Messages;
using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Framing;

namespace AiWorkload.Messaging.Amqp.Links;

/// <summary>
/// A link on which the broker delivers: it takes from the engine only as many messages as the client has granted credit
/// for, waits in the engine (never polling) while there are none, and stops waiting when the client drains.
/// Delivery tags are the lock tokens, and each disposition the client sends is one engine settlement, answered with the
/// outcome or with the engine's error (a lost lock is <c>com.microsoft:message-lock-lost</c>).
/// </summary>
internal sealed class DeliveryLink : IDisposable
{
    private const int MaxMessagesPerReceive = 256;

    private readonly EmbeddedServiceBus _engine;
    private readonly string _entityPath;
    private readonly SendingAmqpLink _link;
    private readonly MessageSource _source;
    private readonly ReceiveMode _mode;
    private readonly TimeSpan _pollInterval;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _creditArrived = new(0, int.MaxValue);
    private readonly CancellationTokenSource _closed = new();
    private CancellationTokenSource _waiting = new();
    private volatile bool _draining;

    public DeliveryLink(EmbeddedServiceBus engine, string entityPath, SendingAmqpLink link, MessageSource source, TimeSpan pollInterval, ILogger logger)
    {
        _engine = engine;
        _entityPath = entityPath;
        _link = link;
        _source = source;
        _pollInterval = pollInterval;
        _logger = logger;
        _mode = link.Settings.SettleType == SettleMode.SettleOnSend ? ReceiveMode.ReceiveAndDelete : ReceiveMode.PeekLock;
        link.RegisterCreditListener(OnCredit);
        link.RegisterDispositionListener(OnDisposition);
        link.SafeAddClosed((_, _) => _closed.Cancel());
    }

    public void Start() => _ = Task.Run(PumpAsync);

    private void OnCredit(uint credit, bool drain, ArraySegment<byte> txnId)
    {
        try
        {
            // The library answers the drain and zeroes the credit only after this callback: the flag tells the pump, which
            // may be between its credit check and its engine call, not to start waiting for credit that is going away.
            _draining = drain;
            if (drain)
            {
                Volatile.Read(ref _waiting).Cancel();
            }

            _creditArrived.Release();
        }
        catch (ObjectDisposedException)
        {
            // The link closed while the flow was on its way.
        }
    }

    private async Task PumpAsync()
    {
        try
        {
            while (!_closed.IsCancellationRequested)
            {
                await _creditArrived.WaitAsync(_closed.Token);
                while (_link.LinkCredit > 0 && !_draining && !_closed.IsCancellationRequested)
                {
                    var waiting = new CancellationTokenSource();
                    Interlocked.Exchange(ref _waiting, waiting).Dispose();
                    if (_draining)
                    {
                        break;
                    }

                    using var linked = CancellationTokenSource.CreateLinkedTokenSource(_closed.Token, waiting.Token);
                    IReadOnlyList<ReceivedMessage> messages;
                    try
                    {
                        var wanted = (int)Math.Min(_link.LinkCredit, MaxMessagesPerReceive);
                        messages = await _source(Math.Max(1, wanted), _pollInterval, _mode, linked.Token);
                    }
                    catch (OperationCanceledException) when (!_closed.IsCancellationRequested)
                    {
                        break;
                    }

                    foreach (var message in messages)
                    {
                        var tag = message.LockToken == Guid.Empty ? Guid.NewGuid() : message.LockToken;
                        _link.SendMessageNoWait(OutgoingMessages.ToAmqp(message), new ArraySegment<byte>(tag.ToByteArray()), AmqpConstants.NullBinary);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (_closed.IsCancellationRequested)
        {
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            Log.ReceivePumpFailed(_logger, _entityPath, exception);
            _link.SafeClose(AmqpErrors.Exception(exception));
        }
        finally
        {
            Dispose();
        }
    }

    public void Dispose()
    {
        _closed.Cancel();
        _creditArrived.Dispose();
        Volatile.Read(ref _waiting).Dispose();
    }

    private void OnDisposition(Delivery delivery)
    {
        if (delivery.State is null || delivery.State is Received)
        {
            return;
        }

        _ = SettleAsync(delivery);
    }

    private async Task SettleAsync(Delivery delivery)
    {
        DeliveryState reply;
        try
        {
            var lockToken = new Guid(delivery.DeliveryTag.AsSpan());
            await Settlement.ApplyAsync(_engine, _entityPath, lockToken, delivery.State);
            // A rejected outcome that carries an error reads as a failed settlement to the .NET client (it then retries over
            // $management and finds the lock gone): a dead-letter that took effect is answered with a bare rejected.
            reply = delivery.State is Rejected ? new Rejected() : delivery.State;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            if (exception is not MessagingException)
            {
                Log.SettlementFailed(_logger, _entityPath, exception);
            }

            reply = new Rejected { Error = AmqpErrors.From(exception) };
        }

        if (!delivery.Settled)
        {
            _link.DisposeDelivery(delivery, true, reply);
        }
    }
}
