using System.Collections.Concurrent;
using System.Threading.Channels;
using AiWorkload.Messaging.Transport;

namespace AiWorkload.Messaging.Contract;

/// <summary>
/// A transport processor on one entity that hands a test its own messages (after the test's handler has run) and
/// completes anything else, so leftovers from earlier runs neither block the entity nor reach the assertions.
/// </summary>
public sealed class ProcessorProbe : IAsyncDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(30);
    private readonly Channel<TransportReceivedMessage> _handled = Channel.CreateUnbounded<TransportReceivedMessage>();
    private readonly ConcurrentQueue<TransportError> _errors = new();
    private readonly ITransportProcessor _processor;

    private ProcessorProbe(IMessagingTransport transport, TransportProcessorSettings settings, Func<TransportReceivedMessage, bool> isMine, Func<ITransportDelivery, CancellationToken, Task> handle)
    {
        _processor = transport.CreateProcessor(settings, async (delivery, cancellationToken) =>
        {
            if (!isMine(delivery.Message))
            {
                await delivery.CompleteAsync(cancellationToken);
                return;
            }

            await handle(delivery, cancellationToken);
            await _handled.Writer.WriteAsync(delivery.Message, cancellationToken);
        }, error =>
        {
            _errors.Enqueue(error);
            return Task.CompletedTask;
        });
    }

    public IReadOnlyCollection<TransportError> Errors => _errors;

    public static async Task<ProcessorProbe> StartAsync(
        IMessagingTransport transport,
        TransportProcessorSettings settings,
        Func<TransportReceivedMessage, bool> isMine,
        Func<ITransportDelivery, CancellationToken, Task>? handle = null)
    {
        var probe = new ProcessorProbe(transport, settings, isMine, handle ?? ((delivery, cancellationToken) => delivery.CompleteAsync(cancellationToken)));
        await probe._processor.StartAsync(CancellationToken.None);
        return probe;
    }

    /// <summary>The next of the test's messages, once handled; fails with the processor's errors if none comes in time.</summary>
    public async Task<TransportReceivedMessage> NextAsync(TimeSpan? wait = null)
    {
        using var timeout = new CancellationTokenSource(wait ?? DefaultWait);
        try
        {
            return await _handled.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"No message arrived within {wait ?? DefaultWait}. Processor errors: {string.Join("; ", _errors.Select(e => $"{e.Operation}: {e.Exception.Message}"))}");
            throw;
        }
    }

    /// <summary>True when none of the test's messages arrives for <paramref name="wait"/>.</summary>
    public async Task<bool> StaysQuietAsync(TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            await _handled.Reader.ReadAsync(timeout.Token);
            return false;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _processor.StopAsync(CancellationToken.None);
        await _processor.DisposeAsync();
    }
}
