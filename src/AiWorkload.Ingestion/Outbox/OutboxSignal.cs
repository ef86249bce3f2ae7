using System.Threading.Channels;

namespace AiWorkload.Ingestion.Outbox;

/// <summary>Wakes the dispatcher after a write, so a message leaves within milliseconds instead of at the next sweep.</summary>
public sealed class OutboxSignal
{
    // One pending wake-up is enough: the dispatcher drains everything pending each time it wakes.
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _channel.Writer.TryWrite(true);

    internal async Task WaitAsync(CancellationToken cancellationToken) => await _channel.Reader.ReadAsync(cancellationToken);
}
